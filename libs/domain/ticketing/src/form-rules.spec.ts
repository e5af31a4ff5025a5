import {
  codePoints,
  distinctEmails,
  FUTURE_TOLERANCE_MS,
  MEETING_ID_DIGITS,
  normaliseMeetingId,
  occurrenceProblem,
  utf8Bytes,
} from './form-rules';

describe('ticket form rules', () => {
  it('counts characters as code points and sizes as UTF-8 bytes', () => {
    expect(codePoints('🎧a')).toBe(2);
    expect('🎧a'.length).toBe(3);
    expect(utf8Bytes('é')).toBe(2);
  });

  it('keeps only the digits of a meeting ID written with spaces and dashes', () => {
    expect(normaliseMeetingId(' 123-456 789 ')).toBe('123456789');
    expect(MEETING_ID_DIGITS.test(normaliseMeetingId('123 456 7890'))).toBe(true);
    expect(MEETING_ID_DIGITS.test('12345678')).toBe(false);
  });

  it('keeps the first spelling of each CC address, ignoring case and surrounding spaces', () => {
    expect(distinctEmails(['A@x.io', ' a@X.io ', 'b@x.io', 42, 42])).toEqual(['A@x.io', 'b@x.io', 42, 42]);
  });

  it('takes an occurrence from 1970 up to a minute ahead of now', () => {
    const now = new Date('2026-11-21T10:00:00.000Z');
    expect(occurrenceProblem(new Date('1970-01-01T00:00:00.000Z'), now)).toBeNull();
    expect(occurrenceProblem(new Date(now.getTime() + FUTURE_TOLERANCE_MS), now)).toBeNull();
    expect(occurrenceProblem(new Date(now.getTime() + FUTURE_TOLERANCE_MS + 1), now)).toBe('must not be in the future');
    expect(occurrenceProblem(new Date('1969-12-31T23:59:59.999Z'), now)).toBe('must not be before 1970');
  });
});
