import type { INestApplication, LogLevel } from '@nestjs/common';
import {
  createEvent,
  EntitlementChecked,
  TicketCommented,
  TicketFirstResponded,
  TicketPriorityChanged,
  TicketStatusChanged,
  type EntitlementCheckedV1,
  type EventDefinition,
  type SupportEvent,
  type TicketCommentedV1,
  type TicketFirstRespondedV1,
  type TicketPriorityChangedV1,
  type TicketStatusChangedV1,
  TOPICS,
} from '@support/contracts';
import { migrateServiceDatabase, type ServiceManifest } from '@support/nest-bootstrap';
import { loadEnvironment } from '@support/platform';
import { EventProbe, ServiceStack, startMockKafka, testEnvironment, waitFor, type RunningBroker } from '@support/testing';
import { randomUUID } from 'node:crypto';
import { createSlaApp } from '../src/app';
import { SlaEnvironment } from '../src/environment';
import { SLA_SERVICE } from '../src/service';
import { SlaTimeSource } from '../src/time-source';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

/** Real time plus an offset the test moves forward: hours pass without anyone waiting. */
export class AdjustableTimeSource extends SlaTimeSource {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  /** Moves "now" so that it reads `instant` plus the real time that passes from here on. */
  jumpTo(instant: Date): void {
    this.offsetMs = Math.max(this.offsetMs, instant.getTime() - Date.now());
  }

  advance(ms: number): void {
    this.offsetMs += ms;
  }
}

/** The SLA app factory as ServiceStack takes it, with the test's time source. */
export function slaFactory(timeSource: SlaTimeSource) {
  return (env: SlaEnvironment, logger: LogLevel[] | false) => createSlaApp(env, logger, { timeSource });
}

/**
 * Another replica of the SLA service beside the one the stack runs: same database, same consumer
 * group. ServiceStack keeps one instance per service name, so the extra one is closed by the test.
 */
export async function startSlaReplica(
  stack: ServiceStack,
  timeSource: SlaTimeSource,
  overrides: Record<string, string> = {},
): Promise<{ app: INestApplication; url: string; stop: () => Promise<void> }> {
  const source = { ...testEnvironment(stack.brokers, stack.prefix, SLA_SERVICE as ServiceManifest<never>), ...overrides };
  await migrateServiceDatabase(SLA_SERVICE, 'up', source);
  const app = await createSlaApp(loadEnvironment(SlaEnvironment, source), ['error', 'warn'], { timeSource });
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  await waitFor(async () => (await fetch(`${url}/health/ready`)).ok, { timeoutMs: 60_000, description: 'SLA replica ready' });
  return { app, url, stop: () => app.close() };
}

/** Publishes events as the ticketing and entitlements services would. */
export class UpstreamServices {
  constructor(private readonly probe: EventProbe) {}

  async publish<T extends object>(definition: EventDefinition<T>, data: T, correlationId: string = randomUUID()): Promise<SupportEvent<T>> {
    const source = definition === (EntitlementChecked as unknown) ? '/support/entitlements' : '/support/ticketing';
    const event = createEvent(definition, data, { source, origin: { correlationId } });
    await this.probe.publishRaw(definition.topic, definition.key(data), JSON.stringify(event));
    return event;
  }

  decide(ticketId: string, overrides: Partial<EntitlementCheckedV1> = {}, correlationId?: string) {
    const now = new Date().toISOString();
    const data: EntitlementCheckedV1 = {
      decisionId: randomUUID(),
      ticketId,
      accountId: 'acct-pro',
      requesterId: 'pro-owner',
      priority: 'urgent',
      ticketCreatedAt: now,
      status: 'entitled',
      reason: 'entitled',
      message: 'Pro owners and admins file tickets with a committed first response.',
      plan: 'pro',
      planVersion: 1,
      role: 'owner',
      channels: { selfService: true, ticket: 'sla', chat: true, phone: false },
      slaTarget: 'PT1H',
      slaTargets: { urgent: 'PT1H', high: 'PT4H', normal: 'PT24H', low: 'PT24H' },
      servicePriority: 1,
      trigger: 'ticket_created',
      decidedAt: now,
      ...overrides,
    };
    return this.publish(EntitlementChecked, data, correlationId);
  }

  changePriority(ticketId: string, data: Pick<TicketPriorityChangedV1, 'previousPriority' | 'priority' | 'changedAt'>) {
    return this.publish(TicketPriorityChanged, { ticketId, accountId: 'acct-pro', changedBy: 'agent-1', ...data });
  }

  changeStatus(ticketId: string, data: Pick<TicketStatusChangedV1, 'previousStatus' | 'status' | 'changedAt'>) {
    return this.publish(TicketStatusChanged, { ticketId, accountId: 'acct-pro', reason: null, changedBy: 'agent-1', ...data });
  }

  respond(ticketId: string, data: Pick<TicketFirstRespondedV1, 'respondedAt' | 'ticketCreatedAt'>) {
    return this.publish(TicketFirstResponded, { ticketId, accountId: 'acct-pro', commentId: randomUUID(), agentId: 'agent-1', ...data });
  }

  comment(ticketId: string, data: Pick<TicketCommentedV1, 'authorRole' | 'createdAt'> & Partial<TicketCommentedV1>) {
    return this.publish(TicketCommented, {
      ticketId,
      accountId: 'acct-pro',
      commentId: randomUUID(),
      authorId: data.authorRole === 'customer' ? 'pro-owner' : 'agent-1',
      public: true,
      body: 'A reply.',
      ...data,
    });
  }
}

export function newTicketId(): string {
  return randomUUID();
}

export function at(base: Date | string, offsetMs: number): string {
  return new Date(new Date(base).getTime() + offsetMs).toISOString();
}

/**
 * One suite's world: a broker, the SLA service on throw-away databases with an adjustable clock,
 * a probe on the SLA topic (and any others named), and upstream services to feed it events.
 */
export class SlaTestBed {
  readonly time = new AdjustableTimeSource();
  broker!: RunningBroker;
  stack!: ServiceStack;
  probe!: EventProbe;
  upstream!: UpstreamServices;
  url = '';
  database = '';

  constructor(
    private readonly label: string,
    private readonly topics: string[] = [TOPICS.sla],
  ) {}

  async start(): Promise<this> {
    this.broker = await startMockKafka();
    this.probe = await EventProbe.start(this.broker.brokers, this.topics);
    this.upstream = new UpstreamServices(this.probe);
    this.stack = ServiceStack.create(this.broker.brokers, this.label);
    const sla = await this.stack.start(SLA_SERVICE, slaFactory(this.time));
    this.url = sla.url;
    this.database = sla.database;
    return this;
  }

  async stop(): Promise<void> {
    await this.probe?.stop();
    await this.stack?.stopAll();
    await this.broker?.stop();
  }

  /** Waits for a support.sla event of one ticket, e.g. event('breached', id). */
  readonly event = <T = any>(type: string, ticketId: string, match: (data: T) => boolean = () => true) =>
    this.probe.waitForEvent<T>(`support.sla.${type}.v1`, (e) => e.subject === ticketId && match(e.data));

  /** The payloads of one ticket's support.sla events of a type seen so far. */
  readonly eventsOf = (type: string, ticketId: string) => this.probe.events(`support.sla.${type}.v1`, ticketId).map((e) => e.data as any);
}
