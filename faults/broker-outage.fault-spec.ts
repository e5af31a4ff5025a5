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
 * events), and ticketing gets a SIGTERM in the middle of it, which must end it although its
 * broker is away; afterwards every acknowledged ticket must be decided, timed and suggested, once.
 */
describe('faults: the broker gone for 30 s under load', () => {
  let platform: FaultPlatform;

  beforeAll(async () => {
    platform = await FaultPlatform.start({ label: 'broker' });
  }, 300_000);

  afterAll(async () => {
    await platform?.stop();
  });

  it('loses nothing, applies nothing twice, readiness says the broker is away, and SIGTERM still ends a service', async () => {
    const load = new TicketLoad('fault broker outage', () => [platform.url('ticketing')], platform.customerTokens, 10).start();
    const acceptedBefore = await load.waitForAccepted(30);
    const watch = new ReadinessWatch(platform);
    const outageStarted = Date.now();
    platform.freezeBroker();
    watch.start();
    // ticketing holds unpublished outbox rows now: SIGTERM must still end it (within its shutdown
    // deadline, SHUTDOWN_TIMEOUT_MS), leaving the rows for the next start
    await new Promise((resolve) => setTimeout(resolve, 20_000));
    // readiness reflects the broker (issue 10, item 6): by now every service said it is not ready
    const neverUnready = watch.neverUnready();
    const [ticketing] = platform.replicas('ticketing');
    const shutdown = await ticketing.signal('SIGTERM', 60_000);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, OUTAGE_MS - (Date.now() - outageStarted))));
    watch.stop();
    platform.thawBroker();
    const acceptedDuring = load.acceptedCount - acceptedBefore;
    ticketing.spawn();
    await ticketing.waitReady();
    await load.waitForAccepted(load.acceptedCount + 30);
    const result = await load.stop();
    const outcome = await settleAndCount(platform, 'broker gone for 30 s', load.subjectPrefix, result, 2, 240_000);
    const ended = shutdown.forced
      ? 'still running 60 s after SIGTERM (killed)'
      : `exited with ${shutdown.signal ?? `code ${shutdown.code}`} ${shutdown.ms} ms after SIGTERM`;
    process.stdout.write(
      `[faults] broker gone for 30 s: ${acceptedDuring} tickets acknowledged during the outage; ticketing ${ended}; seen meanwhile: ${watch.describe()}\n`,
    );
    await Promise.all(platform.all().map((replica) => replica.waitReady(120_000)));

    expect({ ticketingKilledAfterSigterm: shutdown.forced }).toEqual({ ticketingKilledAfterSigterm: false });
    expect(result.refused).toEqual([]);
    expect(outcome.details).toEqual([]);
    expect({ lost: outcome.lost, duplicated: outcome.duplicated }).toEqual({ lost: 0, duplicated: 0 });
    expect(neverUnready).toEqual([]);
    expect(platform.unexpectedExits()).toEqual([]);
  }, 600_000);
});
