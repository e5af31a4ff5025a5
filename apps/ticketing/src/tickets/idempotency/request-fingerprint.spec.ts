import { canonicalJson, isValidIdempotencyKey, requestFingerprint } from './request-fingerprint';

describe('request fingerprint', () => {
  it('does not depend on the order of fields', () => {
    expect(requestFingerprint({ subject: 'a', priority: 'low', ccEmails: ['x@y.z'] })).toBe(
      requestFingerprint({ ccEmails: ['x@y.z'], priority: 'low', subject: 'a' }),
    );
  });

  it('treats a missing field and an undefined one alike, but not null', () => {
    expect(canonicalJson({ a: 1, b: undefined })).toBe(canonicalJson({ a: 1 }));
    expect(canonicalJson({ a: 1, b: null })).not.toBe(canonicalJson({ a: 1 }));
  });

  it('tells different bodies apart, including the order inside arrays', () => {
    expect(requestFingerprint({ subject: 'a' })).not.toBe(requestFingerprint({ subject: 'b' }));
    expect(requestFingerprint({ cc: ['a', 'b'] })).not.toBe(requestFingerprint({ cc: ['b', 'a'] }));
  });

  it('is a SHA-256 in hex', () => {
    expect(requestFingerprint({})).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('Idempotency-Key format', () => {
  it.each(['a', '0190f2a4-7c1e-7b5a-9a7e-3c2d1e0f9a8b', 'order 42/retry', 'x'.repeat(255)])('accepts %j', (key) => {
    expect(isValidIdempotencyKey(key)).toBe(true);
  });

  it.each(['', ' padded', 'padded ', 'x'.repeat(256), 'naïve', 'line\nbreak'])('refuses %j', (key) => {
    expect(isValidIdempotencyKey(key)).toBe(false);
  });
});
