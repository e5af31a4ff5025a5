import { defaultSlaPolicy, pauseClock, resumeClock, startClock } from '@support/domain-sla';
import { clockFromJson, clockToJson } from './clock-state';

describe('stored clock state', () => {
  it('survives a round trip through JSON with every instant and running segment as a Date', () => {
    const policy = defaultSlaPolicy();
    const started = startClock({
      ticketId: 't-1',
      metric: 'first_response',
      priority: 'high',
      startedAt: new Date('2026-11-21T10:00:00.000Z'),
      targetMs: 4 * 3_600_000,
      policy,
    }).clock;
    const paused = pauseClock(started, new Date('2026-11-21T10:30:00.000Z'), policy).clock;
    const resumed = resumeClock(paused, new Date('2026-11-21T11:00:00.000Z'), policy).clock;

    for (const clock of [started, paused, resumed]) {
      const stored = JSON.parse(JSON.stringify(clockToJson(clock)));
      expect(clockFromJson(stored)).toEqual(clock);
    }
    expect(clockFromJson(clockToJson(resumed)).segments[0].from).toBeInstanceOf(Date);
  });
});
