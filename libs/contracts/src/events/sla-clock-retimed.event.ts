import { IsIn, IsISO8601, IsNotEmpty, IsOptional, IsString } from 'class-validator';
import { defineEvent } from '../event-definition';
import { TOPICS } from '../topics';
import { SLA_TARGET_SOURCES, TICKET_PRIORITIES, type SlaTargetSource, type TicketPriority } from '../vocabulary';
import { SlaClockFields } from './sla-clock.fields';

/** A running or paused clock got a new target (priority change); elapsed time is kept. */
export class SlaClockRetimedV1 extends SlaClockFields {
  @IsIn(TICKET_PRIORITIES) previousPriority: TicketPriority;
  @IsOptional() @IsISO8601({ strict: true }) previousDueAt: string | null;
  /** null while the clock is paused */
  @IsOptional() @IsISO8601({ strict: true }) dueAt: string | null;
  @IsString() @IsNotEmpty() target: string;
  /** who set the new target: `plan` or `policy` (as in clock_started); absent from older events */
  @IsOptional() @IsIn(SLA_TARGET_SOURCES) targetSource?: SlaTargetSource;
  @IsISO8601({ strict: true }) retimedAt: string;
}

export const SlaClockRetimed = defineEvent({
  type: 'support.sla.clock_retimed.v1',
  topic: TOPICS.sla,
  payload: SlaClockRetimedV1,
  key: (data) => data.ticketId,
});
