import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
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
 * bounded by the flush interval; a failed flush puts its counts back for the next one.
 */
@Injectable()
export class ViewCounter implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('ViewCounter');
  private readonly tally = new ViewTally();
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(KnowledgeBaseEnvironment) private readonly env: KnowledgeBaseEnvironment,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.flush(), this.env.KB_VIEW_FLUSH_INTERVAL_MS);
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.flush();
  }

  record(articleId: string, requestedLocale: string, servedLocale: string): void {
    const pending = this.tally.add(articleId, requestedLocale, servedLocale, new Date());
    if (pending >= MAX_PENDING_BUCKETS) void this.flush();
  }

  /** Writes what has been counted; concurrent calls share one flush. */
  async flush(): Promise<void> {
    if (this.flushing) return this.flushing;
    this.flushing = this.write().finally(() => (this.flushing = null));
    return this.flushing;
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
          this.logger.warn(`view counts kept for the next flush: ${(error as Error).message}`);
          return;
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
