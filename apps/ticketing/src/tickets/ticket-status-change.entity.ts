import type { TicketStatus } from '@support/contracts';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One step of a ticket's status history, written with the status_changed event it reports. */
@Entity('ticket_status_change')
@Index('idx_status_change_ticket', ['ticketId', 'id'])
export class TicketStatusChange {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id: string;
  @Column({ name: 'ticket_id', type: 'char', length: 36 }) ticketId: string;
  /** null for the entry that records the ticket being filed */
  @Column({ name: 'previous_status', type: 'varchar', length: 16, nullable: true }) previousStatus: TicketStatus | null;
  @Column({ type: 'varchar', length: 16 }) status: TicketStatus;
  @Column({ type: 'text', nullable: true }) reason: string | null;
  @Column({ name: 'changed_by', type: 'varchar', length: 128 }) changedBy: string;
  @Column({ name: 'changed_at', type: 'datetime', precision: 3 }) changedAt: Date;
}
