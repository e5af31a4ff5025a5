import { PLAN_CODES, TICKET_CHANNELS } from '@support/domain-entitlements';
import { ApiFlag, ApiInstant, ApiInteger, ApiNested, ApiOneOf, ApiText } from '@support/platform';

/** The channels a role of a plan may use. */
export class RoleChannelsResponse {
  @ApiFlag({ description: 'always true: the help center is open to everyone' }) selfService!: boolean;
  @ApiOneOf(TICKET_CHANNELS, { description: 'sla: tickets with a deadline; best_effort: without; none: no tickets' }) ticket!: string;
  @ApiFlag() chat!: boolean;
  @ApiFlag() phone!: boolean;
}

export class PlanRolesResponse {
  @ApiNested(() => RoleChannelsResponse) owner!: RoleChannelsResponse;
  @ApiNested(() => RoleChannelsResponse) admin!: RoleChannelsResponse;
  @ApiNested(() => RoleChannelsResponse) member!: RoleChannelsResponse;
}

/** First-response targets by priority, as ISO-8601 durations. */
export class SlaTargetsResponse {
  @ApiText({ example: 'PT24H' }) low!: string;
  @ApiText({ example: 'PT8H' }) normal!: string;
  @ApiText({ example: 'PT4H' }) high!: string;
  @ApiText({ example: 'PT1H' }) urgent!: string;
}

/** A plan's definition at one version. */
export class PlanDefinitionResponse {
  @ApiOneOf(PLAN_CODES) code!: string;
  @ApiText() name!: string;
  @ApiInteger({ minimum: 1 }) version!: number;
  @ApiFlag() paid!: boolean;
  @ApiNested(() => PlanRolesResponse) roles!: PlanRolesResponse;
  @ApiNested(() => SlaTargetsResponse, { nullable: true, description: 'null when the plan commits to no deadline' })
  slaTargets!: SlaTargetsResponse | null;
  @ApiInteger({ minimum: 0, description: 'queue order across plans: higher is served first' }) servicePriority!: number;
}

/** GET /v1/plans/:plan: the current definition. */
export class PlanResponse extends PlanDefinitionResponse {
  @ApiInstant() updatedAt!: string;
}

/** PUT /v1/plans/:plan. */
export class PlanUpdatedResponse extends PlanResponse {
  @ApiFlag({ description: 'false for an identical re-save (no new version)' }) changed!: boolean;
}

export class PlanListResponse {
  @ApiNested(() => PlanResponse, { isArray: true }) plans!: PlanResponse[];
}

/** One stored version of a plan. */
export class PlanVersionResponse extends PlanDefinitionResponse {
  @ApiInstant() createdAt!: string;
  @ApiText() createdBy!: string;
}

export class PlanVersionsResponse {
  @ApiOneOf(PLAN_CODES) code!: string;
  @ApiNested(() => PlanVersionResponse, { isArray: true }) versions!: PlanVersionResponse[];
}
