import { clockPathOf, type ClockPath } from './clock-path';

describe('clockPathOf', () => {
  it("cuts each ticket's way at its answer, its event's write and send, and its arrival", () => {
    const accepted = [
      { ticketId: 'a', scheduledAt: 1_000, answeredAt: 1_020 },
      { ticketId: 'b', scheduledAt: 1_002, answeredAt: 1_050 },
    ];
    const received = new Map([
      ['a', 1_400],
      ['b', 1_700],
    ]);
    const paths = new Map<string, ClockPath>([
      ['a', { writtenAt: 1_300, sentAt: 1_380 }],
      ['b', { writtenAt: 1_600, sentAt: 1_650 }],
    ]);
    expect(clockPathOf(accepted, received, paths)).toEqual({
      answered: [20, 48],
      written: [280, 550],
      sent: [80, 50],
      received: [20, 50],
    });
  });

  it('leaves out tickets whose clock did not arrive or whose event carried no path', () => {
    const accepted = [
      { ticketId: 'no-clock', scheduledAt: 0, answeredAt: 10 },
      { ticketId: 'no-path', scheduledAt: 0, answeredAt: 10 },
      { ticketId: 'whole', scheduledAt: 0, answeredAt: 10 },
    ];
    const received = new Map([
      ['no-path', 500],
      ['whole', 600],
    ]);
    const paths = new Map<string, ClockPath>([['whole', { writtenAt: 300, sentAt: 550 }]]);
    const times = clockPathOf(accepted, received, paths);
    expect(times.answered).toEqual([10]);
    // the parts add up to the whole way of each ticket kept
    expect(times.answered[0] + times.written[0] + times.sent[0] + times.received[0]).toBe(600);
  });
});
