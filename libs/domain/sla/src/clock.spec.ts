import { InvalidCalendarError } from './calendar';
import {
  SlaClock,
  SlaClockStep,
  SlaClockTerms,
  SlaTimer,
  dueTimers,
  elapsedWorkingTime,
  fireTimer,
  pauseClock,
  recordBreach,
  recordEscalation,
  recordWarning,
  resumeClock,
  retimeClock,
  startClock,
  stopClock,
} from './clock';
import { SlaPolicy, defaultSlaPolicy } from './policy';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

const at = (iso: string) => new Date(iso);

const roundTheClock: SlaPolicy = defaultSlaPolicy();

// Paris office, Monday to Friday 09:00–17:00 (08:00–16:00Z in March before the switch to CEST).
const parisOffice: SlaPolicy = {
  ...defaultSlaPolicy(),
  calendar: {
    kind: 'business_hours',
    timeZone: 'Europe/Paris',
    weekly: ([1, 2, 3, 4, 5] as const).map((day) => ({ day, start: '09:00', end: '17:00' })),
    holidays: [],
  },
};

function start(
  startedAt: string,
  targetMs: number,
  policy: SlaClockTerms = roundTheClock,
  priority: SlaClock['priority'] = 'urgent',
): SlaClock {
  return startClock({ ticketId: 'T-1', metric: 'first_response', priority, startedAt: at(startedAt), targetMs, policy }).clock;
}

/** Applies operations in order, keeping the last clock and every transition. */
function run(clock: SlaClock, ...steps: Array<(clock: SlaClock) => SlaClockStep>): SlaClockStep {
  return steps.reduce<SlaClockStep>(
    (so, step) => {
      const next = step(so.clock);
      return { clock: next.clock, transitions: [...so.transitions, ...next.transitions] };
    },
    { clock, transitions: [] },
  );
}

const iso = (date: Date | null) => (date === null ? null : date.toISOString());

function timersAsText(timers: SlaTimer[]): string[] {
  return timers.map((timer) => `${timer.kind === 'escalation' ? `escalation ${timer.level}` : timer.kind} ${timer.at.toISOString()}`);
}

describe('startClock', () => {
  it('starts a running clock due after the target, warning at 75 % of it', () => {
    const step = startClock({
      ticketId: 'T-1',
      metric: 'first_response',
      priority: 'urgent',
      startedAt: at('2026-03-29T00:30:00Z'),
      targetMs: HOUR,
      policy: roundTheClock,
    });
    expect(step.clock).toEqual({
      ticketId: 'T-1',
      metric: 'first_response',
      priority: 'urgent',
      state: 'running',
      startedAt: at('2026-03-29T00:30:00Z'),
      targetMs: HOUR,
      elapsedBeforePauseMs: 0,
      runningSince: at('2026-03-29T00:30:00Z'),
      pausedAt: null,
      pausedTotalMs: 0,
      segments: [],
      dueAt: at('2026-03-29T01:30:00Z'),
      warningAt: at('2026-03-29T01:15:00Z'),
      warnedAt: null,
      stoppedAt: null,
      outcome: null,
      breachedAt: null,
      escalationLevel: 0,
    });
    expect(step.transitions).toEqual([
      {
        kind: 'started',
        ticketId: 'T-1',
        metric: 'first_response',
        priority: 'urgent',
        at: at('2026-03-29T00:30:00Z'),
        targetMs: HOUR,
        dueAt: at('2026-03-29T01:30:00Z'),
        warningAt: at('2026-03-29T01:15:00Z'),
      },
    ]);
  });

  it.each([
    ['urgent', HOUR, '2026-11-21T11:00:00.000Z', '2026-11-21T10:45:00.000Z'],
    ['high', 4 * HOUR, '2026-11-21T14:00:00.000Z', '2026-11-21T13:00:00.000Z'],
    ['normal', 24 * HOUR, '2026-11-22T10:00:00.000Z', '2026-11-22T04:00:00.000Z'],
  ] as const)('follows the 24/7 calendar for %s', (priority, target, dueAt, warningAt) => {
    const clock = start('2026-11-21T10:00:00Z', target, roundTheClock, priority);
    expect(iso(clock.dueAt)).toBe(dueAt);
    expect(iso(clock.warningAt)).toBe(warningAt);
  });

  it('follows business hours: a Friday afternoon ticket is due on Monday', () => {
    // 16:00 CET Friday: one hour left that day, then three on Monday after the switch to CEST.
    const clock = start('2026-03-27T15:00:00Z', 4 * HOUR, parisOffice, 'high');
    expect(iso(clock.dueAt)).toBe('2026-03-30T10:00:00.000Z');
    expect(iso(clock.warningAt)).toBe('2026-03-30T09:00:00.000Z');
  });

  it.each([0, -HOUR, 1.5, Number.NaN])('rejects a target of %d', (targetMs) => {
    expect(() => start('2026-03-02T10:00:00Z', targetMs)).toThrow(RangeError);
  });

  it('rejects an invalid start and an invalid calendar', () => {
    expect(() => start('not a date', HOUR)).toThrow('startedAt must be a valid Date');
    const broken: SlaClockTerms = {
      ...roundTheClock,
      calendar: { kind: 'business_hours', timeZone: 'Europe/Paris', weekly: [], holidays: [] },
    };
    expect(() => start('2026-03-02T10:00:00Z', HOUR, broken)).toThrow(InvalidCalendarError);
  });
});

