import { IsIn, IsISO8601, IsNotEmpty, IsOptional, IsString } from 'class-validator';
import { defineEvent } from '../event-definition';
import { TOPICS } from '../topics';
import { SlaClockFields } from './sla-clock.fields';

export const CLOCK_OUTCOMES = ['met', 'breached', 'cancelled'] as const;
export type ClockOutcome = (typeof CLOCK_OUTCOMES)[number];

export class SlaClockStoppedV1 extends SlaClockFields {
  @IsISO8601({ strict: true }) stoppedAt: string;
  @IsOptional() @IsISO8601({ strict: true }) dueAt: string | null;
  /** cancelled: the clock no longer applies (ticket closed unanswered, plan downgraded) */
  @IsIn(CLOCK_OUTCOMES) outcome: ClockOutcome;
  /** first_responded, ticket_solved, ticket_closed, entitlement_revoked, ... */
  @IsString() @IsNotEmpty() reason: string;
}

export const SlaClockStopped = defineEvent({
  type: 'support.sla.clock_stopped.v1',
  topic: TOPICS.sla,
  payload: SlaClockStoppedV1,
  key: (data) => data.ticketId,
});
