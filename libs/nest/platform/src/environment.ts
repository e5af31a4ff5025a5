import { plainToInstance } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  MinLength,
  ValidateIf,
  validateSync,
} from 'class-validator';
import { SAMPLERS } from '@support/observability';
import { ConnectionEnvironment, EnvFlag } from './connections';

/**
 * The variables of contracts.md that every service reads. Each app extends it with its own port
 * and settings; `loadEnvironment` validates at start-up and names every bad or missing value.
 */
export class CommonEnvironment extends ConnectionEnvironment {
  @IsString()
  @Matches(/^(mysql|mariadb):\/\//, { message: 'DATABASE_URL must look like mysql://user:password@host:port' })
  DATABASE_URL: string = 'mysql://root@127.0.0.1:3306';

  @Matches(/^[A-Za-z0-9_]{0,40}$/, { message: 'DB_NAME_PREFIX may hold only letters, digits and underscores' })
  DB_NAME_PREFIX: string = 'support_';

  @IsString()
  @IsNotEmpty({ message: 'KAFKA_BROKERS must list the bootstrap servers (host:port,host:port)' })
  KAFKA_BROKERS: string;

  /** overrides the consumer group (tests use throw-away groups) */
  @IsOptional() @IsString() @Matches(/^[A-Za-z0-9._-]+$/) KAFKA_GROUP_ID?: string;

  @IsInt() @Min(10) @Max(10_000) KAFKA_MAX_WAIT_MS: number = 100;
  @IsInt() @Min(3000) @Max(300_000) KAFKA_SESSION_TIMEOUT_MS: number = 30_000;
  @IsInt() @Min(100) @Max(60_000) KAFKA_HEARTBEAT_INTERVAL_MS: number = 3000;
  /** handled offsets are committed at most this often (and when the consumer stops); 0: after every batch */
  @IsInt() @Min(0) @Max(60_000) KAFKA_COMMIT_INTERVAL_MS: number = 1000;
  /**
   * the outbox relay's safety net: every commit in this process wakes the relay at once, so the
   * poll only finds what no commit here announced (a replica that died before relaying its rows)
   */
  @IsInt() @Min(10) @Max(60_000) OUTBOX_POLL_INTERVAL_MS: number = 1000;
  /**
   * the relay's next pass starts at least this long after the last one started: commits that
   * come a few at a time go out together, one send and one marking UPDATE (Kafka's linger.ms)
   */
  @IsInt() @Min(0) @Max(1000) OUTBOX_LINGER_MS: number = 50;
  /** connections each replica may hold: consumer batches (KAFKA_PARTITIONS_CONCURRENCY), HTTP requests, relay and timers share it */
  @IsInt() @Min(2) @Max(500) DATABASE_POOL_SIZE: number = 20;
  /**
   * consumer transactions one replica runs at once, each over every partition of its topic with
   * messages waiting; see README "Scaling". One: what arrives while a transaction runs goes into
   * the next, so batches grow with the load instead of transactions running side by side
   */
  @IsInt() @Min(1) @Max(64) KAFKA_PARTITIONS_CONCURRENCY: number = 1;
  /** most messages handled in one transaction */
  @IsInt() @Min(1) @Max(5000) CONSUMER_MAX_BATCH: number = 500;
  /**
   * fetching goes on while partitions' transactions run: what arrives for a partition meanwhile
   * goes into its next transaction (up to CONSUMER_MAX_BATCH), so a consumer that is behind catches
   * up in a few large transactions; false: each fetch is handled before the next. Needs
   * KAFKA_COMMIT_INTERVAL_MS > 0
   */
  @EnvFlag() @IsBoolean({ message: 'CONSUMER_FETCH_AHEAD must be true or false' }) CONSUMER_FETCH_AHEAD: boolean = true;
  /** events the outbox relay publishes per round trip */
  @IsInt() @Min(1) @Max(10_000) OUTBOX_BATCH_SIZE: number = 1000;
  /** readiness: longest wait for the broker's metadata answer before it counts as unreachable */
  @IsInt() @Min(100) @Max(30_000) KAFKA_HEALTH_TIMEOUT_MS: number = 1500;
  /** crashes in a row a consumer is restarted after (while the broker answers) before liveness fails */
  @IsInt() @Min(0) @Max(1000) CONSUMER_RESTART_ATTEMPTS: number = 10;
  /** pause before restarting a crashed consumer; doubles per crash in a row, at most 30 s */
  @IsInt() @Min(10) @Max(60_000) CONSUMER_RESTART_BACKOFF_MS: number = 1000;
  /** SIGTERM/SIGINT: the process exits within this, whatever it is still waiting for */
  @IsInt() @Min(1000) @Max(600_000) SHUTDOWN_TIMEOUT_MS: number = 10_000;

  @ValidateIf((env: CommonEnvironment) => !env.AUTH_JWKS_URL)
  @IsString({ message: 'AUTH_JWT_SECRET or AUTH_JWKS_URL must be set' })
  @MinLength(32, { message: 'AUTH_JWT_SECRET must be at least 32 characters' })
  AUTH_JWT_SECRET?: string;

  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] }, { message: 'AUTH_JWKS_URL must be an http(s) URL' })
  AUTH_JWKS_URL?: string;

  @IsOptional() @IsString() AUTH_ISSUER?: string;
  @IsOptional() @IsString() AUTH_AUDIENCE?: string;
  /** how far a token issuer's clock may differ from ours (exp, nbf, iat), in seconds */
  @IsInt() @Min(0) @Max(600) AUTH_CLOCK_SKEW_SECONDS: number = 60;
  /** longest token lifetime accepted (exp − iat, or exp − now without iat), in seconds */
  @IsInt() @Min(60) @Max(2_592_000) AUTH_MAX_TOKEN_LIFETIME_SECONDS: number = 86_400;

  /** bytes of JSON a route reads unless it declares its own limit (@JsonBodyLimit); more is a 413 */
  @IsInt() @Min(1024) @Max(50 * 1024 * 1024) HTTP_JSON_BODY_LIMIT: number = 64 * 1024;
  /** objects and arrays nested inside one another in a body; deeper is a 400 before validation */
  @IsInt() @Min(4) @Max(256) HTTP_JSON_MAX_DEPTH: number = 32;
  /**
   * how long an idle keep-alive connection stays open (Node's default is 5 s). Longer than the
   * idle timeout of the load balancer or proxy in front (AWS ALB and nginx: 60 s), so that the
   * proxy, not the service, closes an idle connection: a service closing first races the next
   * request sent on it, which then fails (ECONNRESET, a 502 at the proxy)
   */
  @IsInt() @Min(1000) @Max(600_000) HTTP_KEEP_ALIVE_TIMEOUT_MS: number = 65_000;
  /** the server's trustProxy, read as Express "trust proxy": hops (1), or addresses/subnets of the proxies; unset: the peer address is the client */
  @IsOptional() @IsString() HTTP_TRUST_PROXY?: string;
  /** origins allowed to call from a browser (comma-separated, exact, or *); unset: no cross-origin access */
  @IsOptional()
  @Matches(/^\s*(\*|https?:\/\/[^/,\s]+\/?)(\s*,\s*https?:\/\/[^/,\s]+\/?)*\s*$/, {
    message: 'CORS_ORIGINS must be * or a comma-separated list of origins such as https://help.example.com',
  })
  CORS_ORIGINS?: string;
  @IsIn(['true', 'false'], { message: 'RATE_LIMIT_ENABLED must be true or false' }) RATE_LIMIT_ENABLED: 'true' | 'false' = 'true';
  /** the window the limits below count requests in */
  @IsInt() @Min(1000) @Max(3_600_000) RATE_LIMIT_WINDOW_MS: number = 60_000;
  /** requests per window of one token holder (account and user) to one replica */
  @IsInt() @Min(1) @Max(1_000_000) RATE_LIMIT_PER_PRINCIPAL: number = 600;
  /** requests per window without a token from one client address (the public help center) to one replica */
  @IsInt() @Min(1) @Max(1_000_000) RATE_LIMIT_PER_ADDRESS: number = 300;

  @IsIn(['error', 'warn', 'log', 'debug', 'verbose']) LOG_LEVEL: 'error' | 'warn' | 'log' | 'debug' | 'verbose' = 'log';
  /** json: one object a line (for a log pipeline); pretty: pino-pretty text for people at a terminal */
  @IsIn(['json', 'pretty']) LOG_FORMAT: 'json' | 'pretty' = 'json';
  /** the version logs, spans and metrics report (a deployment sets the image tag); default: package.json's */
  @IsOptional() @IsString() SERVICE_VERSION?: string;
  /** OTLP/HTTP collector base URL (spans go to <url>/v1/traces); unset: no span leaves the process */
  @IsOptional()
  @IsUrl(
    { require_tld: false, require_protocol: true, protocols: ['http', 'https'] },
    { message: 'OTEL_EXPORTER_OTLP_ENDPOINT must be an http(s) URL' },
  )
  OTEL_EXPORTER_OTLP_ENDPOINT?: string;
  /** key=value,key=value headers sent with each export (a collector's API key) */
  @IsOptional() @IsString() OTEL_EXPORTER_OTLP_HEADERS?: string;
  @IsOptional() @IsIn([...SAMPLERS]) OTEL_TRACES_SAMPLER?: (typeof SAMPLERS)[number];
  /** the ratio of the *traceidratio samplers, 0 to 1 */
  @IsOptional() @IsNumber() @Min(0) @Max(1) OTEL_TRACES_SAMPLER_ARG?: number;
  /** gauges read from the database (outbox backlog, inbox size, SLA clocks and timers) are refreshed on scrape at most this often */
  @IsInt() @Min(0) @Max(3_600_000) METRICS_DATABASE_REFRESH_MS: number = 15_000;
}

export class EnvironmentError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid environment:\n  - ${problems.join('\n  - ')}`);
    this.name = 'EnvironmentError';
  }
}

export function loadEnvironment<T extends object>(type: new () => T, source: Record<string, string | undefined> = process.env): T {
  const defined = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const env = plainToInstance(type, defined, { enableImplicitConversion: true, exposeDefaultValues: true });
  const errors = validateSync(env as object, { forbidUnknownValues: false });
  if (errors.length > 0) {
    throw new EnvironmentError(
      errors.map((e) => `${e.property}=${shownValue(e.property, source[e.property])}: ${Object.values(e.constraints ?? {}).join(', ')}`),
    );
  }
  return env;
}

/** Passwords and secrets are never echoed into a start-up message. */
function shownValue(name: string, value: string | undefined): string {
  return value !== undefined && /PASSWORD|SECRET/.test(name) ? '"***"' : JSON.stringify(value ?? null);
}

export function serviceDatabaseName(env: CommonEnvironment, service: string): string {
  return `${env.DB_NAME_PREFIX}${service}`;
}