describe('pauseClock and resumeClock', () => {
  const running = start('2026-03-02T10:00:00Z', HOUR);

  it('pausing freezes the elapsed time and clears the due instants', () => {
    const step = pauseClock(running, at('2026-03-02T10:20:00Z'), roundTheClock);
    expect(step.clock).toMatchObject({
      state: 'paused',
      pausedAt: at('2026-03-02T10:20:00Z'),
      runningSince: null,
      elapsedBeforePauseMs: 20 * MINUTE,
      dueAt: null,
      warningAt: null,
      segments: [{ from: at('2026-03-02T10:00:00Z'), to: at('2026-03-02T10:20:00Z'), workingMs: 20 * MINUTE }],
    });
    expect(step.transitions).toEqual([
      {
        kind: 'paused',
        ticketId: 'T-1',
        metric: 'first_response',
        priority: 'urgent',
        at: at('2026-03-02T10:20:00Z'),
        elapsedMs: 20 * MINUTE,
      },
    ]);
  });

  it('resuming moves the due and warning instants later by the paused span', () => {
    const paused = pauseClock(running, at('2026-03-02T10:20:00Z'), roundTheClock).clock;
    const step = resumeClock(paused, at('2026-03-02T11:00:00Z'), roundTheClock);
    expect(step.clock).toMatchObject({
      state: 'running',
      runningSince: at('2026-03-02T11:00:00Z'),
      pausedAt: null,
      pausedTotalMs: 40 * MINUTE,
      elapsedBeforePauseMs: 20 * MINUTE,
      dueAt: at('2026-03-02T11:40:00Z'),
      warningAt: at('2026-03-02T11:25:00Z'),
    });
    expect(step.transitions).toEqual([
      {
        kind: 'resumed',
        ticketId: 'T-1',
        metric: 'first_response',
        priority: 'urgent',
        at: at('2026-03-02T11:00:00Z'),
        pausedMs: 40 * MINUTE,
        dueAt: at('2026-03-02T11:40:00Z'),
        warningAt: at('2026-03-02T11:25:00Z'),
      },
    ]);
  });

  it('excludes every paused span over several cycles', () => {
    const { clock, transitions } = run(
      running,
      (c) => pauseClock(c, at('2026-03-02T10:10:00Z'), roundTheClock),
      (c) => resumeClock(c, at('2026-03-02T10:40:00Z'), roundTheClock),
      (c) => pauseClock(c, at('2026-03-02T10:50:00Z'), roundTheClock),
      (c) => resumeClock(c, at('2026-03-02T12:00:00Z'), roundTheClock),
    );
    expect(transitions.map((t) => t.kind)).toEqual(['paused', 'resumed', 'paused', 'resumed']);
    expect(clock.elapsedBeforePauseMs).toBe(20 * MINUTE);
    expect(clock.pausedTotalMs).toBe(100 * MINUTE);
    expect(clock.segments).toHaveLength(2);
    expect(iso(clock.dueAt)).toBe('2026-03-02T12:40:00.000Z');
    expect(elapsedWorkingTime(clock, at('2026-03-02T12:30:00Z'), roundTheClock)).toBe(50 * MINUTE);
  });

  it('pausing a paused clock and resuming a running one change nothing', () => {
    const paused = pauseClock(running, at('2026-03-02T10:20:00Z'), roundTheClock).clock;
    expect(pauseClock(paused, at('2026-03-02T10:30:00Z'), roundTheClock)).toEqual({ clock: paused, transitions: [] });
    expect(resumeClock(running, at('2026-03-02T10:30:00Z'), roundTheClock)).toEqual({ clock: running, transitions: [] });
  });

  it('on business hours, a pause outside working time does not move the deadline', () => {
    const clock = start('2026-03-02T15:00:00Z', 2 * HOUR, parisOffice);
    expect(iso(clock.dueAt)).toBe('2026-03-03T09:00:00.000Z');
    const { clock: resumed } = run(
      clock,
      (c) => pauseClock(c, at('2026-03-02T18:00:00Z'), parisOffice),
      (c) => resumeClock(c, at('2026-03-03T07:00:00Z'), parisOffice),
    );
    expect(iso(resumed.dueAt)).toBe('2026-03-03T09:00:00.000Z');
    expect(resumed.pausedTotalMs).toBe(13 * HOUR);
  });

  it('on business hours, a pause during working time moves the deadline by its working part', () => {
    const clock = start('2026-03-02T09:00:00Z', 2 * HOUR, parisOffice);
    const { clock: resumed } = run(
      clock,
      (c) => pauseClock(c, at('2026-03-02T10:00:00Z'), parisOffice),
      (c) => resumeClock(c, at('2026-03-03T09:00:00Z'), parisOffice),
    );
    // One hour used on Monday, one hour left from 10:00 local on Tuesday.
    expect(iso(resumed.dueAt)).toBe('2026-03-03T10:00:00.000Z');
  });

  it('takes an instant before the last change as that change, since time never runs backwards', () => {
    const paused = pauseClock(running, at('2026-03-02T09:00:00Z'), roundTheClock);
    expect(paused.clock.pausedAt).toEqual(at('2026-03-02T10:00:00Z'));
    expect(paused.clock.elapsedBeforePauseMs).toBe(0);
    const resumed = resumeClock(paused.clock, at('2026-03-02T09:30:00Z'), roundTheClock);
    expect(resumed.clock.runningSince).toEqual(at('2026-03-02T10:00:00Z'));
    expect(resumed.clock.pausedTotalMs).toBe(0);
    expect(resumed.clock.dueAt).toEqual(at('2026-03-02T11:00:00Z'));
  });

  it('rejects invalid instants', () => {
    expect(() => pauseClock(running, new Date(Number.NaN), roundTheClock)).toThrow(RangeError);
    expect(() => resumeClock(running, new Date(Number.NaN), roundTheClock)).toThrow(RangeError);
  });
});

