import { SlaEnvironment } from '../environment';
import { COMMIT_WINDOW_MS, TimerWakeups } from './timer-wakeups';

describe('TimerWakeups (whether a commit wakes the timer scheduler)', () => {
  const now = new Date('2026-11-21T10:00:00.000Z');
  const later = (ms: number) => new Date(now.getTime() + ms);
  // the SLA time source stands still at `now`; Date.now() (the commit window's clock) is jest's
  const newWakeups = () => new TimerWakeups({ now: () => now }, Object.assign(new SlaEnvironment(), { SLA_TIMER_POLL_INTERVAL_MS: 200 }));
  let wakeups: TimerWakeups;

  beforeEach(() => {
    jest.useFakeTimers({ now: 1_000_000 });
    wakeups = newWakeups();
  });
  afterEach(() => jest.useRealTimers());

  it('does not wake for a commit that owes nothing, or only thresholds past the next poll (a new ticket: minutes or hours away)', () => {
    expect(wakeups.wakeOnCommit()).toBe(false);
    wakeups.owed(later(201));
    wakeups.owed(later(45 * 60_000));
    expect(wakeups.wakeOnCommit()).toBe(false);
  });

  it('wakes for a threshold due before the next poll, or already due (a re-time to a shorter target)', () => {
    wakeups.owed(later(200));
    expect(wakeups.wakeOnCommit()).toBe(true);
    const other = newWakeups();
    other.owed(later(-60_000));
    expect(other.wakeOnCommit()).toBe(true);
  });

  it('keeps waking on every commit for the window a transaction may take to commit, then stops', () => {
    wakeups.owed(later(0));
    jest.advanceTimersByTime(COMMIT_WINDOW_MS);
    expect(wakeups.wakeOnCommit()).toBe(true);
    expect(wakeups.wakeOnCommit()).toBe(true);
    jest.advanceTimersByTime(1);
    expect(wakeups.wakeOnCommit()).toBe(false);
    // a later write that owes nothing soon does not shorten or reopen it
    wakeups.owed(later(3_600_000));
    expect(wakeups.wakeOnCommit()).toBe(false);
  });
});
