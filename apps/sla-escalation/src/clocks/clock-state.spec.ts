import { defaultSlaPolicy, pauseClock, resumeClock, startClock, stopClock, type SlaClock } from '@support/domain-sla';
import { fireDueTimers } from './clock-ledger';
import { clockFromJson, clockFromRecord, clockToJson, storedClockState, type ClockColumns } from './clock-state';

const policy = defaultSlaPolicy();
const at = (iso: string) => new Date(`2026-11-21T${iso}.000Z`);
const started = startClock({
  ticketId: 't-1',
  metric: 'first_response',
  priority: 'high',
  startedAt: at('10:00:00'),
  targetMs: 4 * 3_600_000,
  policy,
}).clock;
const paused = pauseClock(started, at('10:30:00'), policy).clock;
const resumed = resumeClock(paused, at('11:00:00'), policy).clock;
const breached = fireDueTimers(resumed, policy, at('23:00:00')).clock;
const stopped = stopClock(breached, at('23:30:00'), policy).clock;

/** The row as the ledger writes it and a read gives it back: columns as values, `state` through JSON. */
function row(clock: SlaClock): ClockColumns {
  return {
    ticketId: clock.ticketId,
    metric: clock.metric,
    priority: clock.priority,
    clockState: clock.state,
    startedAt: new Date(clock.startedAt),
    targetMs: clock.targetMs,
    dueAt: clock.dueAt && new Date(clock.dueAt),
    warningAt: clock.warningAt && new Date(clock.warningAt),
    warnedAt: clock.warnedAt && new Date(clock.warnedAt),
    stoppedAt: clock.stoppedAt && new Date(clock.stoppedAt),
    breachedAt: clock.breachedAt && new Date(clock.breachedAt),
    escalationLevel: clock.escalationLevel,
    state: JSON.parse(JSON.stringify(storedClockState(clock))) as Record<string, unknown>,
  };
}

describe('stored clock state', () => {
  it('holds only what the columns do not, and gives back the whole clock with them, every instant a Date', () => {
    expect(breached.escalationLevel).toBeGreaterThan(0);
    for (const clock of [started, paused, resumed, breached, stopped]) {
      const state = storedClockState(clock);
      expect(Object.keys(state).sort()).toEqual([
        'elapsedBeforePauseMs',
        'outcome',
        'pausedAt',
        'pausedTotalMs',
        'runningSince',
        'segments',
      ]);
      expect(clockFromRecord(row(clock))).toEqual(clock);
    }
    expect(clockFromRecord(row(resumed)).segments[0].from).toBeInstanceOf(Date);
    expect(clockFromRecord(row(paused)).pausedAt).toEqual(at('10:30:00'));
    expect(clockFromRecord(row(stopped)).outcome).toBe('breached');
  });

  it('reads a row whose state holds the whole clock (written before the state shrank) from the state alone', () => {
    for (const clock of [started, paused, resumed, stopped]) {
      const legacy = { ...row(clock), state: JSON.parse(JSON.stringify(clockToJson(clock))) as Record<string, unknown> };
      expect(clockFromRecord(legacy)).toEqual(clock);
    }
  });

  it('survives a round trip of the whole clock through JSON with every instant and running segment as a Date', () => {
    for (const clock of [started, paused, resumed]) {
      const stored = JSON.parse(JSON.stringify(clockToJson(clock)));
      expect(clockFromJson(stored)).toEqual(clock);
    }
    expect(clockFromJson(clockToJson(resumed)).segments[0].from).toBeInstanceOf(Date);
  });
});
