import { Kafka, logLevel, type Admin, type KafkaConfig } from 'kafkajs';

export interface BrokerProbeResult {
  up: boolean;
  /** brokers the cluster reported in its metadata answer */
  brokers?: number;
  /** the round trip, or how long it took to fail */
  latencyMs: number;
  error?: string;
}

/**
 * Answers "does the broker answer right now?" with one Metadata round trip (no topics) on a
 * connection of its own, without retries and within a short timeout, so that readiness turns
 * false within seconds of the cluster going away instead of after the clients' retries.
 * Concurrent calls share one round trip; an answer is reused for `cacheMs`.
 */
export class BrokerProbe {
  private readonly admin: Admin;
  private connected = false;
  private inFlight: Promise<BrokerProbeResult> | null = null;
  private last: { at: number; result: BrokerProbeResult } | null = null;

  /** @param client the service's client configuration (brokers, TLS, SASL); timeouts and retries are replaced */
  constructor(
    client: KafkaConfig,
    private readonly options: { timeoutMs: number; cacheMs?: number; now?: () => number } = { timeoutMs: 1500 },
  ) {
    const kafka = new Kafka({
      ...client,
      clientId: `${client.clientId ?? 'support'}-health`,
      logLevel: logLevel.NOTHING,
      connectionTimeout: options.timeoutMs,
      requestTimeout: options.timeoutMs,
      retry: { retries: 0 },
    });
    this.admin = kafka.admin({ retry: { retries: 0 } });
  }

  private now(): number {
    return this.options.now?.() ?? Date.now();
  }

  check(): Promise<BrokerProbeResult> {
    const cacheMs = this.options.cacheMs ?? 500;
    if (this.last && this.now() - this.last.at < cacheMs) return Promise.resolve(this.last.result);
    this.inFlight ??= this.roundTrip().then((result) => {
      this.last = { at: this.now(), result };
      this.inFlight = null;
      return result;
    });
    return this.inFlight;
  }

  private async roundTrip(): Promise<BrokerProbeResult> {
    const started = this.now();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no metadata answer within ${this.options.timeoutMs} ms`)), this.options.timeoutMs);
    });
    try {
      const cluster = await Promise.race([
        (async () => {
          if (!this.connected) {
            await this.admin.connect();
            this.connected = true;
          }
          return this.admin.describeCluster();
        })(),
        timeout,
      ]);
      return { up: true, brokers: cluster.brokers.length, latencyMs: this.now() - started };
    } catch (error) {
      // start from a fresh connection next time: the broker may come back at the same address
      this.connected = false;
      void this.admin.disconnect().catch(() => undefined);
      return { up: false, latencyMs: this.now() - started, error: (error as Error).message };
    } finally {
      clearTimeout(timer);
    }
  }

  async close(): Promise<void> {
    this.connected = false;
    await this.admin.disconnect().catch(() => undefined);
  }
}
