import type { INestApplication } from '@nestjs/common';
import { TOPICS } from '@support/contracts';
import { SupportKafkaServer } from '@support/nest-messaging';
import { migrateServiceDatabase, type ServiceManifest } from '@support/nest-bootstrap';
import { loadEnvironment, type CommonEnvironment } from '@support/platform';
import {
  EventProbe,
  queryDatabase,
  request,
  ServiceStack,
  signToken,
  startMockKafka,
  testEnvironment,
  waitFor,
  type AppFactory,
  type RunningBroker,
} from '@support/testing';
import { ENTITLEMENTS, KNOWLEDGE_BASE, SLA, TICKETING } from '../src/services';

const TICKETS = 40;
const SERVICES = [TICKETING, ENTITLEMENTS, SLA, KNOWLEDGE_BASE] as const;
/** eight services on one MariaDB: small pools */
const OVERRIDES = { DATABASE_POOL_SIZE: '6', CONSUMER_RESTART_BACKOFF_MS: '200' };

interface Replica {
  name: string;
  app: INestApplication;
  url: string;
}

/** A second replica beside the one the stack runs: same database, same consumer group. */
async function startReplica<E extends CommonEnvironment>(
  stack: ServiceStack,
  manifest: ServiceManifest<E>,
  create: AppFactory<E>,
): Promise<Replica> {
  const source = { ...testEnvironment(stack.brokers, stack.prefix, manifest as ServiceManifest<never>), ...OVERRIDES };
  await migrateServiceDatabase(manifest, 'up', source);
  const app = await create(loadEnvironment(manifest.Environment, source), ['error', 'warn']);
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  await waitFor(async () => (await fetch(`${url}/health/ready`)).ok, { timeoutMs: 90_000, description: `${manifest.name} replica ready` });
  return { name: manifest.name, app, url };
}

/**
 * Two replicas of every service in one consumer group per service, on one broker: the partitions
 * are shared, both replicas of each service consume, and every ticket's flow happens exactly once
 * (a replica whose consumer the development broker crashes during a rebalance is restarted).
 */
