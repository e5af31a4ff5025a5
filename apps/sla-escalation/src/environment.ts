import { CommonEnvironment } from '@support/platform';
import { IsInt, Max, Min } from 'class-validator';

export class SlaEnvironment extends CommonEnvironment {
  @IsInt() @Min(0) @Max(65535) SLA_PORT: number = 3003;

  /**
   * How often the timer scheduler looks for due timers. Warnings and breaches must go out within
   * a second of their due instant, so the ceiling leaves room for a busy database.
   */
  @IsInt() @Min(10) @Max(500) SLA_TIMER_POLL_INTERVAL_MS: number = 200;

  /**
   * Due timers claimed per transaction; a full batch is followed at once by the next. The ceiling
   * keeps one batch's statements (about 1 KB of clock state and of outbox row per timer) well
   * under MySQL's default max_allowed_packet.
   */
  @IsInt() @Min(1) @Max(2000) SLA_TIMER_BATCH_SIZE: number = 1000;

  /**
   * Passes a replica runs side by side while a backlog drains (they claim disjoint rows, as
   * replicas do), so that the database works on one batch while the process prepares the next.
   */
  @IsInt() @Min(1) @Max(8) SLA_TIMER_CONCURRENCY: number = 2;

  /**
   * Anti-entropy: an entitled decision this old is checked once for the clocks it owes; a
   * missing one is started (from the ticket's creation, or the plan change), with a warn line.
   */
  @IsInt() @Min(1000) @Max(86_400_000) SLA_CLOCK_REPAIR_AFTER_MS: number = 300_000;
  /** how often the repair sweep looks for entitled decisions not checked yet */
  @IsInt() @Min(100) @Max(3_600_000) SLA_CLOCK_REPAIR_INTERVAL_MS: number = 30_000;
  /** decisions checked per transaction; a full batch is followed at once by the next */
  @IsInt() @Min(1) @Max(2000) SLA_CLOCK_REPAIR_BATCH_SIZE: number = 200;
}
