/** Reads of one article on one day, by the locale asked for and the locale served. */
export interface ViewBucket {
  articleId: string;
  /** YYYY-MM-DD, UTC */
  day: string;
  requestedLocale: string;
  servedLocale: string;
  views: number;
}

/**
 * Article reads counted in memory between flushes: one counter per bucket, however many reads,
 * so a flush writes one row per article and locale pair instead of one per read.
 */
export class ViewTally {
  private buckets = new Map<string, ViewBucket>();
  private reads = 0;

  /** Counts one read; returns how many distinct buckets are waiting. */
  add(articleId: string, requestedLocale: string, servedLocale: string, at: Date): number {
    const day = at.toISOString().slice(0, 10);
    this.merge({ articleId, day, requestedLocale, servedLocale, views: 1 });
    return this.buckets.size;
  }

  /** Takes everything counted so far, leaving the tally empty. */
  drain(): ViewBucket[] {
    const drained = [...this.buckets.values()];
    this.buckets = new Map();
    this.reads = 0;
    return drained;
  }

  /** Puts back buckets a failed flush could not store, adding to what was counted meanwhile. */
  restore(buckets: readonly ViewBucket[]): void {
    for (const bucket of buckets) this.merge({ ...bucket });
  }

  get size(): number {
    return this.buckets.size;
  }

  /** reads waiting to be stored */
  get pendingReads(): number {
    return this.reads;
  }

  private merge(bucket: ViewBucket): void {
    const key = `${bucket.articleId}|${bucket.day}|${bucket.requestedLocale}|${bucket.servedLocale}`;
    const existing = this.buckets.get(key);
    if (existing) existing.views += bucket.views;
    else this.buckets.set(key, bucket);
    this.reads += bucket.views;
  }
}
