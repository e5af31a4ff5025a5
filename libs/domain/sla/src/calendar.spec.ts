import { DateTime } from 'luxon';
import {
  BusinessCalendar,
  BusinessHoursCalendar,
  CalendarExhaustedError,
  BusinessHoursDefinition,
  InvalidCalendarError,
  IsoWeekday,
  RoundTheClockCalendar,
  WeeklyInterval,
  createBusinessCalendar,
  validateCalendar,
} from './calendar';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const WEEKDAYS: IsoWeekday[] = [1, 2, 3, 4, 5];
const EVERY_DAY: IsoWeekday[] = [1, 2, 3, 4, 5, 6, 7];

const at = (iso: string) => new Date(iso);

function hours(days: IsoWeekday[], start: string, end: string): WeeklyInterval[] {
  return days.map((day) => ({ day, start, end }));
}

function businessHours(timeZone: string, weekly: WeeklyInterval[], holidays: string[] = []): BusinessHoursDefinition {
  return { kind: 'business_hours', timeZone, weekly, holidays };
}

const parisOffice = createBusinessCalendar(
  businessHours('Europe/Paris', hours(WEEKDAYS, '09:00', '17:00'), ['2026-01-01', '2026-05-01', '2026-12-25', '2027-01-01']),
);
const newYorkOffice = createBusinessCalendar(businessHours('America/New_York', hours(WEEKDAYS, '09:00', '17:00')));
const sydneyOffice = createBusinessCalendar(businessHours('Australia/Sydney', hours(WEEKDAYS, '09:00', '17:00'), ['2026-12-25']));

// Every day 01:00–05:00: both 2026 transitions of each zone fall inside this interval.
const nightDesk = (timeZone: string) => createBusinessCalendar(businessHours(timeZone, hours(EVERY_DAY, '01:00', '05:00')));
const parisNight = nightDesk('Europe/Paris');
const newYorkNight = nightDesk('America/New_York');
const sydneyNight = nightDesk('Australia/Sydney');

