import { DateTime, IANAZone } from 'luxon';

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;
const MINUTES_PER_DAY = 1_440;
const WALL_TIME_MEMO_SIZE = 4_096;

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** One working interval of a week, in local wall-clock time; `end` may be `24:00`. */
export interface WeeklyInterval {
  day: IsoWeekday;
  start: string;
  end: string;
}

export interface RoundTheClockDefinition {
  kind: '24x7';
}

export interface BusinessHoursDefinition {
  kind: 'business_hours';
  /** IANA time zone the weekly intervals and holidays are expressed in. */
  timeZone: string;
  weekly: WeeklyInterval[];
  /** Local dates (`YYYY-MM-DD`) on which nobody works. */
  holidays: string[];
}

export type CalendarDefinition = RoundTheClockDefinition | BusinessHoursDefinition;

export function roundTheClock(): RoundTheClockDefinition {
  return { kind: '24x7' };
}

/**
 * Working time of a support desk. Every SLA target is an amount of working time, so deadlines
 * are found by walking this calendar rather than by adding to a timestamp.
 */
export interface BusinessCalendar {
  readonly definition: CalendarDefinition;
  /** The first instant at which `durationMs` of working time has elapsed since `start`. */
  addWorkingTime(start: Date, durationMs: number): Date;
  /** Working time in `[from, to)`, 0 when `to <= from`. */
  workingTimeBetween(from: Date, to: Date): number;
  isWorkingTime(at: Date): boolean;
}