describe('retimeClock', () => {
  it('re-times upwards, keeping the time already used', () => {
    const clock = start('2026-03-02T10:00:00Z', HOUR);
    const step = retimeClock(clock, 'high', 4 * HOUR, at('2026-03-02T10:30:00Z'), roundTheClock);
    expect(step.clock).toMatchObject({
      priority: 'high',
      targetMs: 4 * HOUR,
      dueAt: at('2026-03-02T14:00:00Z'),
      warningAt: at('2026-03-02T13:00:00Z'),
    });
    expect(step.transitions).toEqual([
      {
        kind: 'retimed',
        ticketId: 'T-1',
        metric: 'first_response',
        priority: 'high',
        at: at('2026-03-02T10:30:00Z'),
        previousPriority: 'urgent',
        previousTargetMs: HOUR,
        previousDueAt: at('2026-03-02T11:00:00Z'),
        targetMs: 4 * HOUR,
        dueAt: at('2026-03-02T14:00:00Z'),
        warningAt: at('2026-03-02T13:00:00Z'),
      },
    ]);
  });

  it('re-times downwards to a deadline still ahead', () => {
    const clock = start('2026-03-02T10:00:00Z', 24 * HOUR, roundTheClock, 'normal');
    const { clock: retimed } = retimeClock(clock, 'urgent', HOUR, at('2026-03-02T10:30:00Z'), roundTheClock);
    expect(iso(retimed.dueAt)).toBe('2026-03-02T11:00:00.000Z');
    expect(iso(retimed.warningAt)).toBe('2026-03-02T10:45:00.000Z');
    expect(retimed.breachedAt).toBeNull();
  });

  it('re-times into the past: the breach is due at once and dated when the new target was reached', () => {
    const clock = start('2026-03-02T10:00:00Z', 24 * HOUR, roundTheClock, 'normal');
    const { clock: retimed } = retimeClock(clock, 'urgent', HOUR, at('2026-03-02T12:00:00Z'), roundTheClock);
    expect(iso(retimed.dueAt)).toBe('2026-03-02T11:00:00.000Z');
    expect(timersAsText(dueTimers(retimed, roundTheClock))).toEqual([
      'warning 2026-03-02T10:45:00.000Z',
      'breach 2026-03-02T11:00:00.000Z',
      'escalation 1 2026-03-02T11:00:00.000Z',
      'escalation 2 2026-03-02T11:30:00.000Z',
    ]);
    const breached = recordBreach(retimed, at('2026-03-02T12:00:00Z'), roundTheClock);
    expect(breached.clock.breachedAt).toEqual(at('2026-03-02T11:00:00Z'));
    expect(stopClock(breached.clock, at('2026-03-02T12:05:00Z'), roundTheClock).clock.outcome).toBe('breached');
  });

  it('finds a past crossing inside an earlier running segment', () => {
    const { clock } = run(
      start('2026-03-02T10:00:00Z', 24 * HOUR, roundTheClock, 'normal'),
      (c) => pauseClock(c, at('2026-03-02T10:40:00Z'), roundTheClock),
      (c) => resumeClock(c, at('2026-03-02T11:00:00Z'), roundTheClock),
      (c) => retimeClock(c, 'urgent', 30 * MINUTE, at('2026-03-02T11:30:00Z'), roundTheClock),
    );
    expect(iso(clock.dueAt)).toBe('2026-03-02T10:30:00.000Z');
    expect(iso(clock.warningAt)).toBe('2026-03-02T10:22:30.000Z');
  });

  it('dates a target reached exactly as a pause began at the resume, when the clock ran past it', () => {
    const { clock } = run(
      start('2026-03-02T10:00:00Z', 24 * HOUR, roundTheClock, 'normal'),
      (c) => pauseClock(c, at('2026-03-02T11:00:00Z'), roundTheClock),
      (c) => resumeClock(c, at('2026-03-02T12:00:00Z'), roundTheClock),
      (c) => retimeClock(c, 'urgent', HOUR, at('2026-03-02T12:30:00Z'), roundTheClock),
    );
    expect(iso(clock.dueAt)).toBe('2026-03-02T12:00:00.000Z');
  });

  it('re-times a paused clock without a due instant until it resumes', () => {
    const paused = pauseClock(start('2026-03-02T10:00:00Z', HOUR), at('2026-03-02T10:30:00Z'), roundTheClock).clock;
    const step = retimeClock(paused, 'high', 4 * HOUR, at('2026-03-02T11:00:00Z'), roundTheClock);
    expect(step.clock).toMatchObject({ state: 'paused', targetMs: 4 * HOUR, dueAt: null, warningAt: null });
    expect(step.transitions[0]).toMatchObject({ kind: 'retimed', previousDueAt: null, dueAt: null, warningAt: null });
    const resumed = resumeClock(step.clock, at('2026-03-02T12:00:00Z'), roundTheClock).clock;
    expect(iso(resumed.dueAt)).toBe('2026-03-02T15:30:00.000Z');
  });

  it('re-times a paused clock into the past: the breach is due although the clock is paused', () => {
    const paused = pauseClock(start('2026-03-02T10:00:00Z', 4 * HOUR), at('2026-03-02T11:00:00Z'), roundTheClock).clock;
    const { clock } = retimeClock(paused, 'urgent', 30 * MINUTE, at('2026-03-02T11:30:00Z'), roundTheClock);
    expect(timersAsText(dueTimers(clock, roundTheClock))).toEqual([
      'warning 2026-03-02T10:22:30.000Z',
      'breach 2026-03-02T10:30:00.000Z',
      'escalation 1 2026-03-02T10:30:00.000Z',
      'escalation 2 2026-03-02T10:45:00.000Z',
    ]);
    const stopped = stopClock(clock, at('2026-03-02T11:45:00Z'), roundTheClock);
    expect(stopped.clock.outcome).toBe('breached');
    expect(stopped.clock.breachedAt).toEqual(at('2026-03-02T10:30:00Z'));
  });

  it('keeps a recorded breach when the target grows', () => {
    const breached = recordBreach(start('2026-03-02T10:00:00Z', HOUR), at('2026-03-02T11:00:00Z'), roundTheClock).clock;
    const { clock } = retimeClock(breached, 'normal', 24 * HOUR, at('2026-03-02T11:10:00Z'), roundTheClock);
    expect(clock.breachedAt).toEqual(at('2026-03-02T11:00:00Z'));
    expect(iso(clock.dueAt)).toBe('2026-03-03T10:00:00.000Z');
    expect(timersAsText(dueTimers(clock, roundTheClock))).toEqual([
      'escalation 1 2026-03-03T10:00:00.000Z',
      'escalation 2 2026-03-03T22:00:00.000Z',
    ]);
    expect(stopClock(clock, at('2026-03-02T11:20:00Z'), roundTheClock).clock.outcome).toBe('breached');
  });

  it('emits a re-time when only the priority changes', () => {
    const clock = start('2026-03-02T10:00:00Z', 24 * HOUR, roundTheClock, 'low');
    const step = retimeClock(clock, 'normal', 24 * HOUR, at('2026-03-02T10:30:00Z'), roundTheClock);
    expect(step.transitions).toHaveLength(1);
    expect(step.clock.dueAt).toEqual(clock.dueAt);
  });

  it('changes nothing when neither priority nor target change, or once stopped', () => {
    const clock = start('2026-03-02T10:00:00Z', HOUR);
    expect(retimeClock(clock, 'urgent', HOUR, at('2026-03-02T10:30:00Z'), roundTheClock)).toEqual({ clock, transitions: [] });
    const stopped = stopClock(clock, at('2026-03-02T10:30:00Z'), roundTheClock).clock;
    expect(retimeClock(stopped, 'low', 24 * HOUR, at('2026-03-02T10:40:00Z'), roundTheClock)).toEqual({ clock: stopped, transitions: [] });
  });

  it('re-times on business hours from the working time used so far', () => {
    // Started Monday 10:00 local; by Tuesday 10:00 local seven working hours are used.
    const clock = start('2026-03-02T09:00:00Z', 24 * HOUR, parisOffice, 'normal');
    const { clock: retimed } = retimeClock(clock, 'high', 8 * HOUR, at('2026-03-03T09:00:00Z'), parisOffice);
    expect(iso(retimed.dueAt)).toBe('2026-03-03T09:00:00.000Z');
    const { clock: urgent } = retimeClock(clock, 'urgent', 4 * HOUR, at('2026-03-03T09:00:00Z'), parisOffice);
    expect(iso(urgent.dueAt)).toBe('2026-03-02T13:00:00.000Z');
  });

  it('rejects a bad target', () => {
    expect(() => retimeClock(start('2026-03-02T10:00:00Z', HOUR), 'low', 0, at('2026-03-02T10:30:00Z'), roundTheClock)).toThrow(RangeError);
  });
});

