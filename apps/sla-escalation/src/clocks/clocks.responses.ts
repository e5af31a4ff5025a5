import { CLOCK_OUTCOMES, SLA_METRICS, SLA_TARGET_SOURCES, TICKET_PRIORITIES } from '@support/contracts';
import { ApiFlag, ApiId, ApiInstant, ApiInteger, ApiNested, ApiOneOf, ApiText } from '@support/platform';

export const CLOCK_STATES = ['running', 'paused', 'stopped'] as const;

/** One clock of a ticket (a metric in one cycle). */
export class ClockResponse {
  @ApiId() id!: string;
  @ApiOneOf(SLA_METRICS) metric!: string;
  @ApiInteger({ minimum: 1, description: 'next_reply clocks count their cycles' }) cycle!: number;
  @ApiOneOf(CLOCK_STATES) state!: string;
  @ApiOneOf(TICKET_PRIORITIES) priority!: string;
  @ApiText({ example: 'PT4H', description: 'ISO-8601 duration' }) target!: string;
  @ApiOneOf(SLA_TARGET_SOURCES, {
    description:
      "who set the target (docs/adr/0003): plan (the customer's first-response commitment) or policy (other metrics, and the fallback)",
  })
  targetSource!: string;
  @ApiInteger() policyVersion!: number;
  @ApiInstant() startedAt!: string;
  @ApiInstant({ nullable: true, description: 'null while paused' }) dueAt!: string | null;
  @ApiInstant({ nullable: true }) warningAt!: string | null;
  @ApiInstant({ nullable: true }) warnedAt!: string | null;
  @ApiInteger({ nullable: true, description: 'milliseconds to the deadline (negative past it); null once stopped' }) remainingMs!:
    number | null;
  @ApiInteger({ description: 'working time elapsed, pauses excluded' }) elapsedMs!: number;
  @ApiInteger() pausedMs!: number;
  @ApiInstant({ nullable: true }) pausedAt!: string | null;
  @ApiInstant({ nullable: true }) stoppedAt!: string | null;
  @ApiInstant({ nullable: true }) breachedAt!: string | null;
  @ApiOneOf(CLOCK_OUTCOMES, { nullable: true }) outcome!: string | null;
  @ApiText({ nullable: true }) stopReason!: string | null;
  @ApiInteger({ minimum: 0 }) escalationLevel!: number;
}

/** GET /v1/tickets/:ticketId/sla. */
export class TicketSlaResponse {
  @ApiText() ticketId!: string;
  @ApiText({ example: 'default' }) policy!: string;
  @ApiInteger() policyVersion!: number;
  @ApiOneOf(TICKET_PRIORITIES) priority!: string;
  @ApiInteger({ minimum: 0 }) escalationLevel!: number;
  @ApiFlag() breached!: boolean;
  @ApiNested(() => ClockResponse, { isArray: true }) clocks!: ClockResponse[];
}
