import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

export interface MetricsSettings {
  service: string;
  version: string;
  /** gauges read from the database (backlogs, table sizes) are refreshed on scrape at most this often */
  databaseRefreshMs: number;
}

/** Seconds buckets for HTTP answers and searches: 2.5 ms to 10 s. */
export const LATENCY_BUCKETS = [0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * One service's Prometheus registry (not prom-client's global one, so several services can share
 * a test process): process metrics, HTTP request durations, and whatever the service's modules
 * register on it. Every series carries `service`.
 */
export class ServiceMetrics {
  readonly registry = new Registry();
  readonly httpDuration: Histogram<'method' | 'route' | 'status'>;
  private readonly refreshers: DatabaseGaugeRefresher[] = [];

  constructor(readonly settings: MetricsSettings) {
    this.registry.setDefaultLabels({ service: settings.service });
    collectDefaultMetrics({ register: this.registry });
    this.httpDuration = new Histogram({
      name: 'http_server_request_duration_seconds',
      help: 'HTTP requests by method, route template and status code, from first byte in to last byte out',
      labelNames: ['method', 'route', 'status'],
      buckets: LATENCY_BUCKETS,
      registers: [this.registry],
    });
  }

  /**
   * Runs `read` to refresh some gauges when a scrape finds them older than `databaseRefreshMs`
   * (never on a hot path; a scrape waits at most `timeoutMs` for it, else serves the last values).
   */
  refreshOnScrape(name: string, read: () => Promise<void>, timeoutMs = 2000): DatabaseGaugeRefresher {
    const refresher = new DatabaseGaugeRefresher(name, read, this.settings.databaseRefreshMs, timeoutMs);
    this.refreshers.push(refresher);
    return refresher;
  }

  /** The Prometheus text exposition, after refreshing the database gauges that are due. */
  async scrape(): Promise<{ contentType: string; body: string }> {
    await Promise.all(this.refreshers.map((refresher) => refresher.refreshIfDue()));
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}

export class DatabaseGaugeRefresher {
  private lastRefresh = 0;
  private inFlight: Promise<void> | null = null;
  lastError: string | null = null;

  constructor(
    readonly name: string,
    private readonly read: () => Promise<void>,
    private readonly minIntervalMs: number,
    private readonly timeoutMs: number,
  ) {}

  async refreshIfDue(): Promise<void> {
    if (!this.inFlight && Date.now() - this.lastRefresh >= this.minIntervalMs) {
      this.inFlight = this.read()
        .then(() => {
          this.lastError = null;
        })
        .catch((error: Error) => {
          this.lastError = error.message;
        })
        .finally(() => {
          this.lastRefresh = Date.now();
          this.inFlight = null;
        });
    }
    if (!this.inFlight) return;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([this.inFlight, new Promise<void>((resolve) => (timer = setTimeout(resolve, this.timeoutMs)))]);
    clearTimeout(timer);
  }
}

/** Counts kept in process by someone else (a sweep's repairs, say), by kind. */
export interface CountSource {
  readonly names: readonly string[];
  get(name: string): number;
}

/**
 * Exposes a CountSource as one Prometheus counter labelled `kind`, read at scrape time (so the
 * source stays free of prom-client). Every kind shows from the start, at 0.
 */
export function exposeCounts(metrics: ServiceMetrics, name: string, help: string, source: CountSource): Counter<'kind'> {
  return new Counter({
    name,
    help,
    labelNames: ['kind'],
    registers: [metrics.registry],
    collect(this: Counter<'kind'>) {
      this.reset();
      for (const kind of source.names) this.inc({ kind }, source.get(kind));
    },
  });
}
