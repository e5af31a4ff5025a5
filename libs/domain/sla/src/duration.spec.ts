import { InvalidDurationError, formatIsoDuration, parseIsoDuration } from './duration';

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe('parseIsoDuration', () => {
  it.each([
    ['PT1H', HOUR],
    ['PT4H', 4 * HOUR],
    ['PT24H', DAY],
    ['PT30S', 30 * SECOND],
    ['PT1S', SECOND],
    ['PT90M', 90 * MINUTE],
    ['PT1M30S', 90 * SECOND],
    ['PT1H30M15S', HOUR + 30 * MINUTE + 15 * SECOND],
    ['P1D', DAY],
    ['P1DT2H', DAY + 2 * HOUR],
    ['P2DT0H30M', 2 * DAY + 30 * MINUTE],
    ['P0DT1H', HOUR],
    ['PT0H5M', 5 * MINUTE],
    ['P365D', 365 * DAY],
    ['PT007M', 7 * MINUTE],
  ])('%s is %d ms', (text, expected) => {
    expect(parseIsoDuration(text)).toBe(expected);
  });

  it.each([
    ['', 'expected an ISO-8601 duration'],
    ['P', 'expected an ISO-8601 duration'],
    ['PT', 'expected an ISO-8601 duration'],
    ['P1DT', 'expected an ISO-8601 duration'],
    ['PT0S', 'longer than zero'],
    ['P0D', 'longer than zero'],
    ['PT0H0M0S', 'longer than zero'],
    ['-PT1H', 'negative'],
    ['PT-1H', 'expected an ISO-8601 duration'],
    ['P1Y', 'years and months'],
    ['P1M', 'years and months'],
    ['P1Y2M3DT4H', 'years and months'],
    ['P2W', 'weeks'],
    ['PT0.5S', 'fractions'],
    ['PT1,5H', 'fractions'],
    ['1H', 'expected an ISO-8601 duration'],
    ['pt1h', 'expected an ISO-8601 duration'],
    [' PT1H', 'expected an ISO-8601 duration'],
    ['PT1H ', 'expected an ISO-8601 duration'],
    ['PT1M1H', 'expected an ISO-8601 duration'],
    ['P1H', 'expected an ISO-8601 duration'],
    ['PT1D', 'expected an ISO-8601 duration'],
    ['one hour', 'expected an ISO-8601 duration'],
    ['PT99999999999999999999H', 'too long'],
  ])('rejects %j (%s)', (text, reason) => {
    expect(() => parseIsoDuration(text)).toThrow(InvalidDurationError);
    expect(() => parseIsoDuration(text)).toThrow(`"${text}" is not a supported duration`);
    expect(() => parseIsoDuration(text)).toThrow(reason);
  });

  it('rejects values that are not strings', () => {
    expect(() => parseIsoDuration(3600 as unknown as string)).toThrow(InvalidDurationError);
    expect(() => parseIsoDuration(null as unknown as string)).toThrow('"null" is not a supported duration');
  });

  it('names the rejected text on the error', () => {
    try {
      parseIsoDuration('P1Y');
      throw new Error('expected a rejection');
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidDurationError);
      expect((error as InvalidDurationError).text).toBe('P1Y');
      expect((error as InvalidDurationError).name).toBe('InvalidDurationError');
    }
  });
});

describe('formatIsoDuration', () => {
  it.each([
    [HOUR, 'PT1H'],
    [90 * SECOND, 'PT1M30S'],
    [DAY, 'PT24H'],
    [30 * SECOND, 'PT30S'],
    [4 * HOUR, 'PT4H'],
    [DAY + 2 * HOUR, 'PT26H'],
    [HOUR + 1 * SECOND, 'PT1H1S'],
    [HOUR + 5 * MINUTE, 'PT1H5M'],
    [0, 'PT0S'],
    [1_500, 'PT1.5S'],
    [61_001, 'PT1M1.001S'],
    [250, 'PT0.25S'],
  ])('%d ms is %s', (ms, expected) => {
    expect(formatIsoDuration(ms)).toBe(expected);
  });

  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('rejects %d', (ms) => {
    expect(() => formatIsoDuration(ms)).toThrow(InvalidDurationError);
  });

  it.each(['PT1H', 'PT1M30S', 'PT24H', 'PT30S', 'PT26H', 'PT1H1M1S', 'PT100H'])('is the inverse of parseIsoDuration for %s', (text) => {
    expect(formatIsoDuration(parseIsoDuration(text))).toBe(text);
  });

  it('round-trips every whole number of seconds up to two days in steps of 127 s', () => {
    for (let ms = SECOND; ms <= 2 * DAY; ms += 127 * SECOND) {
      expect(parseIsoDuration(formatIsoDuration(ms))).toBe(ms);
    }
  });
});
