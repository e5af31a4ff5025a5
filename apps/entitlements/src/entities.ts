import type { DecisionTrigger, TicketStatus } from '@support/contracts';
import type {
  AccountRole, AccountStatus, DecisionReason, EntitlementStatus, PlanCode, PlanDefinition, RoleChannels, TicketPriority,
} from '@support/domain-entitlements';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** The current definition of a plan; every version is also kept in plan_version. */
@Entity('plan')
export class PlanRecord {
  @PrimaryColumn({ type: 'varchar', length: 16 }) code: PlanCode;
  @Column({ type: 'int' }) version: number;
  @Column({ type: 'json' }) definition: PlanDefinition;
  @Column({ name: 'updated_at', type: 'datetime', precision: 3 }) updatedAt: Date;
}

@Entity('plan_version')
export class PlanVersionRecord {
  @PrimaryColumn({ type: 'varchar', length: 16 }) code: PlanCode;
  @PrimaryColumn({ type: 'int' }) version: number;
  @Column({ type: 'json' }) definition: PlanDefinition;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt: Date;
  @Column({ name: 'created_by', type: 'varchar', length: 128 }) createdBy: string;
}

@Entity('account')
export class Account {
  @PrimaryColumn({ type: 'varchar', length: 64 }) id: string;
  @Column({ type: 'varchar', length: 200 }) name: string;
  @Column({ type: 'varchar', length: 16 }) plan: PlanCode;
  @Column({ type: 'varchar', length: 16 }) status: AccountStatus;
  @Column({ name: 'plan_ends_at', type: 'datetime', precision: 3, nullable: true }) planEndsAt: Date | null;
  /**
   * The end date whose passing has already re-decided the account's open tickets, so that the
   * expiry sweep handles each end once; a new end date no longer matches and is watched again.
   */
  @Column({ name: 'plan_end_applied_at', type: 'datetime', precision: 3, nullable: true }) planEndAppliedAt: Date | null;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt: Date;
  @Column({ name: 'updated_at', type: 'datetime', precision: 3 }) updatedAt: Date;
}

@Entity('account_user')
export class AccountUser {
  @PrimaryColumn({ name: 'account_id', type: 'varchar', length: 64 }) accountId: string;
  @PrimaryColumn({ name: 'user_id', type: 'varchar', length: 128 }) userId: string;
  @Column({ type: 'varchar', length: 16 }) role: AccountRole;
  @Column({ name: 'updated_at', type: 'datetime', precision: 3 }) updatedAt: Date;
}

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

/** The hotline directory as a whole: replaced in one piece, versioned so edits cannot cross. */
@Entity('hotline_directory')
export class HotlineDirectoryRecord {
  @PrimaryColumn({ type: 'tinyint' }) id: number;
  @Column({ type: 'int' }) version: number;
  @Column({ name: 'updated_at', type: 'datetime', precision: 3 }) updatedAt: Date;
  @Column({ name: 'updated_by', type: 'varchar', length: 128 }) updatedBy: string;
}

@Entity('hotline')
export class HotlineRecord {
  /** The order in which the directory lists its lines. */
  @PrimaryColumn({ type: 'int' }) position: number;
  @Column({ type: 'char', length: 2 }) country: string;
  @Column({ name: 'country_name', type: 'varchar', length: 100 }) countryName: string;
  @Column({ type: 'varchar', length: 32, unique: true }) number: string;
  @Column({ type: 'varchar', length: 6 }) extension: string;
  @Column({ type: 'varchar', length: 16 }) language: string;
  @Column({ name: 'toll_free', type: 'boolean' }) tollFree: boolean;
}
