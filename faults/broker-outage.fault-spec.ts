import { settleAndCount } from './support/outcome';
import { FaultPlatform } from './support/platform';
import { ReadinessWatch } from './support/readiness';
import { TicketLoad } from './support/ticket-load';

const OUTAGE_MS = 30_000;

/**
 * The broker gone for 30 s under load, then back. librdkafka's mock cluster (the development
 * broker) listens on ports it picks itself, and one started again would be elsewhere (and empty),
 * so the outage is the broker process frozen (SIGSTOP): every connection to it hangs, as with a
 * broker that died behind a network that drops packets, and SIGCONT brings it back on the same
 * addresses with what it held. Tickets keep being filed meanwhile (the outbox holds their
 * events); afterwards every acknowledged ticket must be decided, timed and suggested, once.
 */
describe('faults: the broker gone for 30 s under load', () => {
  let platform: FaultPlatform;

  beforeAll(async () => {
    platform = await FaultPlatform.start({ label: 'broker' });
  }, 300_000);

  afterAll(async () => {
    await platform?.stop();
  });

  it('loses nothing, applies nothing twice, and readiness says the broker is away', async () => {
    const load = new TicketLoad('fault broker outage', () => [platform.url('ticketing')], platform.customerTokens, 10).start();
    const acceptedBefore = await load.waitForAccepted(30);
    const watch = new ReadinessWatch(platform);
    platform.freezeBroker();
    watch.start();
    await new Promise((resolve) => setTimeout(resolve, OUTAGE_MS));
    watch.stop();
    platform.thawBroker();
    const acceptedDuring = load.acceptedCount - acceptedBefore;
    await load.waitForAccepted(load.acceptedCount + 30);
    const result = await load.stop();
    const outcome = await settleAndCount(platform, 'broker gone for 30 s', load.subjectPrefix, result, 1, 240_000);
    process.stdout.write(`[faults] broker gone for 30 s: ${acceptedDuring} tickets acknowledged during the outage; seen meanwhile: ${watch.describe()}\n`);
    await Promise.all(platform.all().map((replica) => replica.waitReady(120_000)));

    expect(result.refused).toEqual([]);
    expect(outcome.details).toEqual([]);
    expect({ lost: outcome.lost, duplicated: outcome.duplicated }).toEqual({ lost: 0, duplicated: 0 });
    // readiness reflects the broker (issue 10, item 6): every service reported not ready at some point
    expect(watch.neverUnready()).toEqual([]);
    expect(platform.unexpectedExits()).toEqual([]);
  }, 600_000);
});
