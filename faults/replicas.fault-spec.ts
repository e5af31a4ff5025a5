import { AssignerProtocol, Kafka, logLevel } from 'kafkajs';
import { settleAndCount } from './support/outcome';
import { FaultPlatform, SERVICE_NAMES } from './support/platform';
import { TicketLoad } from './support/ticket-load';

/**
 * Two replicas of every service under load: both of each service stay in its consumer group with
 * partitions of their own (they share the work), none crashes or stays unready, the load is
 * filed through both ticketing replicas, and every ticket is handled once.
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
    const load = new TicketLoad('fault two replicas', () => platform.replicas('ticketing').map((replica) => replica.url), platform.customerTokens, 10).start();
    await load.waitForAccepted(100);
    // long enough for a replica's group join to go wrong after it first looked fine
    await new Promise((resolve) => setTimeout(resolve, 15_000));
    const groups = await describeGroups(platform.broker.brokers);
    await load.waitForAccepted(load.acceptedCount + 30);
    const result = await load.stop();
    const outcome = await settleAndCount(platform, 'two replicas of each service', load.subjectPrefix, result, 0);

    const sharing = SERVICE_NAMES.map((name) => {
      const members = groups.get(name) ?? [];
      return `${name}: ${members.length} members (${members.map((m) => `${m.partitions} partitions`).join(', ')})`;
    });
    const readiness = await Promise.all(
      platform.all().map(async (replica) => `${replica.label} ${await fetch(`${replica.url}/health/ready`).then((r) => r.status, () => 'no answer')}`),
    );
    process.stdout.write(`[faults] two replicas: consumer groups ${sharing.join('; ')}; readiness ${readiness.join(', ')}\n`);

    for (const name of SERVICE_NAMES) {
      const members = groups.get(name) ?? [];
      expect({ service: name, members: members.length, idle: members.filter((m) => m.partitions === 0).length }).toEqual({ service: name, members: 2, idle: 0 });
    }
    expect(readiness.filter((line) => !line.endsWith(' 200'))).toEqual([]);
    expect(result.refused).toEqual([]);
    expect(outcome.details).toEqual([]);
    expect({ lost: outcome.lost, duplicated: outcome.duplicated }).toEqual({ lost: 0, duplicated: 0 });
    expect(platform.unexpectedExits()).toEqual([]);
  }, 600_000);
});

/** Each consumer group's members and how many partitions each holds (the broker's view). */
async function describeGroups(brokers: string): Promise<Map<string, Array<{ clientId: string; partitions: number }>>> {
  const admin = new Kafka({ clientId: 'fault-suite', brokers: brokers.split(','), logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    const listed = await admin.listGroups();
    const described = await admin.describeGroups(listed.groups.map((group) => group.groupId));
    return new Map(
      described.groups.map((group) => [
        group.groupId,
        group.members.map((member) => {
          const assignment = AssignerProtocol.MemberAssignment.decode(member.memberAssignment);
          const partitions = Object.values(assignment?.assignment ?? {}).reduce((sum, list) => sum + list.length, 0);
          return { clientId: member.clientId, partitions };
        }),
      ]),
    );
  } finally {
    await admin.disconnect();
  }
}
