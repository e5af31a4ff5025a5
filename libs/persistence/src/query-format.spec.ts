import { format } from 'mysql2';
import { formatQuery, quoteString } from './query-format';

const connection = { config: { stringifyObjects: false } };
const formatted = (sql: string, values: unknown) => formatQuery.call(connection, sql, values, 'Z');

describe('formatQuery', () => {
  it('writes what mysql2 writes for values without a double quote', () => {
    const at = new Date('2026-12-06T15:48:00.123Z');
    const cases: Array<[string, unknown]> = [
      ['SELECT 1', []],
      ['SELECT ?', 5],
      ['SELECT ?', "it's a \\ back\nslash\0\b\t\r\x1a"],
      ['SELECT ?, ?, ?, ?, ?', [null, undefined, true, 2.5, 10n]],
      ['SELECT * FROM t WHERE at < ? AND id IN (?)', [at, ['a', "b'c", 3]]],
      [
        'INSERT INTO t (a, b, c) VALUES ?',
        [
          [
            ['x', at, null],
            ['y', Buffer.from([0, 255]), 1],
          ],
        ],
      ],
      ['SELECT ??, ? FROM t', ['column', 'ёлка – naïve 日本 🙂']],
      ['UPDATE t SET ? WHERE id = ?', [{ a: 1, b: 'two' }, 7]],
      ['SELECT ?', [new Set(['a', 'b'])]],
    ];
    for (const [sql, values] of cases) expect(formatted(sql, values)).toBe(format(sql, values as never, false, 'Z'));
  });

  it('leaves the double quotes of a string as they are and escapes the rest as mysql2 does', () => {
    const json = JSON.stringify({ subject: `can't "join"`, path: 'C:\\temp', line: 'a\nb' });
    const sql = 'INSERT INTO t (id, payload) VALUES ?';
    const values = [
      [
        ['1', json],
        ['2', 'no quotes'],
      ],
    ];
    const ours = formatted(sql, values);
    expect(ours).toBe(
      `INSERT INTO t (id, payload) VALUES ('1', '{"subject":"can\\'t \\\\"join\\\\"","path":"C:\\\\\\\\temp","line":"a\\\\nb"}'), ('2', 'no quotes')`,
    );
    // mysql2's statement, its escaped double quotes unescaped, is the same statement
    expect(ours).toBe(format(sql, values as never, false, 'Z').replace(/\\"/g, '"'));
  });

  it('quotes a string given alone, and a double quote next to a backslash', () => {
    expect(formatted('SELECT ?', 'say "hi"')).toBe(`SELECT 'say "hi"'`);
    expect(quoteString('\\"')).toBe(`'\\\\"'`);
    expect(quoteString(`"'`)).toBe(`'"\\''`);
    expect(quoteString('')).toBe("''");
  });

  it('leaves a statement with an identifier marker (??) to mysql2 whole', () => {
    const values = ['a "column"', 'a "value"'];
    expect(formatted('SELECT ?? FROM t WHERE x = ?', values)).toBe(format('SELECT ?? FROM t WHERE x = ?', values, false, 'Z'));
  });

  it('never changes the caller’s values', () => {
    const rows = [
      ['a "quoted" value', 1],
      ['plain', 2],
    ];
    const values = [rows, 'x "y"'];
    const copy = JSON.parse(JSON.stringify(values));
    formatted('INSERT INTO t VALUES ? ; SELECT ?', values);
    expect(values).toEqual(copy);
    expect(typeof rows[0][0]).toBe('string');
  });
});
