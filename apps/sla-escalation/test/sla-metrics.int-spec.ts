import { metricSample as sample } from '@support/testing-core';
import { MINUTE, SlaTestBed, at, newTicketId } from './sla-test-kit';

describe('SLA metrics: clocks by state, timers fired and how late (real Kafka and MariaDB)', () => {
  const bed = new SlaTestBed('slametrics');
  const { time, event } = bed;

  beforeAll(() => bed.start());
  afterAll(() => bed.stop());

  const scrape = async () => (await fetch(`${bed.url}/metrics`)).text();

  it('counts a running clock, then the warning it fires with its lateness', async () => {
    const ticketId = newTicketId();
    const created = time.now().toISOString();
    await bed.upstream.decide(ticketId, { ticketCreatedAt: created }, 'corr-sla-metrics');
    await event('clock_started', ticketId);

    const before = await scrape();
    expect(sample(before, 'sla_clocks', { state: 'running' })).toBe(1);
    expect(sample(before, 'sla_clocks', { state: 'stopped' })).toBe(0);
    expect(sample(before, 'sla_timers_due')).toBe(0);
    expect(sample(before, 'sla_timer_transitions_fired_total')).toBe(0);

    time.jumpTo(new Date(at(created, 45 * MINUTE)));
    await event('warning', ticketId);
    const after = await scrape();
    expect(sample(after, 'sla_timer_transitions_fired_total')).toBe(1);
    expect(sample(after, 'sla_timer_firing_lateness_seconds_count')).toBe(1);
  });
});
