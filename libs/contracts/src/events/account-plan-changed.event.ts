import { IsIn, IsInt, IsISO8601, IsNotEmpty, IsOptional, IsString } from 'class-validator';
import { defineEvent } from '../event-definition';
import { TOPICS } from '../topics';
import { PLAN_CODES, type PlanCode } from '../vocabulary';

export class AccountPlanChangedV1 {
  @IsString() @IsNotEmpty() accountId: string;
  @IsOptional() @IsIn(PLAN_CODES) previousPlan: PlanCode | null;
  @IsIn(PLAN_CODES) plan: PlanCode;
  @IsInt() planVersion: number;
  @IsIn(['active', 'suspended']) status: 'active' | 'suspended';
  @IsOptional() @IsISO8601({ strict: true }) planEndsAt: string | null;
  @IsString() @IsNotEmpty() changedBy: string;
  @IsISO8601({ strict: true }) changedAt: string;
}

export const AccountPlanChanged = defineEvent({
  type: 'support.account.plan_changed.v1',
  topic: TOPICS.entitlements,
  payload: AccountPlanChangedV1,
  key: (data) => data.accountId,
});
