import { IsISO8601, IsOptional } from 'class-validator';
import { defineEvent } from '../event-definition';
import { TOPICS } from '../topics';
import { SlaClockFields } from './sla-clock.fields';

export class SlaClockPausedV1 extends SlaClockFields {
  @IsISO8601({ strict: true }) pausedAt: string;
}

export const SlaClockPaused = defineEvent({
  type: 'support.sla.clock_paused.v1',
  topic: TOPICS.sla,
  payload: SlaClockPausedV1,
  key: (data) => data.ticketId,
});

export class SlaClockResumedV1 extends SlaClockFields {
  @IsISO8601({ strict: true }) resumedAt: string;
  @IsOptional() @IsISO8601({ strict: true }) dueAt: string | null;
}

export const SlaClockResumed = defineEvent({
  type: 'support.sla.clock_resumed.v1',
  topic: TOPICS.sla,
  payload: SlaClockResumedV1,
  key: (data) => data.ticketId,
});
