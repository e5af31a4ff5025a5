import { v4 as uuidv4, v7 as uuidv7 } from 'uuid';
import { clockPathOf, uuidV7Time, type ClockPath } from './clock-path';

describe('clockPathOf', () => {
  it("cuts each ticket's way at its answer, the plan check's write, its event's write and send, and its arrival", () => {
    const accepted = [
      { ticketId: 'a', scheduledAt: 1_000, answeredAt: 1_020 },
      { ticketId: 'b', scheduledAt: 1_002, answeredAt: 1_050 },
    ];
    const received = new Map([
      ['a', 1_400],
      ['b', 1_700],
    ]);
    const paths = new Map<string, ClockPath>([
      ['a', { checkedAt: 1_100, writtenAt: 1_300, sentAt: 1_380 }],
      ['b', { checkedAt: 1_500, writtenAt: 1_600, sentAt: 1_650 }],
    ]);
    expect(clockPathOf(accepted, received, paths)).toEqual({
      answered: [20, 48],
      checked: [80, 450],
      written: [200, 100],
      sent: [80, 50],
      received: [20, 50],
    });
  });

  it('leaves out tickets whose clock did not arrive or whose event carried no path or no v7 cause', () => {
    const accepted = [
      { ticketId: 'no-clock', scheduledAt: 0, answeredAt: 10 },
      { ticketId: 'no-path', scheduledAt: 0, answeredAt: 10 },
      { ticketId: 'no-cause', scheduledAt: 0, answeredAt: 10 },
      { ticketId: 'whole', scheduledAt: 0, answeredAt: 10 },
    ];
    const received = new Map([
      ['no-path', 500],
      ['no-cause', 500],
      ['whole', 600],
    ]);
    const paths = new Map<string, ClockPath>([
      ['no-cause', { checkedAt: null, writtenAt: 300, sentAt: 450 }],
      ['whole', { checkedAt: 200, writtenAt: 300, sentAt: 550 }],
    ]);
    const times = clockPathOf(accepted, received, paths);
    expect(times.answered).toEqual([10]);
    // the parts add up to the whole way of each ticket kept
    expect(times.answered[0] + times.checked[0] + times.written[0] + times.sent[0] + times.received[0]).toBe(600);
  });
});

describe('uuidV7Time', () => {
  it('reads the unix time in ms of a v7 id as the platform makes them (the uuid package)', () => {
    const at = Date.UTC(2026, 11, 7, 23, 0, 0, 123);
    expect(uuidV7Time(uuidv7({ msecs: at }))).toBe(at);
    const before = Date.now();
    const now = uuidV7Time(uuidv7())!;
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
  });

  it('answers null for what is no v7 id', () => {
    expect(uuidV7Time(undefined)).toBeNull();
    expect(uuidV7Time('')).toBeNull();
    expect(uuidV7Time(uuidv4())).toBeNull();
    expect(uuidV7Time('not-a-uuid')).toBeNull();
  });
});
