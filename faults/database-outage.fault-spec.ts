import { settleAndCount } from './support/outcome';
import { FaultPlatform } from './support/platform';
import { ReadinessWatch } from './support/readiness';
import { TicketLoad } from './support/ticket-load';

const OUTAGE_MS = 15_000;

/**
 * The database gone for 15 s under load, through a TCP proxy the test controls (every service
 * reaches MariaDB through it; the machine's server is never touched): open connections are reset
 * and new ones refused, then the proxy listens again on the same port. Filing fails meanwhile and
 * the client retries with its Idempotency-Key; afterwards every acknowledged ticket must be
 * decided, timed and suggested, once.
 */
describe('faults: the database gone for 15 s under load', () => {
  let platform: FaultPlatform;

  beforeAll(async () => {
    platform = await FaultPlatform.start({ label: 'database', databaseThroughProxy: true });
  }, 300_000);

  afterAll(async () => {
    await platform?.stop();
  });

  it('loses nothing, applies nothing twice, readiness says the database is away, and every process lives on', async () => {
    const load = new TicketLoad('fault database outage', () => [platform.url('ticketing')], platform.customerTokens, 10).start();
    await load.waitForAccepted(30);
    const watch = new ReadinessWatch(platform);
    await platform.proxy!.cut();
    watch.start();
    await new Promise((resolve) => setTimeout(resolve, OUTAGE_MS));
    watch.stop();
    await platform.proxy!.restore();
    await load.waitForAccepted(load.acceptedCount + 30);
    const result = await load.stop();
    const outcome = await settleAndCount(platform, 'database gone for 15 s', load.subjectPrefix, result, 1, 180_000);
    process.stdout.write(
      `[faults] database gone for 15 s: ${platform.proxy!.cutConnections} connections cut; seen meanwhile: ${watch.describe()}\n`,
    );
    await Promise.all(platform.all().map((replica) => replica.waitReady(120_000)));

    expect(result.refused).toEqual([]);
    expect(outcome.details).toEqual([]);
    expect({ lost: outcome.lost, duplicated: outcome.duplicated }).toEqual({ lost: 0, duplicated: 0 });
    expect(watch.neverUnready()).toEqual([]);
    expect(platform.unexpectedExits()).toEqual([]);
  }, 600_000);
});
