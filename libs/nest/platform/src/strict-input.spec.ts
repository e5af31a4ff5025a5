import { isoInstantProblem, isIsoInstant } from './iso-instant';
import { childPath, findInputProblems, findInvalidUtf8InQuery, invalidUtf8Offset, jsonPathAt, textProblem } from './strict-input';

const body = { maxDepth: 32, multiline: true };

function nested(levels: number): unknown {
  let value: unknown = 'leaf';
  for (let level = 0; level < levels; level++) value = level % 2 === 0 ? { a: value } : [value];
  return value;
}

describe('findInputProblems', () => {
  it('accepts ordinary input, tabs and line breaks in bodies included', () => {
    expect(
      findInputProblems({ subject: 'Echo', description: 'line one\r\n\tline two', tags: ['a', 'b'], n: 1, ok: true, none: null }, body),
    ).toEqual([]);
  });

  it('refuses nesting beyond the limit without recursing, naming where it starts', () => {
    expect(findInputProblems(nested(32), body)).toEqual([]);
    const problems = findInputProblems(nested(10_000), body);
    expect(problems).toHaveLength(1);
    expect(problems[0].problem).toBe('nests deeper than 32 levels of objects and arrays');
    expect(problems[0].field.startsWith('[0].a[0].a')).toBe(true);
  });

  it('names control characters with their code and position', () => {
    expect(findInputProblems({ subject: 'Echo\u0000' }, body)).toEqual([
      { field: 'subject', problem: 'must not contain control characters (U+0000 at position 4)' },
    ]);
    expect(findInputProblems({ ccEmails: ['a@x.io', 'b\u0007@x.io'] }, body)[0].field).toBe('ccEmails[1]');
    expect(findInputProblems({ text: 'a\u009bb' }, body)[0].problem).toContain('U+009B');
    expect(findInputProblems({ text: 'a\u007fb' }, body)[0].problem).toContain('U+007F');
  });

  it('refuses line breaks where text is one line (query strings, path parameters)', () => {
    expect(findInputProblems({ q: 'a\nb' }, { maxDepth: 4, multiline: false })[0]).toEqual({
      field: 'q',
      problem: 'must not contain control characters (U+000A at position 1)',
    });
  });

  it('refuses lone surrogates and keeps pairs', () => {
    expect(findInputProblems({ text: 'ok 🎧' }, body)).toEqual([]);
    expect(findInputProblems({ text: JSON.parse('"a\\ud800"') }, body)[0]).toEqual({
      field: 'text',
      problem: 'must be well-formed Unicode text (a lone surrogate U+D800 at position 1)',
    });
    expect(findInputProblems({ text: JSON.parse('"\\udc00b"') }, body)[0].problem).toContain('U+DC00');
  });

  it('refuses __proto__, constructor and prototype keys anywhere, as unknown fields', () => {
    const parsed = JSON.parse(
      '{"subject":"x","__proto__":{"admin":true},"nested":{"constructor":{"prototype":1}},"list":[{"prototype":2}]}',
    );
    expect(findInputProblems(parsed, body)).toEqual([
      { field: '__proto__', problem: 'property __proto__ should not exist' },
      { field: 'nested.constructor', problem: 'property constructor should not exist' },
      { field: 'list[0].prototype', problem: 'property prototype should not exist' },
    ]);
  });

  it('checks property names too, and quotes odd ones in the path', () => {
    expect(findInputProblems({ 'bad\u0000key': 1 }, body)[0]).toEqual({
      field: '["bad\\u0000key"]',
      problem: 'the property name must not contain control characters (U+0000 at position 3)',
    });
    expect(childPath('a', 'b c')).toBe('a["b c"]');
  });

  it('stops after a bounded number of problems', () => {
    expect(
      findInputProblems(
        Array.from({ length: 1000 }, () => '\u0000'),
        { ...body, maxProblems: 5 },
      ),
    ).toHaveLength(5);
  });
});

describe('textProblem', () => {
  it('is null for clean text', () => {
    expect(textProblem('Grüße, 你好, 🎧', false)).toBeNull();
  });
});

