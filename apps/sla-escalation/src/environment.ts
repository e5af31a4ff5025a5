import { CommonEnvironment } from '@support/platform';
import { IsInt, Max, Min } from 'class-validator';

export class SlaEnvironment extends CommonEnvironment {
  @IsInt() @Min(0) @Max(65535) SLA_PORT: number = 3003;

  /**
   * How often the timer scheduler looks for due timers. Warnings and breaches must go out within
   * a second of their due instant, so the ceiling leaves room for a busy database.
   */
  @IsInt() @Min(10) @Max(500) SLA_TIMER_POLL_INTERVAL_MS: number = 200;

  /** Due timers claimed per transaction; a full batch is followed at once by the next. */
  @IsInt() @Min(1) @Max(1000) SLA_TIMER_BATCH_SIZE: number = 100;
}
