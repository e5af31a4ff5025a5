import { IsInt, IsISO8601, Min } from 'class-validator';
import { defineEvent } from '../event-definition';
import { TOPICS } from '../topics';
import { SlaClockFields } from './sla-clock.fields';

export class SlaWarningV1 extends SlaClockFields {
  @IsISO8601({ strict: true }) dueAt: string;
  @IsISO8601({ strict: true }) warnedAt: string;
  /** how late the timer fired (e.g. it came due while the service was down), in ms */
  @IsInt() @Min(0) lateByMs: number;
}

export const SlaWarning = defineEvent({
  type: 'support.sla.warning.v1',
  topic: TOPICS.sla,
  payload: SlaWarningV1,
  key: (data) => data.ticketId,
});