describe('stopClock', () => {
  const clock = start('2026-03-02T10:00:00Z', HOUR);

  it.each([
    ['well before the deadline', '2026-03-02T10:20:00Z', 'met'],
    ['exactly at the deadline', '2026-03-02T11:00:00Z', 'met'],
    ['one millisecond late', '2026-03-02T11:00:00.001Z', 'breached'],
    ['hours late', '2026-03-02T15:00:00Z', 'breached'],
  ])('stopped %s is %s', (_case, stoppedAt, outcome) => {
    expect(stopClock(clock, at(stoppedAt), roundTheClock).clock.outcome).toBe(outcome);
  });

  it('records the state and emits the stop', () => {
    const step = stopClock(clock, at('2026-03-02T10:20:00Z'), roundTheClock);
    expect(step.clock).toMatchObject({
      state: 'stopped',
      stoppedAt: at('2026-03-02T10:20:00Z'),
      runningSince: null,
      pausedAt: null,
      outcome: 'met',
      breachedAt: null,
      elapsedBeforePauseMs: 20 * MINUTE,
      dueAt: at('2026-03-02T11:00:00Z'),
    });
    expect(step.transitions).toEqual([
      {
        kind: 'stopped',
        ticketId: 'T-1',
        metric: 'first_response',
        priority: 'urgent',
        at: at('2026-03-02T10:20:00Z'),
        outcome: 'met',
        dueAt: at('2026-03-02T11:00:00Z'),
        elapsedMs: 20 * MINUTE,
      },
    ]);
  });

  it('announces a breach whose timer has not fired yet before the stop', () => {
    const step = stopClock(clock, at('2026-03-02T11:30:00Z'), roundTheClock);
    expect(step.clock.breachedAt).toEqual(at('2026-03-02T11:00:00Z'));
    expect(step.transitions.map((t) => [t.kind, t.at.toISOString()])).toEqual([
      ['breached', '2026-03-02T11:00:00.000Z'],
      ['stopped', '2026-03-02T11:30:00.000Z'],
    ]);
  });

  it('does not announce a breach twice', () => {
    const breached = recordBreach(clock, at('2026-03-02T11:00:00Z'), roundTheClock).clock;
    const step = stopClock(breached, at('2026-03-02T11:30:00Z'), roundTheClock);
    expect(step.transitions.map((t) => t.kind)).toEqual(['stopped']);
    expect(step.clock.outcome).toBe('breached');
  });

  it('treats a breach recorded at the very deadline as final', () => {
    const breached = recordBreach(clock, at('2026-03-02T11:00:00Z'), roundTheClock).clock;
    expect(stopClock(breached, at('2026-03-02T11:00:00Z'), roundTheClock).clock.outcome).toBe('breached');
  });

  it('on business hours, a reply after closing time is late although no working time passed', () => {
    // Due at 17:00 local (16:00Z) on Monday.
    const office = start('2026-03-02T08:00:00Z', 8 * HOUR, parisOffice);
    expect(office.dueAt).toEqual(at('2026-03-02T16:00:00Z'));
    expect(stopClock(office, at('2026-03-02T16:00:00Z'), parisOffice).clock.outcome).toBe('met');
    const late = stopClock(office, at('2026-03-02T17:00:00Z'), parisOffice);
    expect(late.clock.outcome).toBe('breached');
    expect(late.clock.elapsedBeforePauseMs).toBe(8 * HOUR);
  });

  it('stops a paused clock: met if it had not run past the deadline, paused time counted until the stop', () => {
    const paused = pauseClock(clock, at('2026-03-02T10:30:00Z'), roundTheClock).clock;
    const step = stopClock(paused, at('2026-03-02T13:00:00Z'), roundTheClock);
    expect(step.clock).toMatchObject({ state: 'stopped', outcome: 'met', pausedTotalMs: 150 * MINUTE, elapsedBeforePauseMs: 30 * MINUTE });
    expect(step.transitions).toEqual([expect.objectContaining({ kind: 'stopped', outcome: 'met', dueAt: null, elapsedMs: 30 * MINUTE })]);
  });

  it('a clock paused exactly at its deadline has not missed it', () => {
    const paused = pauseClock(clock, at('2026-03-02T11:00:00Z'), roundTheClock).clock;
    expect(dueTimers(paused, roundTheClock).map((timer) => timer.kind)).toEqual(['warning']);
    expect(stopClock(paused, at('2026-03-02T12:00:00Z'), roundTheClock).clock.outcome).toBe('met');
  });

  it('a clock paused after its deadline has missed it', () => {
    const paused = pauseClock(clock, at('2026-03-02T11:10:00Z'), roundTheClock).clock;
    const step = stopClock(paused, at('2026-03-02T12:00:00Z'), roundTheClock);
    expect(step.clock.outcome).toBe('breached');
    expect(step.clock.breachedAt).toEqual(at('2026-03-02T11:00:00Z'));
  });

  it('a stopped clock ignores everything', () => {
    const stopped = stopClock(clock, at('2026-03-02T10:20:00Z'), roundTheClock).clock;
    const later = at('2026-03-02T13:00:00Z');
    const unchanged = { clock: stopped, transitions: [] };
    expect(stopClock(stopped, later, roundTheClock)).toEqual(unchanged);
    expect(pauseClock(stopped, later, roundTheClock)).toEqual(unchanged);
    expect(resumeClock(stopped, later, roundTheClock)).toEqual(unchanged);
    expect(recordWarning(stopped, later, roundTheClock)).toEqual(unchanged);
    expect(recordBreach(stopped, later, roundTheClock)).toEqual(unchanged);
    expect(recordEscalation(stopped, 1, later, roundTheClock)).toEqual(unchanged);
    expect(dueTimers(stopped, roundTheClock)).toEqual([]);
    expect(elapsedWorkingTime(stopped, later, roundTheClock)).toBe(20 * MINUTE);
  });

  it('takes a stop before the start as the start', () => {
    const step = stopClock(clock, at('2026-03-02T09:00:00Z'), roundTheClock);
    expect(step.clock.stoppedAt).toEqual(at('2026-03-02T10:00:00Z'));
    expect(step.clock.outcome).toBe('met');
  });
});