describe('RoundTheClockCalendar', () => {
  const calendar = createBusinessCalendar({ kind: '24x7' });

  it('is the 24/7 implementation', () => {
    expect(calendar).toBeInstanceOf(RoundTheClockCalendar);
    expect(calendar.definition).toEqual({ kind: '24x7' });
  });

  it.each([
    ['an ordinary hour', '2026-03-02T10:00:00Z', HOUR, '2026-03-02T11:00:00Z'],
    ['the Paris spring-forward night', '2026-03-29T00:30:00Z', HOUR, '2026-03-29T01:30:00Z'],
    ['the Paris fall-back night', '2026-10-25T00:30:00Z', 2 * HOUR, '2026-10-25T02:30:00Z'],
    ['the New York spring-forward night', '2026-03-08T06:30:00Z', 24 * HOUR, '2026-03-09T06:30:00Z'],
    ['the Sydney fall-back night', '2026-04-04T15:00:00Z', 4 * HOUR, '2026-04-04T19:00:00Z'],
    ['Christmas, a holiday that still counts', '2026-12-24T20:00:00Z', 24 * HOUR, '2026-12-25T20:00:00Z'],
    ['a weekend', '2026-03-06T18:00:00Z', 48 * HOUR, '2026-03-08T18:00:00Z'],
    ['the year end', '2026-12-31T23:30:00Z', HOUR, '2027-01-01T00:30:00Z'],
    ['zero', '2026-03-02T10:00:00Z', 0, '2026-03-02T10:00:00Z'],
  ])('adds plain absolute time over %s', (_case, start, duration, expected) => {
    expect(calendar.addWorkingTime(at(start), duration)).toEqual(at(expected));
    expect(calendar.workingTimeBetween(at(start), at(expected))).toBe(duration);
  });

  it('counts nothing when to is not after from', () => {
    expect(calendar.workingTimeBetween(at('2026-03-02T10:00:00Z'), at('2026-03-02T09:00:00Z'))).toBe(0);
    expect(calendar.workingTimeBetween(at('2026-03-02T10:00:00Z'), at('2026-03-02T10:00:00Z'))).toBe(0);
  });

  it('is always working time', () => {
    expect(calendar.isWorkingTime(at('2026-12-25T03:00:00Z'))).toBe(true);
    expect(calendar.isWorkingTime(at('2026-03-29T01:00:00Z'))).toBe(true);
  });

  it.each([-1, 0.5, Number.NaN, Number.POSITIVE_INFINITY])('rejects a duration of %d', (duration) => {
    expect(() => calendar.addWorkingTime(at('2026-03-02T10:00:00Z'), duration)).toThrow(RangeError);
  });

  it('rejects invalid dates', () => {
    expect(() => calendar.addWorkingTime(new Date('nonsense'), HOUR)).toThrow('start must be a valid Date');
    expect(() => calendar.workingTimeBetween(at('2026-03-02T10:00:00Z'), new Date(Number.NaN))).toThrow(RangeError);
    expect(() => calendar.isWorkingTime(new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe('BusinessHoursCalendar.addWorkingTime', () => {
  it.each<[string, BusinessCalendar, string, number, string]>([
    // Paris office, Monday to Friday 09:00–17:00; CET is UTC+1, CEST UTC+2.
    ['inside one interval', parisOffice, '2026-03-02T09:00:00Z', 2 * HOUR, '2026-03-02T11:00:00Z'],
    ['to the exact end of the day, not the next morning', parisOffice, '2026-03-02T08:00:00Z', 8 * HOUR, '2026-03-02T16:00:00Z'],
    ['over the night', parisOffice, '2026-03-02T15:00:00Z', 2 * HOUR, '2026-03-03T09:00:00Z'],
    ['from before opening', parisOffice, '2026-03-02T05:00:00Z', HOUR, '2026-03-02T09:00:00Z'],
    ['from after closing', parisOffice, '2026-03-02T19:00:00Z', HOUR, '2026-03-03T09:00:00Z'],
    ['from a Saturday', parisOffice, '2026-03-07T12:00:00Z', HOUR, '2026-03-09T09:00:00Z'],
    ['over a weekend', parisOffice, '2026-03-06T15:00:00Z', 2 * HOUR, '2026-03-09T09:00:00Z'],
    ['a whole working week', parisOffice, '2026-03-02T08:00:00Z', 40 * HOUR, '2026-03-06T16:00:00Z'],
    ['P1D, which is 24 working hours', parisOffice, '2026-03-02T08:00:00Z', 24 * HOUR, '2026-03-04T16:00:00Z'],
    ['over the May Day holiday', parisOffice, '2026-04-30T14:00:00Z', 2 * HOUR, '2026-05-04T08:00:00Z'],
    ['from a holiday', parisOffice, '2026-05-01T08:00:00Z', HOUR, '2026-05-04T08:00:00Z'],
    ['over the spring-forward weekend', parisOffice, '2026-03-27T15:00:00Z', 2 * HOUR, '2026-03-30T08:00:00Z'],
    ['over the fall-back weekend', parisOffice, '2026-10-23T14:00:00Z', 2 * HOUR, '2026-10-26T09:00:00Z'],
    ['over Christmas and the year end', parisOffice, '2026-12-24T15:00:00Z', 2 * HOUR, '2026-12-28T09:00:00Z'],
    ['over the new year holiday', parisOffice, '2026-12-31T15:00:00Z', 2 * HOUR, '2027-01-04T09:00:00Z'],
    ['zero from outside hours', parisOffice, '2026-03-07T12:00:00Z', 0, '2026-03-07T12:00:00Z'],
    ['one millisecond', parisOffice, '2026-03-02T16:00:00Z', 1, '2026-03-03T08:00:00.001Z'],
    // New York office; EST is UTC−5, EDT UTC−4.
    ['New York, spring forward', newYorkOffice, '2026-03-06T21:00:00Z', 2 * HOUR, '2026-03-09T14:00:00Z'],
    ['New York, fall back', newYorkOffice, '2026-10-30T20:00:00Z', 2 * HOUR, '2026-11-02T15:00:00Z'],
    // Sydney office; AEDT is UTC+11, AEST UTC+10; DST ends in April and starts in October.
    ['Sydney, DST ends', sydneyOffice, '2026-04-03T05:00:00Z', 2 * HOUR, '2026-04-06T00:00:00Z'],
    ['Sydney, DST starts', sydneyOffice, '2026-10-02T06:00:00Z', 2 * HOUR, '2026-10-04T23:00:00Z'],
    ['Sydney, over Christmas', sydneyOffice, '2026-12-24T05:00:00Z', 2 * HOUR, '2026-12-27T23:00:00Z'],
    // Night desks, 01:00–05:00 every day: the transition night has 3 or 5 absolute hours.
    ['Paris, spring forward night, to its end', parisNight, '2026-03-29T00:00:00Z', 3 * HOUR, '2026-03-29T03:00:00Z'],
    ['Paris, spring forward night, into the next one', parisNight, '2026-03-29T00:00:00Z', 4 * HOUR, '2026-03-30T00:00:00Z'],
    ['Paris, fall back night, to its end', parisNight, '2026-10-24T23:00:00Z', 5 * HOUR, '2026-10-25T04:00:00Z'],
    ['Paris, fall back night, through the repeated hour', parisNight, '2026-10-24T23:00:00Z', 3 * HOUR, '2026-10-25T02:00:00Z'],
    ['New York, spring forward night', newYorkNight, '2026-03-08T06:00:00Z', 3 * HOUR, '2026-03-08T09:00:00Z'],
    ['New York, spring forward night, into the next one', newYorkNight, '2026-03-08T06:00:00Z', 4 * HOUR, '2026-03-09T06:00:00Z'],
    ['New York, fall back night', newYorkNight, '2026-11-01T05:00:00Z', 5 * HOUR, '2026-11-01T10:00:00Z'],
    ['New York, fall back night, into the next one', newYorkNight, '2026-11-01T05:00:00Z', 6 * HOUR, '2026-11-02T07:00:00Z'],
    ['Sydney, DST-end night', sydneyNight, '2026-04-04T14:00:00Z', 5 * HOUR, '2026-04-04T19:00:00Z'],
    ['Sydney, DST-end night, into the next one', sydneyNight, '2026-04-04T14:00:00Z', 6 * HOUR, '2026-04-05T16:00:00Z'],
    ['Sydney, DST-start night', sydneyNight, '2026-10-03T15:00:00Z', 3 * HOUR, '2026-10-03T18:00:00Z'],
    ['Sydney, DST-start night, into the next one', sydneyNight, '2026-10-03T15:00:00Z', 4 * HOUR, '2026-10-04T15:00:00Z'],
    ['Sydney night, from the afternoon', sydneyNight, '2026-10-03T05:00:00Z', HOUR, '2026-10-03T16:00:00Z'],
  ])('%s', (_case, calendar, start, duration, expected) => {
    expect(calendar.addWorkingTime(at(start), duration).toISOString()).toBe(at(expected).toISOString());
    expect(calendar.workingTimeBetween(at(start), at(expected))).toBe(duration);
  });

  it('rejects negative and fractional durations', () => {
    expect(() => parisOffice.addWorkingTime(at('2026-03-02T09:00:00Z'), -HOUR)).toThrow(RangeError);
    expect(() => parisOffice.addWorkingTime(at('2026-03-02T09:00:00Z'), 0.5)).toThrow(RangeError);
  });

  it('walks a long target far past many holidays without giving up', () => {
    const everyMondayIsAHoliday = createBusinessCalendar(
      businessHours(
        'Europe/Paris',
        hours([1, 2], '09:00', '10:00'),
        Array.from(
          { length: 200 },
          (_, week) => DateTime.fromISO('2026-01-05', { zone: 'utc' }).plus({ weeks: week }).toISODate() as string,
        ),
      ),
    );
    // Only Tuesdays remain: 200 hours need 200 Tuesdays.
    const deadline = everyMondayIsAHoliday.addWorkingTime(at('2026-01-01T00:00:00Z'), 200 * HOUR);
    expect(deadline.toISOString()).toBe('2029-10-30T09:00:00.000Z');
  });
});

describe('BusinessHoursCalendar walk guard', () => {
  afterEach(() => jest.restoreAllMocks());

  it('gives up with an error instead of spinning when no working interval ever comes', () => {
    // Only a defect could starve a validated calendar, so the defect is simulated.
    const calendar = new BusinessHoursCalendar(businessHours('Europe/Paris', hours(WEEKDAYS, '09:00', '17:00')));
    jest.spyOn(BusinessHoursCalendar.prototype as unknown as { rangesOn: () => [] }, 'rangesOn').mockReturnValue([]);
    expect(() => calendar.addWorkingTime(at('2026-03-02T09:00:00Z'), HOUR)).toThrow(CalendarExhaustedError);
    expect(calendar.workingTimeBetween(at('2026-03-02T00:00:00Z'), at('2026-04-02T00:00:00Z'))).toBe(0);
    expect(calendar.isWorkingTime(at('2026-03-02T10:00:00Z'))).toBe(false);
  });
});

describe('BusinessHoursCalendar, wall times inside DST transitions', () => {
  it('starts an interval that begins in the spring-forward gap at the transition', () => {
    const calendar = createBusinessCalendar(businessHours('Europe/Paris', [{ day: 7, start: '02:30', end: '04:00' }]));
    // 02:00 CET jumps to 03:00 CEST at 01:00Z; 04:00 CEST is 02:00Z.
    expect(calendar.workingTimeBetween(at('2026-03-28T00:00:00Z'), at('2026-03-30T00:00:00Z'))).toBe(HOUR);
    expect(calendar.addWorkingTime(at('2026-03-28T00:00:00Z'), 1)).toEqual(at('2026-03-29T01:00:00.001Z'));
    // A week later the same interval is the full 90 minutes.
    expect(calendar.workingTimeBetween(at('2026-04-04T00:00:00Z'), at('2026-04-06T00:00:00Z'))).toBe(90 * MINUTE);
  });

  it('ends an interval that ends in the spring-forward gap at the transition', () => {
    const calendar = createBusinessCalendar(businessHours('America/New_York', [{ day: 7, start: '01:00', end: '02:30' }]));
    // 01:00 EST is 06:00Z; 02:00 EST jumps to 03:00 EDT at 07:00Z.
    expect(calendar.workingTimeBetween(at('2026-03-07T00:00:00Z'), at('2026-03-09T00:00:00Z'))).toBe(HOUR);
  });

  it('takes the first occurrence of a wall time repeated by fall-back', () => {
    const calendar = createBusinessCalendar(businessHours('Europe/Paris', [{ day: 7, start: '02:00', end: '02:30' }]));
    // 02:00 CEST is 00:00Z, 02:30 CEST is 00:30Z; the second 02:00–02:30 (CET) is not counted.
    expect(calendar.workingTimeBetween(at('2026-10-24T00:00:00Z'), at('2026-10-26T00:00:00Z'))).toBe(30 * MINUTE);
    expect(calendar.isWorkingTime(at('2026-10-25T00:15:00Z'))).toBe(true);
    expect(calendar.isWorkingTime(at('2026-10-25T01:15:00Z'))).toBe(false);
  });

  it('ends at the only 03:00 of a Paris fall-back night', () => {
    const calendar = createBusinessCalendar(businessHours('Europe/Paris', [{ day: 7, start: '01:00', end: '03:00' }]));
    // 01:00 CEST is 23:00Z the day before; 03:00 CET is 02:00Z.
    expect(calendar.workingTimeBetween(at('2026-10-24T00:00:00Z'), at('2026-10-26T00:00:00Z'))).toBe(3 * HOUR);
  });

  it('counts a whole Sunday as 23 or 25 hours on transition days', () => {
    const calendar = createBusinessCalendar(businessHours('Australia/Sydney', [{ day: 7, start: '00:00', end: '24:00' }]));
    expect(calendar.workingTimeBetween(at('2026-04-03T00:00:00Z'), at('2026-04-07T00:00:00Z'))).toBe(25 * HOUR);
    expect(calendar.workingTimeBetween(at('2026-10-02T00:00:00Z'), at('2026-10-06T00:00:00Z'))).toBe(23 * HOUR);
    expect(calendar.workingTimeBetween(at('2026-06-05T00:00:00Z'), at('2026-06-09T00:00:00Z'))).toBe(24 * HOUR);
  });
});

describe('BusinessHoursCalendar, intervals ending at 24:00', () => {
  const lateShift = createBusinessCalendar(
    businessHours('Europe/Paris', [...hours(WEEKDAYS, '18:00', '24:00'), { day: 6, start: '00:00', end: '02:00' }]),
  );

  it.each([
    ['inside the evening', '2026-03-02T18:00:00Z', HOUR, '2026-03-02T19:00:00Z'],
    ['to midnight exactly', '2026-03-02T22:00:00Z', HOUR, '2026-03-02T23:00:00Z'],
    ['over midnight into the next evening', '2026-03-02T22:00:00Z', 2 * HOUR, '2026-03-03T18:00:00Z'],
    ['from Friday evening straight into Saturday night', '2026-03-06T22:00:00Z', 2 * HOUR, '2026-03-07T00:00:00Z'],
    ['from Saturday night to Monday evening', '2026-03-07T00:30:00Z', 2 * HOUR, '2026-03-09T18:30:00Z'],
  ])('%s', (_case, start, duration, expected) => {
    expect(lateShift.addWorkingTime(at(start), duration)).toEqual(at(expected));
    expect(lateShift.workingTimeBetween(at(start), at(expected))).toBe(duration);
  });

  it('treats 24:00 as the start of the next local day, not part of the interval', () => {
    expect(lateShift.isWorkingTime(at('2026-03-02T22:59:59.999Z'))).toBe(true);
    expect(lateShift.isWorkingTime(at('2026-03-02T23:00:00Z'))).toBe(false);
    expect(lateShift.isWorkingTime(at('2026-03-06T23:00:00Z'))).toBe(true);
  });
});

describe('BusinessHoursCalendar.workingTimeBetween', () => {
  it.each<[string, BusinessCalendar, string, string, number]>([
    ['reversed range', parisOffice, '2026-03-03T12:00:00Z', '2026-03-02T12:00:00Z', 0],
    ['empty range', parisOffice, '2026-03-02T12:00:00Z', '2026-03-02T12:00:00Z', 0],
    ['a weekend only', parisOffice, '2026-03-07T00:00:00Z', '2026-03-09T00:00:00Z', 0],
    ['one week', parisOffice, '2026-03-02T00:00:00Z', '2026-03-09T00:00:00Z', 40 * HOUR],
    ['the May Day week', parisOffice, '2026-04-27T00:00:00Z', '2026-05-04T00:00:00Z', 32 * HOUR],
    ['the whole of 2026', parisOffice, '2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z', (261 - 3) * 8 * HOUR],
    ['part of an interval', parisOffice, '2026-03-02T10:30:00Z', '2026-03-02T11:00:00Z', 30 * MINUTE],
    ['Paris night desk, spring week', parisNight, '2026-03-22T12:00:00Z', '2026-03-29T12:00:00Z', 27 * HOUR],
    ['Paris night desk, autumn week', parisNight, '2026-10-18T12:00:00Z', '2026-10-25T12:00:00Z', 29 * HOUR],
    ['New York night desk, March', newYorkNight, '2026-03-01T00:00:00Z', '2026-04-01T00:00:00Z', (31 * 4 - 1) * HOUR],
    ['Sydney night desk, April', sydneyNight, '2026-03-31T13:00:00Z', '2026-04-30T14:00:00Z', (30 * 4 + 1) * HOUR],
  ])('%s', (_case, calendar, from, to, expected) => {
    expect(calendar.workingTimeBetween(at(from), at(to))).toBe(expected);
  });
});

describe('BusinessHoursCalendar.isWorkingTime', () => {
  it.each<[string, BusinessCalendar, string, boolean]>([
    ['parisOffice', parisOffice, '2026-03-02T08:00:00Z', true],
    ['parisOffice', parisOffice, '2026-03-02T07:59:59.999Z', false],
    ['parisOffice', parisOffice, '2026-03-02T15:59:59.999Z', true],
    ['parisOffice', parisOffice, '2026-03-02T16:00:00Z', false],
    ['parisOffice', parisOffice, '2026-03-07T10:00:00Z', false],
    ['parisOffice', parisOffice, '2026-05-01T10:00:00Z', false],
    ['parisOffice', parisOffice, '2026-03-30T07:00:00Z', true],
    ['parisOffice', parisOffice, '2026-03-30T06:59:00Z', false],
    ['parisNight', parisNight, '2026-03-29T01:30:00Z', true],
    ['parisNight', parisNight, '2026-03-29T03:00:00Z', false],
    ['newYorkNight', newYorkNight, '2026-11-01T09:59:59Z', true],
    ['newYorkNight', newYorkNight, '2026-11-01T10:00:00Z', false],
    ['sydneyNight', sydneyNight, '2026-04-04T18:30:00Z', true],
    ['sydneyNight', sydneyNight, '2026-04-04T13:59:00Z', false],
  ])('%s at %s: %s', (_name, calendar, instant, expected) => {
    expect(calendar.isWorkingTime(at(instant))).toBe(expected);
  });
});

describe('agreement with a wall-clock reading of the definition', () => {
  // Independent of the interval walk: reads the local time of each instant with luxon and
  // checks it against the weekly table, as a person at the desk would.
  function worksAccordingToWallClock(definition: BusinessHoursDefinition, instant: number): boolean {
    const local = DateTime.fromMillis(instant, { zone: definition.timeZone });
    if (definition.holidays.includes(local.toISODate() as string)) return false;
    const minute = local.hour * 60 + local.minute;
    return definition.weekly.some((interval) => {
      const [startHour, startMinute] = interval.start.split(':').map(Number);
      const [endHour, endMinute] = interval.end.split(':').map(Number);
      return interval.day === local.weekday && minute >= startHour * 60 + startMinute && minute < endHour * 60 + endMinute;
    });
  }

  it.each([
    ['Europe/Paris', '2026-03-26T00:00:00Z'],
    ['Europe/Paris', '2026-10-22T00:00:00Z'],
    ['America/New_York', '2026-03-05T00:00:00Z'],
    ['America/New_York', '2026-10-29T00:00:00Z'],
    ['Australia/Sydney', '2026-04-02T00:00:00Z'],
    ['Australia/Sydney', '2026-10-01T00:00:00Z'],
  ])('%s around %s, every quarter hour for a week', (timeZone, from) => {
    const definition = businessHours(
      timeZone,
      [...hours(EVERY_DAY, '01:00', '05:00'), ...hours(WEEKDAYS, '09:00', '12:30'), ...hours(WEEKDAYS, '13:30', '24:00')],
      ['2026-10-30', '2026-04-03'],
    );
    const calendar = createBusinessCalendar(definition);
    const start = at(from).getTime();
    let expectedMs = 0;
    for (let instant = start; instant < start + 7 * 24 * HOUR; instant += 15 * MINUTE) {
      const expected = worksAccordingToWallClock(definition, instant);
      if (calendar.isWorkingTime(new Date(instant)) !== expected) {
        throw new Error(`${new Date(instant).toISOString()} should ${expected ? '' : 'not '}be working time`);
      }
      if (expected) expectedMs += 15 * MINUTE;
    }
    expect(calendar.workingTimeBetween(new Date(start), new Date(start + 7 * 24 * HOUR))).toBe(expectedMs);
  });
});

describe('validateCalendar', () => {
  const office = () => businessHours('Europe/Paris', hours(WEEKDAYS, '09:00', '17:00'), ['2026-12-25']);

  it('accepts 24/7 and a well-formed business-hours calendar', () => {
    expect(validateCalendar({ kind: '24x7' })).toEqual([]);
    expect(validateCalendar(office())).toEqual([]);
    expect(validateCalendar(businessHours('UTC', [{ day: 7, start: '00:00', end: '24:00' }]))).toEqual([]);
  });

  it.each<[string, unknown, string[]]>([
    ['not an object', 'always', ['calendar: expected an object with a kind of "24x7" or "business_hours"']],
    ['an unknown kind', { kind: '9to5' }, ['calendar.kind: "9to5" is not "24x7" or "business_hours"']],
    ['a missing time zone', { ...office(), timeZone: undefined }, ['calendar.timeZone: expected an IANA time zone such as "Europe/Paris"']],
    [
      'an unknown time zone',
      { ...office(), timeZone: 'Mars/Olympus_Mons' },
      ['calendar.timeZone: "Mars/Olympus_Mons" is not a known IANA time zone'],
    ],
    ['no weekly list', { ...office(), weekly: 'weekdays' }, ['calendar.weekly: expected a list of {day, start, end} intervals']],
    [
      'no working interval at all',
      { ...office(), weekly: [] },
      ['calendar.weekly: at least one working interval is needed, otherwise no deadline would ever come'],
    ],
    ['an interval that is not an object', { ...office(), weekly: [42] }, ['calendar.weekly[0]: expected {day, start, end}']],
    [
      'day 0',
      { ...office(), weekly: [{ day: 0, start: '09:00', end: '17:00' }] },
      ['calendar.weekly[0].day: 0 is not an ISO weekday from 1 (Monday) to 7 (Sunday)'],
    ],
    [
      'day 8',
      { ...office(), weekly: [{ day: 8, start: '09:00', end: '17:00' }] },
      ['calendar.weekly[0].day: 8 is not an ISO weekday from 1 (Monday) to 7 (Sunday)'],
    ],
    [
      'a start of 24:00',
      { ...office(), weekly: [{ day: 1, start: '24:00', end: '24:00' }] },
      ['calendar.weekly[0].start: "24:00" is not a time between 00:00 and 23:59 (HH:mm)'],
    ],
    [
      'an end of 9:00',
      { ...office(), weekly: [{ day: 1, start: '08:00', end: '9:00' }] },
      ['calendar.weekly[0].end: "9:00" is not a time between 00:00 and 24:00 (HH:mm)'],
    ],
    [
      'an end of 24:30',
      { ...office(), weekly: [{ day: 1, start: '08:00', end: '24:30' }] },
      ['calendar.weekly[0].end: "24:30" is not a time between 00:00 and 24:00 (HH:mm)'],
    ],
    [
      'an empty interval',
      { ...office(), weekly: [{ day: 1, start: '09:00', end: '09:00' }] },
      ['calendar.weekly[0]: end 09:00 must be after start 09:00; split intervals that cross midnight'],
    ],
    [
      'an interval crossing midnight',
      { ...office(), weekly: [{ day: 1, start: '22:00', end: '02:00' }] },
      ['calendar.weekly[0]: end 02:00 must be after start 22:00; split intervals that cross midnight'],
    ],
    [
      'overlapping intervals',
      {
        ...office(),
        weekly: [
          { day: 1, start: '09:00', end: '12:00' },
          { day: 2, start: '09:00', end: '12:00' },
          { day: 1, start: '11:00', end: '13:00' },
        ],
      },
      ['calendar.weekly[2]: overlaps calendar.weekly[0] on the same day'],
    ],
    ['no holiday list', { ...office(), holidays: undefined }, ['calendar.holidays: expected a list of local dates (YYYY-MM-DD)']],
    [
      'bad holiday dates',
      { ...office(), holidays: ['2026-02-30', '25/12/2026', '2026-12-25T00:00', 20261225] },
      [
        'calendar.holidays[0]: "2026-02-30" is not a calendar date (YYYY-MM-DD)',
        'calendar.holidays[1]: "25/12/2026" is not a calendar date (YYYY-MM-DD)',
        'calendar.holidays[2]: "2026-12-25T00:00" is not a calendar date (YYYY-MM-DD)',
        'calendar.holidays[3]: 20261225 is not a calendar date (YYYY-MM-DD)',
      ],
    ],
  ])('reports %s', (_case, definition, problems) => {
    expect(validateCalendar(definition)).toEqual(problems);
  });

  it('prefixes problems with the given field', () => {
    expect(validateCalendar({ kind: 'x' }, 'policy.calendar')).toEqual(['policy.calendar.kind: "x" is not "24x7" or "business_hours"']);
  });

  it('refuses to build a calendar from an invalid definition', () => {
    const definition = { ...office(), weekly: [] };
    expect(() => createBusinessCalendar(definition)).toThrow(InvalidCalendarError);
    expect(() => new BusinessHoursCalendar(definition)).toThrow('calendar.weekly: at least one working interval is needed');
    let thrown: unknown;
    try {
      createBusinessCalendar({ ...office(), timeZone: 'Nowhere/Else', weekly: [] });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InvalidCalendarError);
    expect((thrown as InvalidCalendarError).problems).toHaveLength(2);
  });
});
