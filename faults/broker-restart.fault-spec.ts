import { settleAndCount } from './support/outcome';
import { Orchestrator } from './support/orchestrator';
import { FaultPlatform } from './support/platform';
import { TicketLoad } from './support/ticket-load';

const DOWN_MS = 30_000;

/**
 * The broker dies under load and a new one comes back 30 s later on the same address, empty: the
 * development broker keeps its log in memory, so the events it had acknowledged, the consumer
 * groups and their offsets are gone with it (a KafkaProxy in front keeps the address, see
 * support/kafka-proxy.ts). Nothing in Kafka can bring those events back: anti-entropy must
 * (ticketing re-publishes the created event of tickets still undecided, or still without the
 * knowledge base's suggestions, after TICKET_REDRIVE_AFTER_MS, and the knowledge base announces
 * its recorded set again; sla-escalation repairs entitled decisions without a clock), shortened
 * here to 15 s. Processes may be restarted as an orchestrator would (a crash, or /health/live
 * failing); every acknowledged ticket must end decided, timed and suggested, once.
 */
describe('faults: the broker restarted empty after 30 s under load', () => {
  let platform: FaultPlatform;

  beforeAll(async () => {
    platform = await FaultPlatform.start({
      label: 'brokerrestart',
      restartableBroker: true,
      env: {
        TICKET_REDRIVE_AFTER_MS: '15000',
        TICKET_REDRIVE_INTERVAL_MS: '2000',
        SLA_CLOCK_REPAIR_AFTER_MS: '15000',
        SLA_CLOCK_REPAIR_INTERVAL_MS: '2000',
      },
    });
  }, 300_000);

  afterAll(async () => {
    await platform?.stop();
  });

  it('loses nothing and applies nothing twice: anti-entropy recovers what the broker lost', async () => {
    const orchestrator = new Orchestrator(platform).start();
    const load = new TicketLoad('fault broker restart', () => [platform.url('ticketing')], platform.customerTokens, 10).start();
    await load.waitForAccepted(30);
    await platform.restartBroker(DOWN_MS);
    await load.waitForAccepted(load.acceptedCount + 30);
    const result = await load.stop();
    const outcome = await settleAndCount(platform, 'broker restarted empty after 30 s', load.subjectPrefix, result, 1, 240_000);
    orchestrator.stop();
    const readiness = await Promise.all(
      platform.all().map(
        async (replica) =>
          `${replica.label} ${await fetch(`${replica.url}/health/ready`).then(
            (r) => r.status,
            () => 'no answer',
          )}`,
      ),
    );
    process.stdout.write(
      `[faults] broker restarted empty: restarts by the orchestrator: ${orchestrator.restarts.join('; ') || 'none'}; readiness at the end ${readiness.join(', ')}\n`,
    );

    expect(result.refused).toEqual([]);
    expect(outcome.details).toEqual([]);
    expect({ lost: outcome.lost, duplicated: outcome.duplicated }).toEqual({ lost: 0, duplicated: 0 });
    expect(readiness.filter((line) => !line.endsWith(' 200'))).toEqual([]);
  }, 600_000);
});
