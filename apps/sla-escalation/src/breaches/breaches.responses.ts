import { CLOCK_OUTCOMES, SLA_METRICS, TICKET_PRIORITIES } from '@support/contracts';
import { ApiId, ApiInstant, ApiInteger, ApiNested, ApiOneOf, ApiText } from '@support/platform';
import { CLOCK_STATES } from '../clocks/clocks.responses';

export class BreachResponse {
  @ApiId() clockId!: string;
  @ApiText() ticketId!: string;
  @ApiText({ nullable: true }) accountId!: string | null;
  @ApiText({ nullable: true }) plan!: string | null;
  @ApiOneOf(SLA_METRICS) metric!: string;
  @ApiInteger() cycle!: number;
  @ApiOneOf(TICKET_PRIORITIES) priority!: string;
  @ApiInstant() startedAt!: string;
  @ApiInstant() breachedAt!: string;
  @ApiInteger({ minimum: 0 }) escalationLevel!: number;
  @ApiOneOf(CLOCK_STATES) state!: string;
  @ApiInstant({ nullable: true }) stoppedAt!: string | null;
  @ApiOneOf(CLOCK_OUTCOMES, { nullable: true }) outcome!: string | null;
}

/** GET /v1/breaches. */
export class BreachPageResponse {
  @ApiInstant({ description: 'the start of the window (default: a day ago)' }) since!: string;
  @ApiNested(() => BreachResponse, { isArray: true, description: 'oldest breach first' }) breaches!: BreachResponse[];
  @ApiText({ nullable: true, description: 'pass as `cursor` for the next page; null on the last' }) nextCursor!: string | null;
}
