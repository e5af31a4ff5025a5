import { settleAndCount } from './support/outcome';
import { FaultPlatform, type ServiceProcess } from './support/platform';
import { TicketLoad } from './support/ticket-load';

/**
 * Two replicas of every service under load: each replica of each service handles events of its
 * own (they share the work: its /metrics counts events it processed, and the partitions it worked
 * on), none crashes or stays unready, the load is filed through both ticketing replicas, and every
 * ticket is handled once. (The development broker answers neither ListGroups nor DescribeGroups,
 * so the work is read from the replicas themselves.)
 */
describe('faults: two replicas of each service under load', () => {
  let platform: FaultPlatform;

  beforeAll(async () => {
    platform = await FaultPlatform.start({ label: 'replicas', replicas: 2 });
  }, 300_000);

  afterAll(async () => {
    await platform?.stop();
  });

  it('share the work, stay up, and lose or repeat nothing', async () => {
    const load = new TicketLoad(
      'fault two replicas',
      () => platform.replicas('ticketing').map((replica) => replica.url),
      platform.customerTokens,
      10,
    ).start();
    await load.waitForAccepted(100);
    // long enough for a replica's group join to go wrong after it first looked fine
    await new Promise((resolve) => setTimeout(resolve, 15_000));
    await load.waitForAccepted(load.acceptedCount + 30);
    const result = await load.stop();
    const outcome = await settleAndCount(platform, 'two replicas of each service', load.subjectPrefix, result, 0);

    const work = await Promise.all(platform.all().map(async (replica) => ({ replica, ...(await consumedBy(replica)) })));
    const sharing = work.map(
      ({ replica, processed, partitions }) => `${replica.label} processed ${processed} events on ${partitions} partitions`,
    );
    const readiness = await Promise.all(
      platform.all().map(
        async (replica) =>
          `${replica.label} ${await fetch(`${replica.url}/health/ready`).then(
            (r) => r.status,
            () => 'no answer',
          )}`,
      ),
    );
    process.stdout.write(`[faults] two replicas: ${sharing.join('; ')}; readiness ${readiness.join(', ')}\n`);

    expect(work.filter(({ processed }) => processed === 0).map(({ replica }) => `${replica.label} processed no event`)).toEqual([]);
    expect(readiness.filter((line) => !line.endsWith(' 200'))).toEqual([]);
    expect(result.refused).toEqual([]);
    expect(outcome.details).toEqual([]);
    expect({ lost: outcome.lost, duplicated: outcome.duplicated }).toEqual({ lost: 0, duplicated: 0 });
    expect(platform.unexpectedExits()).toEqual([]);
  }, 600_000);
});

/**
 * What one replica consumed, from its /metrics: events it processed (support_events_consumed_total
 * with outcome "processed") and the partitions it reported a lag for (those it worked on).
 */
async function consumedBy(replica: ServiceProcess): Promise<{ processed: number; partitions: number }> {
  const text = await (await fetch(`${replica.url}/metrics`)).text();
  let processed = 0;
  const partitions = new Set<string>();
  for (const line of text.split('\n')) {
    if (line.startsWith('support_events_consumed_total{') && line.includes('outcome="processed"'))
      processed += Number(line.split(' ').pop());
    const lag = /^support_consumer_lag_messages\{(.*)\}/.exec(line);
    if (lag) partitions.add(lag[1]);
  }
  return { processed, partitions: partitions.size };
}
