import { IsIn, IsISO8601, IsNotEmpty, IsOptional, IsString } from 'class-validator';
import { defineEvent } from '../event-definition';
import { TOPICS } from '../topics';
import { SLA_TARGET_SOURCES, type SlaTargetSource } from '../vocabulary';
import { SlaClockFields } from './sla-clock.fields';

export class SlaClockStartedV1 extends SlaClockFields {
  @IsISO8601({ strict: true }) dueAt: string;
  @IsISO8601({ strict: true }) warningAt: string;
  /** ISO-8601 duration of the target, e.g. PT1H */
  @IsString() @IsNotEmpty() target: string;
  @IsString() @IsNotEmpty() policyId: string;
  /**
   * who set the target (docs/adr/0003): `plan` (the customer's first-response commitment) or
   * `policy` (every other metric, and the fallback when the plan check carried no target); absent
   * from events published before it was added
   */
  @IsOptional() @IsIn(SLA_TARGET_SOURCES) targetSource?: SlaTargetSource;
}

export const SlaClockStarted = defineEvent({
  type: 'support.sla.clock_started.v1',
  topic: TOPICS.sla,
  payload: SlaClockStartedV1,
  key: (data) => data.ticketId,
});
