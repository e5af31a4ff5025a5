import { BusinessCalendar, CalendarDefinition, createBusinessCalendar } from './calendar';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** mulberry32: a small seeded generator, so every run checks the same cases. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const calendars: Array<[string, CalendarDefinition]> = [
  ['24/7', { kind: '24x7' }],
  [
    'Paris office with holidays',
    {
      kind: 'business_hours',
      timeZone: 'Europe/Paris',
      weekly: [1, 2, 3, 4, 5].map((day) => ({ day: day as 1 | 2 | 3 | 4 | 5, start: '09:00', end: '17:00' })),
      holidays: ['2026-01-01', '2026-04-06', '2026-05-01', '2026-07-14', '2026-12-25', '2027-01-01'],
    },
  ],
  [
    'New York split shifts and a night desk',
    {
      kind: 'business_hours',
      timeZone: 'America/New_York',
      weekly: [
        ...[1, 2, 3, 4, 5].flatMap((day) => [
          { day: day as 1 | 2 | 3 | 4 | 5, start: '08:30', end: '12:00' },
          { day: day as 1 | 2 | 3 | 4 | 5, start: '13:00', end: '18:15' },
        ]),
        { day: 7, start: '00:30', end: '04:30' },
      ],
      holidays: ['2026-07-03', '2026-11-26', '2026-12-25'],
    },
  ],
  [
    'Sydney evenings up to midnight',
    {
      kind: 'business_hours',
      timeZone: 'Australia/Sydney',
      weekly: [
        { day: 1, start: '18:00', end: '24:00' },
        { day: 2, start: '00:00', end: '03:00' },
        { day: 3, start: '18:00', end: '24:00' },
        { day: 6, start: '01:30', end: '02:45' },
        { day: 7, start: '01:00', end: '24:00' },
      ],
      holidays: ['2026-01-26', '2026-04-05', '2026-10-04', '2026-12-25'],
    },
  ],
];

const FROM = Date.parse('2025-12-20T00:00:00Z');
const SPAN = Date.parse('2027-01-10T00:00:00Z') - FROM;

describe.each(calendars)('calendar properties: %s', (name, definition) => {
  const calendar: BusinessCalendar = createBusinessCalendar(definition);
  const random = seededRandom([...name].reduce((hash, char) => Math.imul(hash, 31) + char.charCodeAt(0), 7));
  const cases = Array.from({ length: 300 }, () => {
    const start = new Date(FROM + Math.floor(random() * SPAN));
    // Mostly whole minutes, as real targets are, with some odd milliseconds mixed in.
    const durationMs = random() < 0.8 ? (1 + Math.floor(random() * 60 * 60)) * MINUTE : 1 + Math.floor(random() * 5 * DAY);
    const splitMs = 1 + Math.floor(random() * durationMs);
    return { start, durationMs, splitMs };
  });

  it('workingTimeBetween undoes addWorkingTime', () => {
    for (const { start, durationMs } of cases) {
      const end = calendar.addWorkingTime(start, durationMs);
      const measured = calendar.workingTimeBetween(start, end);
      if (measured !== durationMs) {
        throw new Error(`${start.toISOString()} + ${durationMs} ms = ${end.toISOString()}, measured ${measured} ms`);
      }
    }
  });

  it('returns the first instant the duration is reached, inside working time', () => {
    for (const { start, durationMs } of cases) {
      const end = calendar.addWorkingTime(start, durationMs);
      expect(end.getTime()).toBeGreaterThan(start.getTime());
      expect(calendar.workingTimeBetween(start, new Date(end.getTime() - 1))).toBe(durationMs - 1);
      expect(calendar.isWorkingTime(new Date(end.getTime() - 1))).toBe(true);
    }
  });

  it('adds in two steps exactly as in one', () => {
    for (const { start, durationMs, splitMs } of cases) {
      const halfway = calendar.addWorkingTime(start, splitMs);
      const inTwoSteps = splitMs === durationMs ? halfway : calendar.addWorkingTime(halfway, durationMs - splitMs);
      expect(inTwoSteps).toEqual(calendar.addWorkingTime(start, durationMs));
    }
  });

  it('measures a range as the sum of its parts', () => {
    for (const { start, durationMs, splitMs } of cases) {
      const middle = new Date(start.getTime() + splitMs);
      const end = new Date(start.getTime() + durationMs);
      expect(calendar.workingTimeBetween(start, middle) + calendar.workingTimeBetween(middle, end)).toBe(
        calendar.workingTimeBetween(start, end),
      );
    }
  });

  it('never counts more working time than absolute time', () => {
    for (const { start, durationMs } of cases) {
      const end = new Date(start.getTime() + durationMs);
      const measured = calendar.workingTimeBetween(start, end);
      expect(measured).toBeGreaterThanOrEqual(0);
      expect(measured).toBeLessThanOrEqual(durationMs);
    }
  });
});
