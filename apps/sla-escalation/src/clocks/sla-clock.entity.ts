import type { SlaMetric, TicketPriority } from '@support/domain-sla';
import { Column, Entity, Index, PrimaryColumn, VersionColumn } from 'typeorm';

/**
 * One SLA clock of one ticket. `state` holds the domain clock as JSON; the columns beside it are
 * copies for queries (due clocks, breaches, reports).
 */
@Entity('sla_clock')
@Index('uq_clock_ticket_metric', ['ticketId', 'metric'], { unique: true })
export class SlaClockRecord {
  @PrimaryColumn({ type: 'char', length: 36 }) id: string;
  @Column({ name: 'ticket_id', type: 'varchar', length: 64 }) ticketId: string;
  @Column({ type: 'varchar', length: 32 }) metric: SlaMetric;
  @Column({ type: 'varchar', length: 16 }) priority: TicketPriority;
  @Column({ name: 'policy_id', type: 'varchar', length: 64 }) policyId: string;
  @Column({ name: 'account_id', type: 'varchar', length: 64, nullable: true }) accountId: string | null;
  @Column({ type: 'varchar', length: 16, nullable: true }) plan: string | null;
  /** the plan's targets from the decision, used when the priority changes */
  @Column({ name: 'sla_targets', type: 'json', nullable: true }) slaTargets: Record<TicketPriority, string> | null;
  @Column({ name: 'clock_state', type: 'varchar', length: 16 }) clockState: 'running' | 'paused' | 'stopped';
  @Column({ type: 'json' }) state: Record<string, unknown>;
  @Column({ name: 'started_at', type: 'datetime', precision: 3 }) startedAt: Date;
  @Column({ name: 'due_at', type: 'datetime', precision: 3, nullable: true }) dueAt: Date | null;
  @Column({ name: 'stopped_at', type: 'datetime', precision: 3, nullable: true }) stoppedAt: Date | null;
  @Column({ name: 'breached_at', type: 'datetime', precision: 3, nullable: true }) breachedAt: Date | null;
  @Column({ type: 'varchar', length: 16, nullable: true }) outcome: string | null;
  @Column({ name: 'escalation_level', type: 'int', default: 0 }) escalationLevel: number;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt: Date;
  @Column({ name: 'updated_at', type: 'datetime', precision: 3 }) updatedAt: Date;
  @VersionColumn() version: number;
}