describe('two replicas of every service share the work (real Kafka and MariaDB)', () => {
  let broker: RunningBroker;
  let stack: ServiceStack;
  let probe: EventProbe;
  const replicas: Replica[] = [];
  let customer: string;

  beforeAll(async () => {
    broker = await startMockKafka();
    probe = await EventProbe.start(broker.brokers, [TOPICS.tickets, TOPICS.entitlements, TOPICS.sla, TOPICS.kb, TOPICS.deadLetter]);
    stack = ServiceStack.create(broker.brokers, 'replicas');
    for (const [manifest, create] of SERVICES) await stack.start(manifest as never, create as never, OVERRIDES);
    for (const [manifest, create] of SERVICES) replicas.push(await startReplica(stack, manifest as never, create as never));
    // every group has settled with both members: each replica's consumer has (re)joined
    await waitFor(
      async () => {
        for (const url of [...[...stack.services.values()].map((s) => s.url), ...replicas.map((r) => r.url)]) {
          if (!(await fetch(`${url}/health/ready`)).ok) return false;
        }
        return true;
      },
      { timeoutMs: 90_000, description: 'all eight replicas ready' },
    );
    const admin = await signToken({ sub: 'admin', role: 'admin' });
    const entitlements = stack.url('entitlements');
    expect(
      (await request('PUT', `${entitlements}/v1/accounts/acct-rep`, { token: admin, body: { name: 'Replicas', plan: 'pro' } })).status,
    ).toBe(201);
    expect(
      (await request('PUT', `${entitlements}/v1/accounts/acct-rep/users/owner-rep`, { token: admin, body: { role: 'owner' } })).status,
    ).toBe(200);
    customer = await signToken({ sub: 'owner-rep', role: 'customer', account_id: 'acct-rep' });
  }, 400_000);

  afterAll(async () => {
    for (const replica of replicas) await replica.app.close();
    await probe?.stop();
    await stack?.stopAll();
    await broker?.stop();
  });

  /** distinct event ids of one type about one ticket: 1 means it happened once (a re-sent copy has the same id) */
  const distinct = (type: string, ticketId: string) => new Set(probe.events(type, ticketId).map((event) => event.id)).size;

  it('handles every ticket once across the replicas, and both replicas of each service consume', async () => {
    const ticketingUrls = [stack.url('ticketing'), replicas.find((r) => r.name === 'ticketing')!.url];
    const tickets: string[] = [];
    for (let n = 0; n < TICKETS; n++) {
      const response = await request('POST', `${ticketingUrls[n % 2]}/v1/tickets`, {
        token: customer,
        body: {
          subject: `replica ticket ${n}`,
          description: 'The meeting drops every attendee after five minutes.',
          priority: 'urgent',
          device: 'desktop',
        },
      });
      expect(response.status).toBe(201);
      tickets.push(response.body.id as string);
    }

    const flowDone = (id: string) =>
      distinct('support.entitlement.checked.v1', id) > 0 &&
      distinct('support.sla.clock_started.v1', id) > 0 &&
      distinct('support.kb.articles_suggested.v1', id) > 0;
    await waitFor(() => tickets.every(flowDone), {
      timeoutMs: 180_000,
      intervalMs: 250,
      description: 'every ticket decided, clocked and answered',
    });
    // ticketing (which consumes all three) shows each ticket's decision, deadline and suggestions
    await waitFor(
      async () => {
        for (const id of tickets) {
          const ticket = await request('GET', `${ticketingUrls[0]}/v1/tickets/${id}`, { token: customer });
          if (!ticket.body?.sla?.firstResponseDueAt || !Array.isArray(ticket.body?.suggestedArticles)) return false;
        }
        return true;
      },
      { timeoutMs: 120_000, description: 'ticketing applied every decision, clock and suggestion' },
    );

    // nothing doubled: one event of each kind per ticket, one row per ticket in each service's own tables
    for (const id of tickets) {
      expect([
        distinct('support.ticket.created.v1', id),
        distinct('support.entitlement.checked.v1', id),
        distinct('support.sla.clock_started.v1', id),
        distinct('support.kb.articles_suggested.v1', id),
      ]).toEqual([1, 1, 1, 1]);
    }
    const perTicket = async (service: string, sql: string) => {
      const rows = await queryDatabase<{ ticket_id: string; n: number }>(stack.database(service), sql);
      return new Map(rows.map((row) => [row.ticket_id, Number(row.n)]));
    };
    const decisions = await perTicket('entitlements', 'SELECT ticket_id, COUNT(*) AS n FROM decision GROUP BY ticket_id');
    const suggestions = await perTicket(
      'knowledge-base',
      'SELECT ticket_id, COUNT(*) AS n FROM kb_suggestion WHERE ticket_id IS NOT NULL GROUP BY ticket_id',
    );
    for (const id of tickets) {
      expect(decisions.get(id)).toBe(1);
      expect(suggestions.get(id)).toBe(1);
    }
    expect(probe.events().filter((event) => event.type.startsWith('support.dlq')).length).toBe(0);
    expect(probe.messages.filter((message) => message.topic === TOPICS.deadLetter)).toHaveLength(0);

    // both replicas of every service took part
    const handled: Record<string, number[]> = {};
    for (const [manifest] of SERVICES) {
      const apps = [stack.get(manifest.name).app, replicas.find((r) => r.name === manifest.name)!.app];
      handled[manifest.name] = apps.map((app) => app.get(SupportKafkaServer).messagesHandled);
    }
    process.stdout.write(`messages handled per replica: ${JSON.stringify(handled)}\n`);
    for (const counts of Object.values(handled)) expect(Math.min(...counts)).toBeGreaterThan(0);
  });
});
