import { assertDatabaseName, parseDatabaseUrl, redact } from './database-url';
import { isTransientDatabaseError } from './errors';

describe('DATABASE_URL', () => {
  it.each([
    ['mysql://root@127.0.0.1:3306', { host: '127.0.0.1', port: 3306, user: 'root', password: '' }],
    ['mysql://app:s%40cret@db.internal', { host: 'db.internal', port: 3306, user: 'app', password: 's@cret' }],
    ['mariadb://u:p@10.0.0.5:3307/', { host: '10.0.0.5', port: 3307, user: 'u', password: 'p' }],
  ])('reads %s', (url, expected) => {
    expect(parseDatabaseUrl(url)).toEqual(expected);
  });

  it.each([
    ['not a url', /not a URL/],
    ['postgres://u@h:5432', /must use mysql/],
    ['mysql://u@h:3306/shared', /must not name a database/],
  ])('rejects %s with a message naming the variable', (url, message) => {
    expect(() => parseDatabaseUrl(url)).toThrow(message);
  });

  it('hides the password in messages', () => {
    expect(redact('mysql://app:secret@db:3306')).toBe('mysql://app:***@db:3306');
  });

  it('accepts only plain database names', () => {
    expect(assertDatabaseName('support_ticketing')).toBe('support_ticketing');
    expect(() => assertDatabaseName('x`; DROP DATABASE y')).toThrow(/letters, digits or underscores/);
  });

  it('tells passing database failures from permanent ones', () => {
    expect(isTransientDatabaseError({ code: 'ECONNREFUSED' })).toBe(true);
    expect(isTransientDatabaseError({ driverError: { code: 'ER_LOCK_DEADLOCK' } })).toBe(true);
    expect(isTransientDatabaseError({ code: 'ER_PARSE_ERROR' })).toBe(false);
    expect(isTransientDatabaseError(new Error('x'))).toBe(false);
  });
});
