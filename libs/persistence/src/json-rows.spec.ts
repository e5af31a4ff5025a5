import { storedDatetime, storedInstant } from './json-rows';

describe('storedDatetime and storedInstant', () => {
  it('writes an instant as a DATETIME(3) in UTC and reads it back unchanged', () => {
    const instant = new Date('2026-12-04T09:05:03.007Z');
    expect(storedDatetime(instant)).toBe('2026-12-04 09:05:03.007');
    expect(storedInstant(storedDatetime(instant))).toEqual(instant);
  });

  it('refuses what is not an instant', () => {
    expect(() => storedDatetime(new Date('not a date'))).toThrow(/not an instant/);
    expect(() => storedInstant('2026-12-04T09:05:03Z')).toThrow(/not a stored instant/);
  });
});
