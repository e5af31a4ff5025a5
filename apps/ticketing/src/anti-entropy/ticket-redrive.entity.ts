import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * How often a stuck ticket's created event was published again, and when the next re-drive is
 * due. Kept beside the ticket, not on it, so the anti-entropy sweep never writes the ticket row
 * that consumers and agents are changing.
 */
@Entity('ticket_redrive')
@Index('idx_ticket_redrive_next', ['nextRedriveAt'])
export class TicketRedrive {
  @PrimaryColumn({ name: 'ticket_id', type: 'char', length: 36 }) ticketId: string;
  @Column({ type: 'int' }) attempts: number;
  /** what the ticket was waiting for at the last re-drive: `decision` or `clock` */
  @Column({ type: 'varchar', length: 16 }) reason: string;
  @Column({ name: 'first_redriven_at', type: 'datetime', precision: 3 }) firstRedrivenAt: Date;
  @Column({ name: 'last_redriven_at', type: 'datetime', precision: 3 }) lastRedrivenAt: Date;
  /** null once the attempts are used up: the ticket is left to an operator */
  @Column({ name: 'next_redrive_at', type: 'datetime', precision: 3, nullable: true }) nextRedriveAt: Date | null;
}
