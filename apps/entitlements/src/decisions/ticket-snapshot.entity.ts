import type { TicketStatus } from '@support/contracts';
import type { TicketPriority } from '@support/domain-entitlements';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * What this service knows of a ticket owned by ticketing, kept from its events, so that a plan
 * change can re-decide the account's open tickets without asking ticketing.
 */
@Entity('ticket_snapshot')
@Index('idx_ticket_snapshot_account', ['accountId', 'status'])
export class TicketSnapshot {
  @PrimaryColumn({ name: 'ticket_id', type: 'varchar', length: 64 }) ticketId: string;
  @Column({ name: 'account_id', type: 'varchar', length: 64, nullable: true }) accountId: string | null;
  @Column({ name: 'requester_id', type: 'varchar', length: 128 }) requesterId: string;
  @Column({ type: 'varchar', length: 16 }) priority: TicketPriority;
  @Column({ type: 'varchar', length: 16 }) status: TicketStatus;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt: Date;
  /** When ticketing changed the status or priority last; older replays must not undo newer changes. */
  @Column({ name: 'status_changed_at', type: 'datetime', precision: 3, nullable: true }) statusChangedAt: Date | null;
  @Column({ name: 'priority_changed_at', type: 'datetime', precision: 3, nullable: true }) priorityChangedAt: Date | null;
  @Column({ name: 'current_decision_id', type: 'char', length: 36, nullable: true }) currentDecisionId: string | null;
}
