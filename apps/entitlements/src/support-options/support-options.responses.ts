import { ACCOUNT_ROLES, ACCOUNT_STATUSES, DECISION_REASONS, PLAN_CODES } from '@support/domain-entitlements';
import { ApiFlag, ApiInstant, ApiInteger, ApiNested, ApiOneOf, ApiText } from '@support/platform';
import { HotlineResponse } from '../hotlines/hotlines.responses';
import { RoleChannelsResponse, SlaTargetsResponse } from '../plans/plans.responses';

/** GET /v1/accounts/:accountId/support-options: what one user of one account may use now. */
export class SupportOptionsResponse {
  @ApiText() accountId!: string;
  @ApiText() userId!: string;
  @ApiOneOf(ACCOUNT_STATUSES, { nullable: true, description: 'null when the account is not known: only self-service is open then' })
  accountStatus!: string | null;
  @ApiInstant({ nullable: true }) planEndsAt!: string | null;
  @ApiInteger({ nullable: true, description: 'the version of the plan in force, as a ticket filed now would record it' }) planVersion!:
    number | null;
  @ApiOneOf(PLAN_CODES, { nullable: true, description: 'the plan the account is subscribed to' }) plan!: string | null;
  @ApiOneOf(PLAN_CODES, { nullable: true, description: 'the plan in force: the free plan once a paid plan has ended' }) effectivePlan!:
    string | null;
  @ApiOneOf(ACCOUNT_ROLES, { nullable: true }) role!: string | null;
  @ApiNested(() => RoleChannelsResponse) channels!: RoleChannelsResponse;
  @ApiNested(() => HotlineResponse, { isArray: true, description: 'empty unless the phone channel is open' }) hotlines!: HotlineResponse[];
  @ApiNested(() => SlaTargetsResponse, { nullable: true, description: 'null unless tickets carry SLA deadlines' })
  slaTargets!: SlaTargetsResponse | null;
  @ApiFlag({ description: 'the paid plan has ended' }) expired!: boolean;
  @ApiOneOf(DECISION_REASONS, { description: 'why a ticket filed now would be entitled, best effort or refused' }) reason!: string;
}
