import { lastRedriveAfterMs, nextRedriveAt } from './redrive-schedule';

describe('re-drive schedule', () => {
  const schedule = { afterMs: 60_000, maxAttempts: 4 };
  const at = new Date('2026-11-21T10:00:00.000Z');

  it('doubles the wait after each re-drive', () => {
    expect(nextRedriveAt(schedule, 1, at)?.toISOString()).toBe('2026-11-21T10:02:00.000Z');
    expect(nextRedriveAt(schedule, 2, at)?.toISOString()).toBe('2026-11-21T10:04:00.000Z');
    expect(nextRedriveAt(schedule, 3, at)?.toISOString()).toBe('2026-11-21T10:08:00.000Z');
  });

  it('stops after the last attempt', () => {
    expect(nextRedriveAt(schedule, 4, at)).toBeNull();
    expect(nextRedriveAt({ afterMs: 60_000, maxAttempts: 1 }, 1, at)).toBeNull();
  });

  it('adds up to after × (2^max − 1) from the first wait to the last re-drive', () => {
    // 1 + 2 + 4 + 8 minutes
    expect(lastRedriveAfterMs(schedule)).toBe(15 * 60_000);
  });
});