describe('dueTimers', () => {
  it('lists warning, breach and the default escalation ladder', () => {
    const clock = start('2026-03-02T10:00:00Z', HOUR);
    expect(timersAsText(dueTimers(clock, roundTheClock))).toEqual([
      'warning 2026-03-02T10:45:00.000Z',
      'breach 2026-03-02T11:00:00.000Z',
      'escalation 1 2026-03-02T11:00:00.000Z',
      'escalation 2 2026-03-02T11:30:00.000Z',
    ]);
  });

  it.each<[string, number[], number, string[]]>([
    ['no escalation', [], HOUR, []],
    ['a three-level ladder', [0, 0.5, 1], 4 * HOUR, ['14:00', '16:00', '18:00']],
    ['a ladder starting after the breach', [0.25, 2], 4 * HOUR, ['15:00', '22:00']],
  ])('places the ladder instants: %s', (_case, afterBreachFractions, target, expected) => {
    const policy: SlaClockTerms = { ...roundTheClock, escalation: { afterBreachFractions } };
    const clock = start('2026-03-02T10:00:00Z', target, policy);
    const escalations = dueTimers(clock, policy).filter((timer) => timer.kind === 'escalation');
    expect(escalations.map((timer) => timer.at.toISOString().slice(11, 16))).toEqual(expected);
    expect(escalations.map((timer) => (timer.kind === 'escalation' ? timer.level : 0))).toEqual(expected.map((_, index) => index + 1));
  });

  it('counts the escalation ladder in working time on business hours', () => {
    // Monday 14:00 local + 4 working hours: 3 on Monday, 1 on Tuesday; level 2 two hours later.
    const clock = start('2026-03-02T13:00:00Z', 4 * HOUR, parisOffice);
    expect(timersAsText(dueTimers(clock, parisOffice))).toEqual([
      'warning 2026-03-02T16:00:00.000Z',
      'breach 2026-03-03T09:00:00.000Z',
      'escalation 1 2026-03-03T09:00:00.000Z',
      'escalation 2 2026-03-03T11:00:00.000Z',
    ]);
  });

  it('drops what is recorded and keeps the rest', () => {
    const clock = start('2026-03-02T10:00:00Z', HOUR);
    const warned = recordWarning(clock, at('2026-03-02T10:45:00Z'), roundTheClock).clock;
    expect(dueTimers(warned, roundTheClock).map((timer) => timer.kind)).toEqual(['breach', 'escalation', 'escalation']);
    const escalated = recordEscalation(warned, 1, at('2026-03-02T11:00:00Z'), roundTheClock).clock;
    expect(timersAsText(dueTimers(escalated, roundTheClock))).toEqual(['escalation 2 2026-03-02T11:30:00.000Z']);
    const top = recordEscalation(escalated, 2, at('2026-03-02T11:30:00Z'), roundTheClock).clock;
    expect(dueTimers(top, roundTheClock)).toEqual([]);
  });

  it('skips the warning once breached', () => {
    const breached = recordBreach(start('2026-03-02T10:00:00Z', HOUR), at('2026-03-02T11:05:00Z'), roundTheClock).clock;
    expect(dueTimers(breached, roundTheClock).map((timer) => timer.kind)).toEqual(['escalation', 'escalation']);
  });

  it('lists nothing for a paused clock that has not yet reached a threshold', () => {
    const paused = pauseClock(start('2026-03-02T10:00:00Z', HOUR), at('2026-03-02T10:30:00Z'), roundTheClock).clock;
    expect(dueTimers(paused, roundTheClock)).toEqual([]);
  });

  it('lists the thresholds a paused clock ran past before pausing', () => {
    const paused = pauseClock(start('2026-03-02T10:00:00Z', HOUR), at('2026-03-02T10:50:00Z'), roundTheClock).clock;
    expect(timersAsText(dueTimers(paused, roundTheClock))).toEqual(['warning 2026-03-02T10:45:00.000Z']);
  });

  it('moves every timer later by a pause', () => {
    const { clock } = run(
      start('2026-03-02T10:00:00Z', HOUR),
      (c) => pauseClock(c, at('2026-03-02T10:30:00Z'), roundTheClock),
      (c) => resumeClock(c, at('2026-03-02T11:30:00Z'), roundTheClock),
    );
    expect(timersAsText(dueTimers(clock, roundTheClock))).toEqual([
      'warning 2026-03-02T11:45:00.000Z',
      'breach 2026-03-02T12:00:00.000Z',
      'escalation 1 2026-03-02T12:00:00.000Z',
      'escalation 2 2026-03-02T12:30:00.000Z',
    ]);
  });
});

