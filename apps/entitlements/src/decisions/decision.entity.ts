import type { DecisionTrigger } from '@support/contracts';
import type { AccountRole, DecisionReason, EntitlementStatus, PlanCode, RoleChannels, TicketPriority } from '@support/domain-entitlements';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One recorded plan check: every ticket gets one, and a plan change adds more. */
@Entity('decision')
@Index('idx_decision_ticket', ['ticketId', 'decidedAt'])
export class DecisionRecord {
  @PrimaryColumn({ type: 'char', length: 36 }) id: string;
  @Column({ name: 'ticket_id', type: 'varchar', length: 64 }) ticketId: string;
  @Column({ name: 'account_id', type: 'varchar', length: 64, nullable: true }) accountId: string | null;
  @Column({ name: 'requester_id', type: 'varchar', length: 128 }) requesterId: string;
  @Column({ type: 'varchar', length: 16 }) priority: TicketPriority;
  @Column({ name: 'ticket_created_at', type: 'datetime', precision: 3 }) ticketCreatedAt: Date;
  @Column({ type: 'varchar', length: 16 }) status: EntitlementStatus;
  @Column({ type: 'varchar', length: 32 }) reason: DecisionReason;
  @Column({ type: 'text' }) message: string;
  @Column({ type: 'varchar', length: 16, nullable: true }) plan: PlanCode | null;
  @Column({ name: 'plan_version', type: 'int', nullable: true }) planVersion: number | null;
  @Column({ type: 'varchar', length: 16, nullable: true }) role: AccountRole | null;
  @Column({ type: 'json' }) channels: RoleChannels;
  @Column({ name: 'sla_target', type: 'varchar', length: 32, nullable: true }) slaTarget: string | null;
  @Column({ name: 'sla_targets', type: 'json', nullable: true }) slaTargets: Record<TicketPriority, string> | null;
  @Column({ name: 'service_priority', type: 'int' }) servicePriority: number;
  @Column({ type: 'varchar', length: 32 }) trigger: DecisionTrigger;
  @Column({ name: 'decided_at', type: 'datetime', precision: 3 }) decidedAt: Date;
}
