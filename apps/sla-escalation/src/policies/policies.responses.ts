import { ApiInstant, ApiInteger, ApiNested, ApiNumber, ApiOneOf, ApiText, ApiTexts } from '@support/platform';

/** Targets of one metric by priority, as ISO-8601 durations; a missing priority runs no clock. */
export class PriorityTargetsResponse {
  @ApiText({ required: false, example: 'PT24H' }) low?: string;
  @ApiText({ required: false, example: 'PT8H' }) normal?: string;
  @ApiText({ required: false, example: 'PT4H' }) high?: string;
  @ApiText({ required: false, example: 'PT1H' }) urgent?: string;
}

export class MetricTargetsResponse {
  @ApiNested(() => PriorityTargetsResponse) first_response!: PriorityTargetsResponse;
  @ApiNested(() => PriorityTargetsResponse) next_reply!: PriorityTargetsResponse;
  @ApiNested(() => PriorityTargetsResponse) resolution!: PriorityTargetsResponse;
}

export class PausedStatusesResponse {
  @ApiTexts() first_response!: string[];
  @ApiTexts() next_reply!: string[];
  @ApiTexts() resolution!: string[];
}

export class EscalationLadderResponse {
  @ApiNumber({ isArray: true, description: 'escalation level n fires when working time reaches target × (1 + afterBreachFractions[n-1])' })
  afterBreachFractions!: number[];
}

export class WeeklyIntervalResponse {
  @ApiInteger({ minimum: 1, maximum: 7, description: 'ISO weekday: 1 = Monday … 7 = Sunday' }) day!: number;
  @ApiText({ example: '09:00' }) start!: string;
  @ApiText({ example: '18:00', description: 'may be 24:00' }) end!: string;
}

/** `24x7`, or business hours in a time zone with holidays. */
export class CalendarResponse {
  @ApiOneOf(['24x7', 'business_hours']) kind!: string;
  @ApiText({ required: false, example: 'Europe/Paris', description: 'business_hours only: IANA time zone' }) timeZone?: string;
  @ApiNested(() => WeeklyIntervalResponse, { isArray: true, required: false, description: 'business_hours only' })
  weekly?: WeeklyIntervalResponse[];
  @ApiTexts({ required: false, description: 'business_hours only: local dates (YYYY-MM-DD) nobody works' }) holidays?: string[];
}

/** A policy's definition. */
export class PolicyDefinitionResponse {
  @ApiText({ example: 'default' }) id!: string;
  @ApiText() name!: string;
  @ApiNested(() => MetricTargetsResponse) targets!: MetricTargetsResponse;
  @ApiNumber({ minimum: 0, maximum: 1, description: 'fraction of the target after which a warning is raised (strictly between 0 and 1)' })
  warningAt!: number;
  @ApiNested(() => EscalationLadderResponse) escalation!: EscalationLadderResponse;
  @ApiNested(() => PausedStatusesResponse, { description: 'ticket statuses during which a metric clock is paused' })
  pausedStatuses!: PausedStatusesResponse;
  @ApiNested(() => CalendarResponse) calendar!: CalendarResponse;
}

/** A policy in force (GET /v1/policies, PUT /v1/policies/:id). */
export class PolicyResponse extends PolicyDefinitionResponse {
  @ApiInteger({ minimum: 1 }) version!: number;
  @ApiInstant() updatedAt!: string;
  @ApiText() updatedBy!: string;
}

export class PolicyListResponse {
  @ApiNested(() => PolicyResponse, { isArray: true }) policies!: PolicyResponse[];
}

export class PolicyVersionResponse {
  @ApiInteger({ minimum: 1 }) version!: number;
  @ApiInstant() createdAt!: string;
  @ApiText() createdBy!: string;
  @ApiNested(() => PolicyDefinitionResponse) definition!: PolicyDefinitionResponse;
}

/** GET /v1/policies/:id: the policy in force and every stored version. */
export class PolicyWithVersionsResponse extends PolicyResponse {
  @ApiNested(() => PolicyVersionResponse, { isArray: true }) versions!: PolicyVersionResponse[];
}