describe('recording fired timers', () => {
  const clock = start('2026-03-02T10:00:00Z', HOUR);

  it('records the warning at its threshold instant', () => {
    const step = recordWarning(clock, at('2026-03-02T10:45:03Z'), roundTheClock);
    expect(step.clock.warnedAt).toEqual(at('2026-03-02T10:45:00Z'));
    expect(step.transitions).toEqual([
      {
        kind: 'warning',
        ticketId: 'T-1',
        metric: 'first_response',
        priority: 'urgent',
        at: at('2026-03-02T10:45:00Z'),
        dueAt: at('2026-03-02T11:00:00Z'),
      },
    ]);
  });

  it.each([
    ['early', clock, '2026-03-02T10:44:59Z'],
    ['repeated', recordWarning(clock, at('2026-03-02T10:45:00Z'), roundTheClock).clock, '2026-03-02T10:50:00Z'],
    ['after the breach', recordBreach(clock, at('2026-03-02T11:00:00Z'), roundTheClock).clock, '2026-03-02T11:01:00Z'],
  ])('ignores a warning that is %s', (_case, subject, firedAt) => {
    expect(recordWarning(subject, at(firedAt), roundTheClock)).toEqual({ clock: subject, transitions: [] });
  });

  it('records the breach at the deadline even when the timer fires late', () => {
    const step = recordBreach(clock, at('2026-03-02T13:00:00Z'), roundTheClock);
    expect(step.clock.breachedAt).toEqual(at('2026-03-02T11:00:00Z'));
    expect(step.transitions).toEqual([
      {
        kind: 'breached',
        ticketId: 'T-1',
        metric: 'first_response',
        priority: 'urgent',
        at: at('2026-03-02T11:00:00Z'),
        dueAt: at('2026-03-02T11:00:00Z'),
      },
    ]);
  });

  it.each([
    ['early', clock, '2026-03-02T10:59:59.999Z'],
    ['repeated', recordBreach(clock, at('2026-03-02T11:00:00Z'), roundTheClock).clock, '2026-03-02T11:05:00Z'],
    ['stale after a pause', pauseClock(clock, at('2026-03-02T10:30:00Z'), roundTheClock).clock, '2026-03-02T11:00:00Z'],
    [
      'stale after a re-time upwards',
      retimeClock(clock, 'high', 4 * HOUR, at('2026-03-02T10:30:00Z'), roundTheClock).clock,
      '2026-03-02T11:00:00Z',
    ],
  ])('ignores a breach timer that is %s', (_case, subject, firedAt) => {
    expect(recordBreach(subject, at(firedAt), roundTheClock)).toEqual({ clock: subject, transitions: [] });
  });

  it('escalating records a missing breach first', () => {
    const step = recordEscalation(clock, 1, at('2026-03-02T11:00:00Z'), roundTheClock);
    expect(step.clock).toMatchObject({ escalationLevel: 1, breachedAt: at('2026-03-02T11:00:00Z') });
    expect(step.transitions).toEqual([
      expect.objectContaining({ kind: 'breached', at: at('2026-03-02T11:00:00Z') }),
      {
        kind: 'escalated',
        ticketId: 'T-1',
        metric: 'first_response',
        priority: 'urgent',
        at: at('2026-03-02T11:00:00Z'),
        level: 1,
        dueAt: at('2026-03-02T11:00:00Z'),
      },
    ]);
  });

  it('a late escalation timer raises every due level, one transition each', () => {
    const step = recordEscalation(clock, 2, at('2026-03-02T12:00:00Z'), roundTheClock);
    expect(step.clock.escalationLevel).toBe(2);
    expect(step.transitions.map((t) => [t.kind, t.at.toISOString()])).toEqual([
      ['breached', '2026-03-02T11:00:00.000Z'],
      ['escalated', '2026-03-02T11:00:00.000Z'],
      ['escalated', '2026-03-02T11:30:00.000Z'],
    ]);
  });

  it('an early timer for level 2 raises only the levels already due', () => {
    const step = recordEscalation(clock, 2, at('2026-03-02T11:10:00Z'), roundTheClock);
    expect(step.clock.escalationLevel).toBe(1);
    expect(step.transitions.filter((t) => t.kind === 'escalated')).toHaveLength(1);
  });

  it.each([
    ['not yet due', 1, '2026-03-02T10:59:00Z'],
    ['level 0', 0, '2026-03-02T12:00:00Z'],
    ['beyond the ladder', 3, '2026-03-02T18:00:00Z'],
    ['not a whole level', 1.5, '2026-03-02T18:00:00Z'],
  ])('ignores an escalation %s', (_case, level, firedAt) => {
    expect(recordEscalation(clock, level, at(firedAt), roundTheClock)).toEqual({ clock, transitions: [] });
  });

  it('ignores an escalation to a level already reached', () => {
    const escalated = recordEscalation(clock, 2, at('2026-03-02T12:00:00Z'), roundTheClock).clock;
    expect(recordEscalation(escalated, 1, at('2026-03-02T12:00:00Z'), roundTheClock)).toEqual({ clock: escalated, transitions: [] });
    expect(recordEscalation(escalated, 2, at('2026-03-02T12:00:00Z'), roundTheClock)).toEqual({ clock: escalated, transitions: [] });
  });

  it('fireTimer dispatches by kind', () => {
    expect(
      fireTimer(clock, { kind: 'warning', at: at('2026-03-02T10:45:00Z') }, at('2026-03-02T10:45:00Z'), roundTheClock).transitions[0].kind,
    ).toBe('warning');
    expect(
      fireTimer(clock, { kind: 'breach', at: at('2026-03-02T11:00:00Z') }, at('2026-03-02T11:00:00Z'), roundTheClock).transitions[0].kind,
    ).toBe('breached');
    expect(
      fireTimer(clock, { kind: 'escalation', level: 1, at: at('2026-03-02T11:00:00Z') }, at('2026-03-02T11:00:00Z'), roundTheClock).clock
        .escalationLevel,
    ).toBe(1);
  });
});

