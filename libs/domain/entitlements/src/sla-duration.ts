/**
 * SLA targets are ISO-8601 durations restricted to what a 24/7 calendar clock can add without
 * a calendar: days, hours, minutes and seconds in whole numbers. Years, months and weeks are
 * refused because their length depends on the date they start from.
 */
const SLA_DURATION = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;

export interface SlaDurationParts {
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

/** The parts of a target, or null when it is not a usable non-zero duration. */
export function parseSlaDuration(text: unknown): SlaDurationParts | null {
  if (typeof text !== 'string') return null;
  const match = SLA_DURATION.exec(text);
  if (!match) return null;
  // "P" alone and "PT" with nothing after it match the pattern but name no length at all.
  if (text === 'P' || text.endsWith('T')) return null;
  const [days, hours, minutes, seconds] = match.slice(1).map((part) => (part === undefined ? 0 : Number(part)));
  if (days + hours + minutes + seconds === 0) return null;
  return { days, hours, minutes, seconds };
}

export function isSlaDuration(text: unknown): text is string {
  return parseSlaDuration(text) !== null;
}

/** "1 hour", "24 hours", "1 day 12 hours": the parts as written, so PT24H stays "24 hours". */
export function describeSlaDuration(text: string): string {
  const parts = parseSlaDuration(text);
  if (!parts) return text;
  const units: Array<[number, string]> = [
    [parts.days, 'day'],
    [parts.hours, 'hour'],
    [parts.minutes, 'minute'],
    [parts.seconds, 'second'],
  ];
  return units
    .filter(([count]) => count > 0)
    .map(([count, unit]) => `${count} ${unit}${count === 1 ? '' : 's'}`)
    .join(' ');
}
