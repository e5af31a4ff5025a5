import type { TicketStatus } from '@support/contracts';
import type { TicketPriority } from '@support/domain-sla';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * What this service knows about a ticket. Decisions and ticket events travel on different
 * topics, so either may arrive first; a clock started late still honours a priority change, a
 * pause or a first response that was seen before it.
 */
@Entity('sla_ticket')
@Index('idx_sla_ticket_unchecked', ['entitled', 'clockCheckedAt', 'decidedAt'])
export class SlaTicketRecord {
  @PrimaryColumn({ name: 'ticket_id', type: 'varchar', length: 64 }) ticketId: string;
  @Column({ name: 'requester_id', type: 'varchar', length: 64, nullable: true }) requesterId: string | null;
  @Column({ name: 'account_id', type: 'varchar', length: 64, nullable: true }) accountId: string | null;
  @Column({ type: 'varchar', length: 16, nullable: true }) plan: string | null;
  /** null until the plan check has been seen */
  @Column({ type: 'boolean', nullable: true }) entitled: boolean | null;
  /** the decision's target for the priority it saw */
  @Column({ name: 'sla_target', type: 'varchar', length: 32, nullable: true }) slaTarget: string | null;
  /** the plan's targets for every priority, so that a priority change can be re-timed */
  @Column({ name: 'sla_targets', type: 'json', nullable: true }) slaTargets: Partial<Record<TicketPriority, string>> | null;
  @Column({ name: 'decision_priority', type: 'varchar', length: 16, nullable: true }) decisionPriority: TicketPriority | null;
  @Column({ name: 'decided_at', type: 'datetime', precision: 3, nullable: true }) decidedAt: Date | null;
  /** the decision applied last: the same decision announced again changes nothing but a missing clock */
  @Column({ name: 'decision_id', type: 'char', length: 36, nullable: true }) decisionId: string | null;
  /** when an entitled decision owes clocks from: the ticket's creation, or the decision for a plan change */
  @Column({ name: 'clocks_owed_from', type: 'datetime', precision: 3, nullable: true }) clocksOwedFrom: Date | null;
  /** when the repair sweep found the entitled decision's clocks in place (null: not checked yet) */
  @Column({ name: 'clock_checked_at', type: 'datetime', precision: 3, nullable: true }) clockCheckedAt: Date | null;
  @Column({ type: 'varchar', length: 16, nullable: true }) priority: TicketPriority | null;
  @Column({ name: 'priority_changed_at', type: 'datetime', precision: 3, nullable: true }) priorityChangedAt: Date | null;
  @Column({ type: 'varchar', length: 16, nullable: true }) status: TicketStatus | null;
  @Column({ name: 'status_changed_at', type: 'datetime', precision: 3, nullable: true }) statusChangedAt: Date | null;
  @Column({ name: 'first_responded_at', type: 'datetime', precision: 3, nullable: true }) firstRespondedAt: Date | null;
  @Column({ name: 'updated_at', type: 'datetime', precision: 3 }) updatedAt: Date;
}