describe('invalidUtf8Offset', () => {
  it('finds the first byte that is not UTF-8', () => {
    expect(invalidUtf8Offset(Buffer.from('{"a":"é"}'))).toBe(-1);
    expect(invalidUtf8Offset(Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d]))).toBe(6);
    // an encoded surrogate (CESU) is not UTF-8
    expect(invalidUtf8Offset(Buffer.from([0x22, 0xed, 0xa0, 0x80, 0x22]))).toBe(1);
    // a truncated sequence at the end
    expect(invalidUtf8Offset(Buffer.from([0x22, 0xc3]))).toBe(1);
  });
});

describe('jsonPathAt', () => {
  it('names the value being written at an offset', () => {
    const text = '{"subject":"Echo","cc":["a@x.io","b@x.io"],"calendar":{"weekly":[{"start":"09:00"}]}}';
    expect(jsonPathAt(text, text.indexOf('Echo'))).toBe('subject');
    expect(jsonPathAt(text, text.indexOf('b@x'))).toBe('cc[1]');
    expect(jsonPathAt(text, text.indexOf('09:00'))).toBe('calendar.weekly[0].start');
    expect(jsonPathAt('{"sub', 5)).toBe('sub');
    expect(jsonPathAt('', 0)).toBe('');
  });

  it('reads escaped quotes and keys inside strings correctly', () => {
    const text = '{"a":"x\\"y,{z","b":"';
    expect(jsonPathAt(text, text.length)).toBe('b');
  });
});

describe('findInvalidUtf8InQuery', () => {
  it('names the parameter whose percent-encoded bytes are not UTF-8', () => {
    expect(findInvalidUtf8InQuery('q=caf%C3%A9&locale=fr')).toBeNull();
    expect(findInvalidUtf8InQuery('locale=fr&q=caf%E9')).toEqual({
      field: 'q',
      problem: 'must be valid UTF-8 (percent-encoded bytes that are not UTF-8)',
    });
    expect(findInvalidUtf8InQuery('q=%ED%A0%80')?.field).toBe('q');
    expect(findInvalidUtf8InQuery('%FF=1')?.problem).toBe('the parameter name is not valid UTF-8');
  });
});

describe('isoInstantProblem', () => {
  it.each(['2026-11-21T10:00:00Z', '2026-11-21T10:00:00.123Z', '2026-11-21T10:00Z', '2026-11-21T10:00:00+02:00', '2028-02-29T00:00:00Z'])(
    'accepts %s',
    (value) => {
      expect(isoInstantProblem(value)).toBeNull();
    },
  );

  it.each([
    ['2026-02-30T10:00:00Z', 'is not a calendar date: February 2026 has 28 days, not 30'],
    ['2026-04-31T10:00:00Z', 'is not a calendar date: April 2026 has 30 days, not 31'],
    ['2026-13-01T10:00:00Z', 'is not a calendar date: there is no month 13'],
    ['2026-11-21T24:00:00Z', 'is not a time of day: 24:00:00'],
    ['2026-11-21T10:60:00Z', 'is not a time of day: 10:60:00'],
    ['2026-11-21T10:00:60Z', 'is not a time of day: 10:00:60'],
    ['2026-11-21T10:00:00+25:00', 'has no such UTC offset: +25:00'],
  ])('refuses %s: %s', (value, problem) => {
    expect(isoInstantProblem(value)).toBe(problem);
  });

  it.each(['2026-11-21T10:00:00', '2026-W47-6', '2026-325', '21/11/2026', '2026-11-21', ''])('refuses %s as a date-time', (value) => {
    expect(isoInstantProblem(value)).toMatch(/^must be an ISO-8601 date-time with an offset/);
  });

  it('takes a calendar date alone where allowed, and checks it', () => {
    expect(isIsoInstant('2026-11-21', { allowDate: true })).toBe(true);
    expect(isoInstantProblem('2026-02-29', { allowDate: true })).toBe('February 2026 has 28 days, not 29');
    expect(isoInstantProblem(20261121, { allowDate: true })).toMatch(/^must be an ISO-8601 date or date-time string/);
  });
});
