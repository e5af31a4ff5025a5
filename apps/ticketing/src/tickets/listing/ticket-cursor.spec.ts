import { CursorError, decodeCursor, encodeCursor, filterFingerprint } from './ticket-cursor';

const ID = '0190f2a4-7c1e-7b5a-9a7e-3c2d1e0f9a8b';

describe('ticket list cursor', () => {
  const filters = filterFingerprint({ status: ['open'], breached: true });

  it('round-trips the position as opaque base64url', () => {
    const cursor = encodeCursor({ after: ID, order: 'newest', filters });
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor, { order: 'newest', filters })).toBe(ID);
  });

  it('refuses a cursor for the other order', () => {
    const cursor = encodeCursor({ after: ID, order: 'newest', filters });
    expect(() => decodeCursor(cursor, { order: 'oldest', filters })).toThrow(/order=newest/);
  });

  it('refuses a cursor issued for other filters', () => {
    const cursor = encodeCursor({ after: ID, order: 'newest', filters });
    expect(() => decodeCursor(cursor, { order: 'newest', filters: filterFingerprint({ status: ['pending'] }) })).toThrow(/other filters/);
  });

  it.each([
    ['not base64url', 'abc$%'],
    ['not JSON', Buffer.from('nope').toString('base64url')],
    ['no version', Buffer.from(JSON.stringify({ a: ID, o: 'newest', f: 'x' })).toString('base64url')],
    ['not an id', Buffer.from(JSON.stringify({ v: 1, a: "' OR 1=1", o: 'newest', f: 'x' })).toString('base64url')],
    ['too long', 'a'.repeat(600)],
  ])('refuses a cursor that is %s', (_what, cursor) => {
    expect(() => decodeCursor(cursor, { order: 'newest', filters })).toThrow(CursorError);
  });

  it('gives the same fingerprint to the same filters in any key order', () => {
    expect(filterFingerprint({ a: 1, b: [2] })).toBe(filterFingerprint({ b: [2], a: 1 }));
  });
});
