import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PollingLoop } from '@support/messaging';
import { isTransientDatabaseError } from '@support/persistence';
import type { DataSource } from 'typeorm';
import { KnowledgeBaseEnvironment } from '../environment';
import { ViewTally, type ViewBucket } from './view-tally';

// Past this many distinct buckets a flush starts at once, so memory stays bounded under load.
const MAX_PENDING_BUCKETS = 5000;
const ROWS_PER_STATEMENT = 500;

/**
 * Counts article reads without a database write per read: reads add to an in-memory tally that
 * is written every KB_VIEW_FLUSH_INTERVAL_MS (and when it grows large, and on shutdown) as one
 * INSERT … ON DUPLICATE KEY UPDATE views = views + n per batch of daily buckets. Increments
 * commute, so several replicas flush side by side without coordination. What a crash can lose is
 * bounded by the flush interval; a failed flush puts its counts back for the next one, which the
 * shared PollingLoop runs after a back-off.
 */
@Injectable()
export class ViewCounter implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('ViewCounter');
  private readonly tally = new ViewTally();
  private flushing: Promise<void> | null = null;
  private readonly loop: PollingLoop;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(KnowledgeBaseEnvironment) env: KnowledgeBaseEnvironment,
  ) {
    // the shared loop: a pass every interval or when nudged; a flush the database refused backs off
    this.loop = new PollingLoop(
      async () => {
        await this.flush();
        // reads kept coming while it wrote: past the bound, the next flush starts at once
        return { moreWaiting: this.tally.size >= MAX_PENDING_BUCKETS };
      },
      {
        intervalMs: env.KB_VIEW_FLUSH_INTERVAL_MS,
        maxBackoffMs: env.KB_VIEW_FLUSH_INTERVAL_MS,
        onError: (error, failures) =>
          this.logger.warn(`view counts kept for the next flush (${failures} failed in a row): ${error.message}`),
        onRecovered: () => this.logger.log('view counts flushed again'),
      },
    );
  }

  onApplicationBootstrap(): void {
    this.loop.start();
  }

  /** Stops the loop (a flush in flight finishes), then writes what is left. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.loop.stop();
    await this.flush().catch((error: Error) => this.logger.warn(`view counts lost at shutdown: ${error.message}`));
  }

  record(articleId: string, requestedLocale: string, servedLocale: string): void {
    const pending = this.tally.add(articleId, requestedLocale, servedLocale, new Date());
    if (pending >= MAX_PENDING_BUCKETS) this.loop.nudge();
  }

  /**
   * Writes what has been counted; concurrent calls share one flush. A transient database failure
   * puts the counts back and is thrown.
   */
  async flush(): Promise<void> {
    if (this.flushing) return this.flushing;
    const written = this.write();
    // a failure is the first caller's to report; those that joined it just see it done
    this.flushing = written
      .then(
        () => undefined,
        () => undefined,
      )
      .finally(() => (this.flushing = null));
    return written;
  }

  private async write(): Promise<void> {
    const buckets = this.tally.drain();
    for (let start = 0; start < buckets.length; start += ROWS_PER_STATEMENT) {
      const batch = buckets.slice(start, start + ROWS_PER_STATEMENT);
      try {
        await this.store(batch);
      } catch (error) {
        if (isTransientDatabaseError(error) || (error as { code?: string }).code === 'POOL_CLOSED') {
          this.tally.restore(buckets.slice(start));
          throw error;
        }
        // a bucket the database refuses for good (its article is gone) must not block the rest
        this.logger.warn(`dropped ${batch.length} view buckets: ${(error as Error).message}`);
      }
    }
  }

  private async store(batch: readonly ViewBucket[]): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO kb_article_view_count (article_id, day, requested_locale, served_locale, views)
       VALUES ${batch.map(() => '(?, ?, ?, ?, ?)').join(', ')}
       ON DUPLICATE KEY UPDATE views = views + VALUES(views)`,
      batch.flatMap((b) => [b.articleId, b.day, b.requestedLocale, b.servedLocale, b.views]),
    );
  }
}
