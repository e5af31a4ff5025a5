import { IsInt, IsISO8601, Min } from 'class-validator';
import { defineEvent } from '../event-definition';
import { TOPICS } from '../topics';
import { SlaClockFields } from './sla-clock.fields';

export class SlaEscalatedV1 extends SlaClockFields {
  @IsInt() @Min(1) level: number;
  @IsISO8601({ strict: true }) dueAt: string;
  @IsISO8601({ strict: true }) escalatedAt: string;
  @IsInt() @Min(0) lateByMs: number;
}

export const SlaEscalated = defineEvent({
  type: 'support.sla.escalated.v1',
  topic: TOPICS.sla,
  payload: SlaEscalatedV1,
  key: (data) => data.ticketId,
});
