import type { AccountRole, AccountStatus, PlanCode } from '@support/domain-entitlements';
import { Column, Entity, PrimaryColumn } from 'typeorm';

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
