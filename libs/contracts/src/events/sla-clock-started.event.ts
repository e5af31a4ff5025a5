import { IsISO8601, IsNotEmpty, IsString } from 'class-validator';
import { defineEvent } from '../event-definition';
import { TOPICS } from '../topics';
import { SlaClockFields } from './sla-clock.fields';

export class SlaClockStartedV1 extends SlaClockFields {
  @IsISO8601({ strict: true }) dueAt: string;
  @IsISO8601({ strict: true }) warningAt: string;
  /** ISO-8601 duration of the target, e.g. PT1H */
  @IsString() @IsNotEmpty() target: string;
  @IsString() @IsNotEmpty() policyId: string;
}

export const SlaClockStarted = defineEvent({
  type: 'support.sla.clock_started.v1',
  topic: TOPICS.sla,
  payload: SlaClockStartedV1,
  key: (data) => data.ticketId,
});
