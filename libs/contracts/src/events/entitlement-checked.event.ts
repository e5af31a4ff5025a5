import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsISO8601, IsNotEmpty, IsObject, IsOptional, IsString, ValidateNested } from 'class-validator';
import { defineEvent } from '../event-definition';
import { TOPICS } from '../topics';
import {
  ACCOUNT_ROLES,
  ENTITLEMENT_STATUSES,
  PLAN_CODES,
  TICKET_CHANNELS,
  TICKET_PRIORITIES,
  type AccountRole,
  type EntitlementStatus,
  type PlanCode,
  type TicketChannel,
  type TicketPriority,
} from '../vocabulary';

export class SupportChannelsV1 {
  @IsBoolean() selfService: boolean;
  @IsIn(TICKET_CHANNELS) ticket: TicketChannel;
  @IsBoolean() chat: boolean;
  @IsBoolean() phone: boolean;
}

export const DECISION_TRIGGERS = ['ticket_created', 'plan_changed'] as const;
export type DecisionTrigger = (typeof DECISION_TRIGGERS)[number];

export class EntitlementCheckedV1 {
  @IsString() @IsNotEmpty() decisionId: string;
  @IsString() @IsNotEmpty() ticketId: string;
  @IsOptional() @IsString() accountId: string | null;
  @IsString() @IsNotEmpty() requesterId: string;
  @IsIn(TICKET_PRIORITIES) priority: TicketPriority;
  @IsISO8601({ strict: true }) ticketCreatedAt: string;
  @IsIn(ENTITLEMENT_STATUSES) status: EntitlementStatus;
  /** machine-readable reason: entitled, best_effort, free_plan, end_user, unknown_account, ... */
  @IsString() @IsNotEmpty() reason: string;
  /** the reason in words, for the requester */
  @IsString() message: string;
  @IsOptional() @IsIn(PLAN_CODES) plan: PlanCode | null;
  @IsOptional() @IsInt() planVersion: number | null;
  @IsOptional() @IsIn(ACCOUNT_ROLES) role: AccountRole | null;
  @IsObject() @ValidateNested() @Type(() => SupportChannelsV1) channels: SupportChannelsV1;
  /** ISO-8601 first-response target for the ticket's priority, when entitled */
  @IsOptional() @IsString() slaTarget: string | null;
  /** the plan's targets for every priority, so a later priority change can be re-timed */
  @IsOptional() @IsObject() slaTargets: Record<TicketPriority, string> | null;
  @IsInt() servicePriority: number;
  @IsIn(DECISION_TRIGGERS) trigger: DecisionTrigger;
  @IsISO8601({ strict: true }) decidedAt: string;
}

export const EntitlementChecked = defineEvent({
  type: 'support.entitlement.checked.v1',
  topic: TOPICS.entitlements,
  payload: EntitlementCheckedV1,
  key: (data) => data.ticketId,
});