export class InvalidCalendarError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid calendar: ${problems.join('; ')}`);
    this.name = 'InvalidCalendarError';
  }
}

/** Raised only if a walk outlives its proven bound, which would mean a defect, not bad input. */
export class CalendarExhaustedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CalendarExhaustedError';
  }
}

/** Throws `InvalidCalendarError` listing every problem when the definition is not usable. */
export function createBusinessCalendar(definition: CalendarDefinition): BusinessCalendar {
  return definition?.kind === '24x7' ? new RoundTheClockCalendar() : new BusinessHoursCalendar(definition);
}

/** Calendar hours: every instant counts, holidays and DST included, since it is absolute time. */
export class RoundTheClockCalendar implements BusinessCalendar {
  readonly definition: RoundTheClockDefinition = roundTheClock();

  addWorkingTime(start: Date, durationMs: number): Date {
    assertInstant(start, 'start');
    assertDuration(durationMs);
    return new Date(start.getTime() + durationMs);
  }

  workingTimeBetween(from: Date, to: Date): number {
    assertInstant(from, 'from');
    assertInstant(to, 'to');
    return Math.max(0, to.getTime() - from.getTime());
  }

  isWorkingTime(at: Date): boolean {
    assertInstant(at, 'at');
    return true;
  }
}

type MinuteRange = readonly [startMinute: number, endMinute: number];

/**
 * Weekly opening hours in one time zone, minus holidays.
 *
 * A local wall-clock time maps to the first instant at which the zone's clock shows that time
 * or a later one. So a boundary that falls in a spring-forward gap starts at the transition
 * itself (02:30 on a day that jumps from 02:00 to 03:00 means 03:00), and a boundary in a
 * repeated fall-back hour means its first occurrence. Intervals spanning a transition thus
 * lose or gain the hour in absolute time, as the people working them do.
 */
export class BusinessHoursCalendar implements BusinessCalendar {
  readonly definition: BusinessHoursDefinition;
  private readonly zone: IANAZone;
  private readonly rangesByWeekday: ReadonlyMap<number, readonly MinuteRange[]>;
  private readonly holidays: ReadonlySet<string>;
  private readonly weeklyWorkingMs: number;
  // Resolving a wall time costs several time-zone lookups; walks revisit the same boundaries.
  private readonly instantsByWallTime = new Map<number, number>();

  constructor(definition: BusinessHoursDefinition) {
    const problems = validateCalendar(definition);
    if (problems.length > 0) {
      throw new InvalidCalendarError(problems);
    }
    this.definition = definition;
    this.zone = IANAZone.create(definition.timeZone);
    this.holidays = new Set(definition.holidays);
    const byDay = new Map<number, MinuteRange[]>();
    let weeklyMinutes = 0;
    for (const interval of definition.weekly) {
      const range: MinuteRange = [parseClockTime(interval.start), parseClockTime(interval.end)];
      weeklyMinutes += range[1] - range[0];
      byDay.set(interval.day, [...(byDay.get(interval.day) ?? []), range]);
    }
    for (const ranges of byDay.values()) {
      ranges.sort((a, b) => a[0] - b[0]);
    }
    this.rangesByWeekday = byDay;
    this.weeklyWorkingMs = weeklyMinutes * MS_PER_MINUTE;
  }

  addWorkingTime(start: Date, durationMs: number): Date {
    assertInstant(start, 'start');
    assertDuration(durationMs);
    if (durationMs === 0) {
      return new Date(start.getTime());
    }
    let remaining = durationMs;
    for (const [from, to] of this.intervalsFrom(start.getTime(), this.dayBudgetFor(durationMs))) {
      const length = to - from;
      if (remaining <= length) {
        return new Date(from + remaining);
      }
      remaining -= length;
    }
    throw new CalendarExhaustedError(
      `no end found for ${durationMs} ms of working time after ${start.toISOString()} in ${this.definition.timeZone}`,
    );
  }

  workingTimeBetween(from: Date, to: Date): number {
    assertInstant(from, 'from');
    assertInstant(to, 'to');
    const fromMs = from.getTime();
    const toMs = to.getTime();
    if (toMs <= fromMs) {
      return 0;
    }
    // The walk starts one local day early and offsets shift local dates by less than a day,
    // so a few spare days always reach past `to`.
    const days = Math.ceil((toMs - fromMs) / MS_PER_DAY) + 4;
    let total = 0;
    for (const [start, end] of this.intervalsFrom(fromMs, days)) {
      if (start >= toMs) break;
      total += Math.min(end, toMs) - start;
    }
    return total;
  }

  isWorkingTime(at: Date): boolean {
    assertInstant(at, 'at');
    const atMs = at.getTime();
    const next = this.intervalsFrom(atMs, 2).next();
    return !next.done && next.value[0] === atMs;
  }

  /**
   * Working intervals as absolute `[start, end)` milliseconds, ascending, clipped so that none
   * starts before `fromMs`. Begins with the local day before `fromMs`: in a zone whose clock
   * falls back over midnight an instant can belong to the previous local date.
   */
  private *intervalsFrom(fromMs: number, maxDays: number): Generator<[number, number]> {
    let cursor = fromMs;
    let localDay = this.localDayOf(fromMs) - MS_PER_DAY;
    for (let walked = 0; walked <= maxDays; walked += 1, localDay += MS_PER_DAY) {
      for (const [startMinute, endMinute] of this.rangesOn(localDay)) {
        const start = Math.max(cursor, this.instantOfWallTime(localDay + startMinute * MS_PER_MINUTE));
        const end = this.instantOfWallTime(localDay + endMinute * MS_PER_MINUTE);
        if (end <= start) continue;
        yield [start, end];
        cursor = end;
      }
    }
  }

  /**
   * How many days a walk for `durationMs` may take. Each week without a holiday yields the
   * nominal weekly hours except the rare weeks with a DST change, so twice the weeks needed,
   * a week per holiday and a little slack always suffice.
   */
  private dayBudgetFor(durationMs: number): number {
    const weeksNeeded = Math.ceil(durationMs / this.weeklyWorkingMs);
    return 7 * (2 * weeksNeeded + this.holidays.size + 4);
  }

  private rangesOn(localDay: number): readonly MinuteRange[] {
    const date = new Date(localDay);
    if (this.holidays.has(date.toISOString().slice(0, 10))) {
      return [];
    }
    const isoWeekday = ((date.getUTCDay() + 6) % 7) + 1;
    return this.rangesByWeekday.get(isoWeekday) ?? [];
  }

  /** Local midnight of the instant's local date, as wall-clock milliseconds. */
  private localDayOf(instant: number): number {
    return Math.floor(this.wallTimeOf(instant) / MS_PER_DAY) * MS_PER_DAY;
  }

  /** Wall-clock milliseconds: the local date and time written as if it were UTC. */
  private wallTimeOf(instant: number): number {
    return instant + this.zone.offset(instant) * MS_PER_MINUTE;
  }

  private instantOfWallTime(wallTime: number): number {
    const known = this.instantsByWallTime.get(wallTime);
    if (known !== undefined) {
      return known;
    }
    if (this.instantsByWallTime.size >= WALL_TIME_MEMO_SIZE) {
      this.instantsByWallTime.clear();
    }
    const instant = this.resolveWallTime(wallTime);
    this.instantsByWallTime.set(wallTime, instant);
    return instant;
  }

  private resolveWallTime(wallTime: number): number {
    const before = this.zone.offset(wallTime - MS_PER_DAY);
    const after = this.zone.offset(wallTime + MS_PER_DAY);
    // No transition nearby, the usual case: a single candidate, checked all the same.
    if (before === after && this.zone.offset(wallTime - before * MS_PER_MINUTE) === before) {
      return wallTime - before * MS_PER_MINUTE;
    }
    const offsets = new Set([before, this.zone.offset(wallTime), after]);
    let earliestMatch = Number.POSITIVE_INFINITY;
    let low = Number.POSITIVE_INFINITY;
    let high = Number.NEGATIVE_INFINITY;
    for (const offset of offsets) {
      const candidate = wallTime - offset * MS_PER_MINUTE;
      if (this.zone.offset(candidate) === offset) {
        earliestMatch = Math.min(earliestMatch, candidate);
      }
      low = Math.min(low, candidate);
      high = Math.max(high, candidate);
    }
    if (earliestMatch !== Number.POSITIVE_INFINITY) {
      return earliestMatch;
    }
    // The wall time is skipped by a spring-forward gap: find the transition, the first instant
    // whose wall time is at or past the requested one. `low` lies before it, `high` after it.
    while (high - low > 1) {
      const middle = Math.floor((low + high) / 2);
      if (this.wallTimeOf(middle) >= wallTime) {
        high = middle;
      } else {
        low = middle;
      }
    }
    return high;
  }
}

const START_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;
const END_TIME = /^(?:([01]\d|2[0-3]):([0-5]\d)|24:00)$/;

/**
 * Problems with a calendar definition, each prefixed by the field at fault. Takes `unknown`
 * because definitions arrive as JSON from administrators.
 */
export function validateCalendar(definition: unknown, field = 'calendar'): string[] {
  if (!isRecord(definition)) {
    return [`${field}: expected an object with a kind of "24x7" or "business_hours"`];
  }
  if (definition.kind === '24x7') {
    return [];
  }
  if (definition.kind !== 'business_hours') {
    return [`${field}.kind: ${JSON.stringify(definition.kind)} is not "24x7" or "business_hours"`];
  }
  return [
    ...validateTimeZone(definition.timeZone, `${field}.timeZone`),
    ...validateWeekly(definition.weekly, `${field}.weekly`),
    ...validateHolidays(definition.holidays, `${field}.holidays`),
  ];
}

function validateTimeZone(timeZone: unknown, field: string): string[] {
  if (typeof timeZone !== 'string' || timeZone.trim() === '') {
    return [`${field}: expected an IANA time zone such as "Europe/Paris"`];
  }
  return IANAZone.isValidZone(timeZone) ? [] : [`${field}: ${JSON.stringify(timeZone)} is not a known IANA time zone`];
}

function validateWeekly(weekly: unknown, field: string): string[] {
  if (!Array.isArray(weekly)) {
    return [`${field}: expected a list of {day, start, end} intervals`];
  }
  const problems: string[] = [];
  const valid: Array<{ day: number; range: MinuteRange; at: string }> = [];
  weekly.forEach((interval: unknown, index) => {
    const at = `${field}[${index}]`;
    if (!isRecord(interval)) {
      problems.push(`${at}: expected {day, start, end}`);
      return;
    }
    const { day, start, end } = interval;
    const before = problems.length;
    if (!Number.isInteger(day) || (day as number) < 1 || (day as number) > 7) {
      problems.push(`${at}.day: ${JSON.stringify(day)} is not an ISO weekday from 1 (Monday) to 7 (Sunday)`);
    }
    if (typeof start !== 'string' || !START_TIME.test(start)) {
      problems.push(`${at}.start: ${JSON.stringify(start)} is not a time between 00:00 and 23:59 (HH:mm)`);
    }
    if (typeof end !== 'string' || !END_TIME.test(end)) {
      problems.push(`${at}.end: ${JSON.stringify(end)} is not a time between 00:00 and 24:00 (HH:mm)`);
    }
    if (problems.length > before) return;
    const range: MinuteRange = [parseClockTime(start as string), parseClockTime(end as string)];
    if (range[1] <= range[0]) {
      problems.push(`${at}: end ${end as string} must be after start ${start as string}; split intervals that cross midnight`);
      return;
    }
    valid.push({ day: day as number, range, at });
  });
  for (let i = 0; i < valid.length; i += 1) {
    for (let j = i + 1; j < valid.length; j += 1) {
      const a = valid[i];
      const b = valid[j];
      if (a.day === b.day && a.range[0] < b.range[1] && b.range[0] < a.range[1]) {
        problems.push(`${b.at}: overlaps ${a.at} on the same day`);
      }
    }
  }
  if (problems.length === 0 && valid.length === 0) {
    problems.push(`${field}: at least one working interval is needed, otherwise no deadline would ever come`);
  }
  return problems;
}

function validateHolidays(holidays: unknown, field: string): string[] {
  if (!Array.isArray(holidays)) {
    return [`${field}: expected a list of local dates (YYYY-MM-DD)`];
  }
  const problems: string[] = [];
  holidays.forEach((holiday: unknown, index) => {
    const valid = typeof holiday === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(holiday) && DateTime.fromISO(holiday, { zone: 'utc' }).isValid;
    if (!valid) {
      problems.push(`${field}[${index}]: ${JSON.stringify(holiday)} is not a calendar date (YYYY-MM-DD)`);
    }
  });
  return problems;
}

function parseClockTime(text: string): number {
  if (text === '24:00') return MINUTES_PER_DAY;
  const [hours, minutes] = text.split(':').map(Number);
  return hours * 60 + minutes;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function assertInstant(value: Date, name: string): void {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
    throw new RangeError(`${name} must be a valid Date`);
  }
}

function assertDuration(durationMs: number): void {
  if (!Number.isSafeInteger(durationMs) || durationMs < 0) {
    throw new RangeError(`durationMs must be a whole, non-negative number of milliseconds, got ${durationMs}`);
  }
}
