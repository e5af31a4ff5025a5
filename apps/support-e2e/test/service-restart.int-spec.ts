import { TOPICS } from '@support/contracts';
import { EventProbe, queryDatabase, request, ServiceStack, signToken, startMockKafka, waitFor, type RunningBroker } from '@support/testing';
import { ENTITLEMENTS, SLA, TICKETING } from '../src/services';

/**
 * A service that goes away mid-flow loses nothing and applies nothing twice: tickets filed while
 * the plan check is down are decided once it is back, and the deadlines follow.
 */
describe('a service stopped mid-flow (real Kafka and MariaDB)', () => {
  let broker: RunningBroker;
  let stack: ServiceStack;
  let probe: EventProbe;
  let customer: string;

  beforeAll(async () => {
    broker = await startMockKafka();
    probe = await EventProbe.start(broker.brokers, [TOPICS.entitlements, TOPICS.sla]);
    stack = ServiceStack.create(broker.brokers, 'restart');
    await Promise.all([stack.start(...TICKETING), stack.start(...ENTITLEMENTS), stack.start(...SLA)]);
    const admin = await signToken({ sub: 'admin', role: 'admin' });
    await request('PUT', `${stack.url('entitlements')}/v1/accounts/acct-r`, { token: admin, body: { name: 'R', plan: 'business' } });
    await request('PUT', `${stack.url('entitlements')}/v1/accounts/acct-r/users/owner-r`, { token: admin, body: { role: 'owner' } });
    customer = await signToken({ sub: 'owner-r', role: 'customer', account_id: 'acct-r' });
  });

  afterAll(async () => {
    await probe?.stop();
    await stack?.stopAll();
    await broker?.stop();
  });

  const file = async (n: number) => {
    const response = await request('POST', `${stack.url('ticketing')}/v1/tickets`, {
      token: customer,
      body: { subject: `outage report ${n}`, description: 'Everything is down.', priority: 'urgent', device: 'desktop' },
    });
    expect(response.status).toBe(201);
    return response.body.id as string;
  };

  it('decides every ticket filed while entitlements was down, once, after it returns', async () => {
    const before = await file(0);
    await probe.waitForEvent('support.sla.clock_started.v1', (e) => e.subject === before);

    await stack.stop('entitlements');
    const during: string[] = [];
    for (let n = 1; n <= 5; n += 1) during.push(await file(n));

    await stack.start(...ENTITLEMENTS);
    for (const id of during) {
      await probe.waitForEvent('support.sla.clock_started.v1', (e) => e.subject === id, 60_000);
    }
    for (const id of [before, ...during]) {
      const decisions = await queryDatabase(stack.database('entitlements'), 'SELECT id FROM decision WHERE ticket_id = ?', [id]);
      expect(decisions).toHaveLength(1);
      expect(probe.events('support.entitlement.checked.v1', id)).toHaveLength(1);
    }
    const shown = await waitFor(async () => {
      const ticket = await request('GET', `${stack.url('ticketing')}/v1/tickets/${during[4]}`, { token: customer });
      return ticket.body?.sla?.firstResponseDueAt ? ticket.body : null;
    });
    expect(Date.parse(shown.sla.firstResponseDueAt) - Date.parse(shown.createdAt)).toBe(3600_000);
  });
});
