import type { ClockOutcome, SlaTargetSource } from '@support/contracts';
import type { SlaClockState, SlaMetric, TicketPriority } from '@support/domain-sla';
import { Column, Entity, Index, PrimaryColumn, VersionColumn, type ValueTransformer } from 'typeorm';

/** BIGINT arrives from mysql2 as a string; durations in ms stay well inside a safe integer. */
export const MILLISECONDS: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | number | null) => (value === null ? null : Number(value)),
};

/**
 * One SLA clock of one ticket. The domain clock is its columns (priority, state, target, start,
 * deadline, warning, stop, breach, escalation level: what timers, breaches and reports query)
 * together with `state`, the JSON of the rest (`StoredClockState`; `clockFromRecord` reads both).
 * A metric that runs again on the same ticket (a next reply, a first response after the plan
 * allows it again) gets a new cycle.
 */
@Entity('sla_clock')
@Index('uq_clock_ticket_metric_cycle', ['ticketId', 'metric', 'cycle'], { unique: true })
export class SlaClockRecord {
  @PrimaryColumn({ type: 'char', length: 36 }) id: string;
  @Column({ name: 'ticket_id', type: 'varchar', length: 64 }) ticketId: string;
  @Column({ type: 'varchar', length: 32 }) metric: SlaMetric;
  @Column({ type: 'int' }) cycle: number;
  @Column({ type: 'varchar', length: 16 }) priority: TicketPriority;
  @Column({ name: 'policy_id', type: 'varchar', length: 64 }) policyId: string;
  @Column({ name: 'policy_version', type: 'int' }) policyVersion: number;
  @Column({ name: 'account_id', type: 'varchar', length: 64, nullable: true }) accountId: string | null;
  @Column({ type: 'varchar', length: 16, nullable: true }) plan: string | null;
  @Column({ name: 'target_ms', type: 'bigint', transformer: MILLISECONDS }) targetMs: number;
  /** who set `targetMs`: the plan's first-response commitment, or the policy (every other metric, and the fallback) */
  @Column({ name: 'target_source', type: 'varchar', length: 8, default: 'policy' }) targetSource: SlaTargetSource;
  @Column({ name: 'clock_state', type: 'varchar', length: 16 }) clockState: SlaClockState;
  /** `StoredClockState`; in a row last written before it shrank, the whole clock (`clockToJson`) */
  @Column({ type: 'json' }) state: Record<string, unknown>;
  @Column({ name: 'started_at', type: 'datetime', precision: 3 }) startedAt: Date;
  @Column({ name: 'due_at', type: 'datetime', precision: 3, nullable: true }) dueAt: Date | null;
  @Column({ name: 'warning_at', type: 'datetime', precision: 3, nullable: true }) warningAt: Date | null;
  @Column({ name: 'warned_at', type: 'datetime', precision: 3, nullable: true }) warnedAt: Date | null;
  @Column({ name: 'stopped_at', type: 'datetime', precision: 3, nullable: true }) stoppedAt: Date | null;
  @Column({ name: 'breached_at', type: 'datetime', precision: 3, nullable: true }) breachedAt: Date | null;
  /** as published: `cancelled` when the clock stopped because it no longer applied */
  @Column({ type: 'varchar', length: 16, nullable: true }) outcome: ClockOutcome | null;
  /** first_responded, agent_replied, ticket_solved, ticket_closed, entitlement_revoked, ... */
  @Column({ name: 'stop_reason', type: 'varchar', length: 32, nullable: true }) stopReason: string | null;
  /** working time consumed when stopped (pauses excluded): the measured response time */
  @Column({ name: 'elapsed_ms', type: 'bigint', nullable: true, transformer: MILLISECONDS }) elapsedMs: number | null;
  @Column({ name: 'escalation_level', type: 'int', default: 0 }) escalationLevel: number;
  /** the flow that started the clock; its timer events carry it too */
  @Column({ name: 'correlation_id', type: 'varchar', length: 128 }) correlationId: string;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt: Date;
  @Column({ name: 'updated_at', type: 'datetime', precision: 3 }) updatedAt: Date;
  @VersionColumn() version: number;
}
