import { decodeCursor, encodeCursor, queryFingerprint } from './cursor';

describe('page cursors', () => {
  const fingerprint = queryFingerprint(['echo', 'en', null]);

  it('round-trips the last position of a page', () => {
    const cursor = encodeCursor({ q: fingerprint, id: 'a1', values: [12.5, 3, 0, 1763800000000] });
    expect(decodeCursor(cursor, fingerprint, 4)).toEqual({ q: fingerprint, id: 'a1', values: [12.5, 3, 0, 1763800000000] });
  });

  it('refuses a cursor of another query', () => {
    const cursor = encodeCursor({ q: queryFingerprint(['other']), id: 'a1', values: [1] });
    expect(() => decodeCursor(cursor, fingerprint, 1)).toThrow(/different query/);
  });

  it.each([
    'not a cursor',
    '%%%',
    Buffer.from('{"a":1}').toString('base64url'),
    Buffer.from('[1,2]').toString('base64url'),
    'x'.repeat(2000),
  ])('refuses garbage %#', (garbage) => {
    expect(() => decodeCursor(garbage, fingerprint, 1)).toThrow(/cursor/);
  });

  it('is stable for equal queries and differs for different ones', () => {
    expect(queryFingerprint(['a', 'ru'])).toBe(queryFingerprint(['a', 'ru']));
    expect(queryFingerprint(['a', 'ru'])).not.toBe(queryFingerprint(['a', 'fr']));
  });
});
