import type { DataSource } from 'typeorm';
import { formatQuery } from '../src';
import { useThrowawayDataSource } from './throwaway-data-source';

/** Strings that each character the escaping treats differently reaches, alone and in company. */
const ASCII = Array.from({ length: 128 }, (_, code) => String.fromCharCode(code)).join('');
const STRINGS = [
  '',
  '"',
  '""',
  '\\"',
  '\\\\"',
  `"'`,
  `'"`,
  '\\',
  'ends with a backslash \\',
  `"; DROP TABLE probe; --`,
  `' OR '1'='1`,
  `\\' OR 1=1 -- "`,
  ASCII,
  `${ASCII}"${ASCII}`,
  'ёлка "– naïve" 日本 🙂',
  JSON.stringify({ subject: `can't "join" the meeting`, path: 'C:\\Users\\"me"', lines: 'a\nb\r\tc\0d\x1ae', nested: [{ q: '"' }] }),
];

describe('formatQuery against a real MariaDB: strings with double quotes stored as given', () => {
  const throwaway = useThrowawayDataSource('qfmt', { entities: [], poolSize: 1 });
  let dataSource: DataSource;

  beforeAll(async () => {
    dataSource = throwaway();
    await dataSource.query('CREATE TABLE probe (id INT PRIMARY KEY, text LONGTEXT NOT NULL, doc JSON NULL) CHARACTER SET utf8mb4');
  });

  beforeEach(() => dataSource.query('DELETE FROM probe'));

  async function roundTrip(): Promise<void> {
    const rows = STRINGS.map((text, index) => [index, text, JSON.stringify({ text })]);
    await dataSource.query('INSERT INTO probe (id, text, doc) VALUES ?', [rows]);
    const stored: Array<{ id: number; text: string; doc: { text: string } }> = await dataSource.query(
      'SELECT id, text, doc FROM probe ORDER BY id',
    );
    expect(stored.map((row) => row.text)).toEqual(STRINGS);
    expect(stored.map((row) => row.doc.text)).toEqual(STRINGS);
    // one value alone, as the parameter of a WHERE clause finds it
    for (const [index, text] of STRINGS.entries()) {
      const found: Array<{ id: number }> = await dataSource.query('SELECT id FROM probe WHERE text = ?', [text]);
      expect(found.map((row) => row.id)).toEqual([index]);
    }
    const echoed: Array<{ value: string }> = await dataSource.query('SELECT ? AS value', [STRINGS[STRINGS.length - 1]]);
    expect(echoed[0].value).toBe(STRINGS[STRINGS.length - 1]);
  }

  it('writes and finds every string exactly, in a multi-row insert and alone', async () => {
    // every service's connections format their statements with it
    expect((dataSource.options as { extra?: { queryFormat?: unknown } }).extra?.queryFormat).toBe(formatQuery);
    await roundTrip();
    expect(await dataSource.query('SHOW TABLES')).toHaveLength(1);
  });

  it('does so also where the server reads "…" as an identifier (ANSI_QUOTES)', async () => {
    await dataSource.transaction(async (manager) => {
      await manager.query(`SET SESSION sql_mode = CONCAT(@@SESSION.sql_mode, ',ANSI_QUOTES')`);
      try {
        const rows = STRINGS.map((text, index) => [index, text, null]);
        await manager.query('INSERT INTO probe (id, text, doc) VALUES ?', [rows]);
        const stored: Array<{ text: string }> = await manager.query('SELECT text FROM probe ORDER BY id');
        expect(stored.map((row) => row.text)).toEqual(STRINGS);
      } finally {
        await manager.query(`SET SESSION sql_mode = REPLACE(@@SESSION.sql_mode, 'ANSI_QUOTES', '')`);
      }
    });
  });
});
