import { CommonEnvironment, EnvFlag } from '@support/platform';
import { IsBoolean, IsInt, IsNotEmpty, IsString, Max, Min } from 'class-validator';

export class TicketingEnvironment extends CommonEnvironment {
  @IsInt() @Min(0) @Max(65535) TICKETING_PORT: number = 3001;

  /**
   * Ticketing consumes three topics (entitlements, sla, kb): three transactions at a time, as
   * many as its topics, where the other services, with one topic each, run one. With a single one
   * for all three, each topic's projections waited for the others' and tickets showed their plan
   * check and deadline on GET seconds late under load (bench/README.md, "one transaction at a time").
   */
  @IsInt() @Min(1) @Max(64) override KAFKA_PARTITIONS_CONCURRENCY: number = 3;

  /** where attachment bytes are kept (created if absent); relative paths start at the working directory */
  @IsString()
  @IsNotEmpty({ message: 'ATTACHMENTS_DIR must name a directory for attachment files' })
  ATTACHMENTS_DIR: string = './var/attachments';

  /**
   * Anti-entropy: a ticket still waiting for its plan check (or, when entitled, for its
   * first-response clock) this long after it was filed (decided) has its created event published
   * again; later re-drives wait twice as long each time.
   */
  @IsInt() @Min(1000) @Max(86_400_000) TICKET_REDRIVE_AFTER_MS: number = 300_000;
  /** how often the re-drive sweep looks for stuck tickets */
  @IsInt() @Min(100) @Max(3_600_000) TICKET_REDRIVE_INTERVAL_MS: number = 30_000;
  /** stuck tickets re-driven per transaction; a full batch is followed at once by the next */
  @IsInt() @Min(1) @Max(1000) TICKET_REDRIVE_BATCH_SIZE: number = 100;
  /** re-drives of one ticket before it is left to an operator (GET /v1/admin/consistency) */
  @IsInt() @Min(1) @Max(20) TICKET_REDRIVE_MAX_ATTEMPTS: number = 5;
  /**
   * Whether a ticket still without the knowledge base's suggestions after TICKET_REDRIVE_AFTER_MS
   * is re-driven too (the knowledge base announces its recorded set again). Turn off where
   * ticketing runs without the knowledge-base service: a ticket filed while it is off is never
   * owed suggestions (`awaiting_suggestions` starts FALSE), so it leaves the anti-entropy index once decided.
   */
  @EnvFlag() @IsBoolean({ message: 'TICKET_REDRIVE_SUGGESTIONS must be true or false' }) TICKET_REDRIVE_SUGGESTIONS: boolean = true;

  /**
   * Group commit of new tickets: at most this many POST /v1/tickets share one transaction (one
   * insert per table, one commit). Requests are only grouped while TICKET_FILING_CONCURRENCY
   * transactions are already in flight, so a quiet service writes each ticket at once.
   */
  @IsInt() @Min(1) @Max(1000) TICKET_FILING_BATCH_MAX: number = 100;
  /** transactions writing new tickets at once (each holds one of the DATABASE_POOL_SIZE connections) */
  @IsInt() @Min(1) @Max(100) TICKET_FILING_CONCURRENCY: number = 4;
}
