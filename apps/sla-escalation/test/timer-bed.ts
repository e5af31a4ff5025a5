import { OutboxWriter } from '@support/messaging';
import { migrateServiceDatabase, serviceDataSourceOptions } from '@support/nest-bootstrap';
import { dropDatabase, parseDatabaseUrl } from '@support/persistence';
import { loadEnvironment, ReadinessRegistry, serviceDatabaseName } from '@support/platform';
import { TEST_DATABASE_URL, throwawayPrefix } from '@support/testing-core';
import { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { ClockLedger } from '../src/clocks/clock-ledger';
import { SlaClockRecord } from '../src/clocks/sla-clock.entity';
import { TimerWakeups } from '../src/clocks/timer-wakeups';
import { SlaEnvironment } from '../src/environment';
import { PolicyCatalogService } from '../src/policies/policy-catalog.service';
import { SLA_SERVICE } from '../src/service';
import { SlaTimeSource } from '../src/time-source';
import { DueTimerBatch } from '../src/timers/due-timer-batch';
import { TimerScheduler } from '../src/timers/timer-scheduler';

/** A "now" the test sets; it does not move on its own. */
export class SettableTimeSource extends SlaTimeSource {
  constructor(private instant: Date = new Date()) {
    super();
  }

  now(): Date {
    return new Date(this.instant.getTime());
  }

  set(instant: Date): void {
    this.instant = instant;
  }
}

/** One scheduler as a replica runs it, on its own connection pool, without Nest or Kafka. */
export interface SchedulerReplica {
  scheduler: TimerScheduler;
  dataSource: DataSource;
  ledger: ClockLedger;
  policies: PolicyCatalogService;
  outbox: OutboxWriter;
}

/**
 * The SLA service's database on its own (its migrations, the default policy seeded) and
 * schedulers over it: what the timer tests and the scheduler bench need, no broker involved.
 */
export class TimerDatabase {
  private readonly pools: DataSource[] = [];

  private constructor(
    readonly env: SlaEnvironment,
    readonly database: string,
    private readonly databaseUrl: string,
  ) {}

  static async create(label: string, settings: Record<string, string> = {}, databaseUrl = TEST_DATABASE_URL): Promise<TimerDatabase> {
    const source = {
      DATABASE_URL: databaseUrl,
      DB_NAME_PREFIX: throwawayPrefix(label),
      KAFKA_BROKERS: 'unused-by-timers:9092',
      AUTH_JWT_SECRET: 'unused-by-timers-0123456789abcdef0123',
      LOG_LEVEL: 'warn',
      ...settings,
    };
    await migrateServiceDatabase(SLA_SERVICE, 'up', source);
    const env = loadEnvironment(SlaEnvironment, source);
    const database = new TimerDatabase(env, serviceDatabaseName(env, SLA_SERVICE.database), databaseUrl);
    const { dataSource } = await database.connect();
    await new PolicyCatalogService(dataSource).onApplicationBootstrap();
    return database;
  }

  /** A connection pool, closed by `drop`. */
  async connect(): Promise<{ dataSource: DataSource }> {
    const dataSource = new DataSource(serviceDataSourceOptions(SLA_SERVICE, this.env));
    await dataSource.initialize();
    this.pools.push(dataSource);
    return { dataSource };
  }

  /** A scheduler replica with its own pool; `settings` override SLA_TIMER_* for it. */
  async replica(
    time: SlaTimeSource,
    settings: Partial<Pick<SlaEnvironment, 'SLA_TIMER_BATCH_SIZE' | 'SLA_TIMER_POLL_INTERVAL_MS' | 'SLA_TIMER_CONCURRENCY'>> = {},
  ): Promise<SchedulerReplica> {
    const { dataSource } = await this.connect();
    const outbox = new OutboxWriter(`/support/${SLA_SERVICE.name}`);
    const policies = new PolicyCatalogService(dataSource);
    const env = Object.assign(new SlaEnvironment(), this.env, settings);
    const wakeups = new TimerWakeups(time, env);
    const ledger = new ClockLedger(outbox, wakeups);
    const scheduler = new TimerScheduler(
      dataSource,
      new DueTimerBatch(policies, ledger),
      time,
      outbox,
      new ReadinessRegistry(),
      env,
      wakeups,
    );
    return { scheduler, dataSource, ledger, policies, outbox };
  }

  async drop(): Promise<void> {
    for (const pool of this.pools.splice(0)) if (pool.isInitialized) await pool.destroy();
    await dropDatabase(parseDatabaseUrl(this.databaseUrl), this.database);
  }
}

/** The stored row of a Pro account's first-response clock as a handler writes it when the clock starts. */
export function proClockRecord(ticketId: string, policyId: string, createdAt: Date): SlaClockRecord {
  return Object.assign(new SlaClockRecord(), {
    id: uuidv7(),
    ticketId,
    metric: 'first_response',
    cycle: 1,
    policyId,
    policyVersion: 1,
    accountId: 'acct-pro',
    plan: 'pro',
    targetSource: 'plan',
    outcome: null,
    stopReason: null,
    elapsedMs: null,
    correlationId: `corr-${ticketId}`,
    createdAt,
  });
}
