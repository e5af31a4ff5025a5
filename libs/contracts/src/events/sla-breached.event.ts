import { IsInt, IsISO8601, Min } from 'class-validator';
import { defineEvent } from '../event-definition';
import { TOPICS } from '../topics';
import { SlaClockFields } from './sla-clock.fields';

export class SlaBreachedV1 extends SlaClockFields {
  @IsISO8601({ strict: true }) dueAt: string;
  @IsISO8601({ strict: true }) breachedAt: string;
  @IsInt() @Min(0) lateByMs: number;
}

export const SlaBreached = defineEvent({
  type: 'support.sla.breached.v1',
  topic: TOPICS.sla,
  payload: SlaBreachedV1,
  key: (data) => data.ticketId,
});
