import { median, percentile } from './percentile';

describe('percentile', () => {
  const responseMinutes = [15, 20, 35, 40, 50];

  it.each([
    [0, 15],
    [25, 20],
    [40, 29],
    [50, 35],
    [75, 40],
    [90, 46],
    [100, 50],
  ])('interpolates linearly: p%d is %d', (p, expected) => {
    expect(percentile(responseMinutes, p)).toBeCloseTo(expected, 10);
  });

  it.each([
    [0, 15],
    [5, 15],
    [20, 15],
    [21, 20],
    [30, 20],
    [40, 20],
    [50, 35],
    [90, 50],
    [100, 50],
  ])('takes the nearest rank: p%d is %d', (p, expected) => {
    expect(percentile(responseMinutes, p, 'nearest_rank')).toBe(expected);
  });

  it('does not depend on the order of the values, nor reorder them', () => {
    const shuffled = [40, 15, 50, 35, 20];
    expect(percentile(shuffled, 90)).toBeCloseTo(46, 10);
    expect(shuffled).toEqual([40, 15, 50, 35, 20]);
  });

  it('answers the single value for a single observation', () => {
    expect(percentile([42], 0)).toBe(42);
    expect(percentile([42], 95)).toBe(42);
    expect(percentile([42], 95, 'nearest_rank')).toBe(42);
  });

  it('handles repeated and negative values', () => {
    expect(percentile([5, 5, 5, 5], 50)).toBe(5);
    expect(percentile([-10, 0, 10], 25)).toBe(-5);
  });

  it('is null without values', () => {
    expect(percentile([], 50)).toBeNull();
    expect(percentile([], 95, 'nearest_rank')).toBeNull();
  });

  it.each([-1, 101, Number.NaN])('rejects p = %d', (p) => {
    expect(() => percentile(responseMinutes, p)).toThrow(RangeError);
  });

  it('rejects values that are not numbers', () => {
    expect(() => percentile([1, Number.NaN], 50)).toThrow(RangeError);
    expect(() => percentile([1, '2' as unknown as number], 50)).toThrow(RangeError);
  });
});

describe('median', () => {
  it.each([
    [[3, 1, 2], 2],
    [[4, 1, 3, 2], 2.5],
    [[60_000, 3_600_000], 1_830_000],
    [[7], 7],
  ])('of %j is %d', (values, expected) => {
    expect(median(values)).toBe(expected);
  });

  it('is null without values', () => {
    expect(median([])).toBeNull();
  });
});