describe('a timer service driving a clock', () => {
  /** Fires every timer due by `now`, as a scheduler catching up after a restart would. */
  function catchUp(clock: SlaClock, now: Date, policy: SlaClockTerms): SlaClockStep {
    let step: SlaClockStep = { clock, transitions: [] };
    for (;;) {
      const due = dueTimers(step.clock, policy).filter((timer) => timer.at <= now);
      if (due.length === 0) return step;
      const next = fireTimer(step.clock, due[0], now, policy);
      if (next.transitions.length === 0) return step;
      step = { clock: next.clock, transitions: [...step.transitions, ...next.transitions] };
    }
  }

  it('emits every transition exactly once and in order, however late it wakes up', () => {
    const clock = start('2026-03-02T10:00:00Z', HOUR);
    const onTime = ['10:45', '11:00', '11:30'].reduce<SlaClockStep>(
      (so, time) => {
        const next = catchUp(so.clock, at(`2026-03-02T${time}:00Z`), roundTheClock);
        return { clock: next.clock, transitions: [...so.transitions, ...next.transitions] };
      },
      { clock, transitions: [] },
    );
    const afterRestart = catchUp(clock, at('2026-03-02T18:00:00Z'), roundTheClock);
    const narrate = (step: SlaClockStep) =>
      step.transitions.map((t) => `${t.kind}${t.kind === 'escalated' ? ` ${t.level}` : ''} ${t.at.toISOString()}`);
    expect(narrate(afterRestart)).toEqual([
      'warning 2026-03-02T10:45:00.000Z',
      'breached 2026-03-02T11:00:00.000Z',
      'escalated 1 2026-03-02T11:00:00.000Z',
      'escalated 2 2026-03-02T11:30:00.000Z',
    ]);
    expect(narrate(onTime)).toEqual(narrate(afterRestart));
    expect(afterRestart.clock).toEqual(onTime.clock);
    expect(catchUp(afterRestart.clock, at('2026-03-03T00:00:00Z'), roundTheClock).transitions).toEqual([]);
  });
});

describe('immutability', () => {
  it('never changes the clock it is given', () => {
    const clock = start('2026-03-02T10:00:00Z', HOUR);
    const snapshot = structuredClone(clock);
    const later = at('2026-03-02T12:00:00Z');
    const paused = pauseClock(clock, later, roundTheClock).clock;
    const pausedSnapshot = structuredClone(paused);
    resumeClock(paused, at('2026-03-02T13:00:00Z'), roundTheClock);
    stopClock(paused, at('2026-03-02T13:00:00Z'), roundTheClock);
    retimeClock(clock, 'low', 24 * HOUR, later, roundTheClock);
    recordWarning(clock, later, roundTheClock);
    recordBreach(clock, later, roundTheClock);
    recordEscalation(clock, 2, later, roundTheClock);
    stopClock(clock, later, roundTheClock);
    expect(clock).toEqual(snapshot);
    expect(paused).toEqual(pausedSnapshot);
  });
});
