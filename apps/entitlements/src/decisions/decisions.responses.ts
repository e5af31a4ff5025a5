import { DECISION_TRIGGERS, ENTITLEMENT_STATUSES } from '@support/contracts';
import { ACCOUNT_ROLES, DECISION_REASONS, PLAN_CODES, TICKET_PRIORITIES } from '@support/domain-entitlements';
import { ApiId, ApiInstant, ApiInteger, ApiNested, ApiOneOf, ApiText } from '@support/platform';
import { RoleChannelsResponse, SlaTargetsResponse } from '../plans/plans.responses';

/** One recorded plan check of a ticket. */
export class DecisionResponse {
  @ApiId() id!: string;
  @ApiText() ticketId!: string;
  @ApiText({ nullable: true }) accountId!: string | null;
  @ApiText() requesterId!: string;
  @ApiOneOf(TICKET_PRIORITIES) priority!: string;
  @ApiOneOf(ENTITLEMENT_STATUSES) status!: string;
  @ApiOneOf(DECISION_REASONS) reason!: string;
  @ApiText({ description: 'what the requester is told' }) message!: string;
  @ApiOneOf(PLAN_CODES, { nullable: true }) plan!: string | null;
  @ApiInteger({ nullable: true }) planVersion!: number | null;
  @ApiOneOf(ACCOUNT_ROLES, { nullable: true }) role!: string | null;
  @ApiNested(() => RoleChannelsResponse) channels!: RoleChannelsResponse;
  @ApiText({ nullable: true, example: 'PT4H', description: "the ticket's first-response target" }) slaTarget!: string | null;
  @ApiNested(() => SlaTargetsResponse, { nullable: true }) slaTargets!: SlaTargetsResponse | null;
  @ApiInteger() servicePriority!: number;
  @ApiOneOf(DECISION_TRIGGERS) trigger!: string;
  @ApiInstant() ticketCreatedAt!: string;
  @ApiInstant() decidedAt!: string;
}

/** GET /v1/decisions/:ticketId: the current decision and every one it replaced, newest first. */
export class DecisionHistoryResponse extends DecisionResponse {
  @ApiNested(() => DecisionResponse, { isArray: true }) history!: DecisionResponse[];
}
