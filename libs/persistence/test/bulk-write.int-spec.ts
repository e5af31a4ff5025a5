import { Column, DataSource, Entity, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import { entityFromJsonObject, insertRows, jsonObjectOfColumns, updateRows } from '../src';
import { useThrowawayDataSource } from './throwaway-data-source';

@Entity('bulk_probe')
class Probe {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id: string;
  @Column({ type: 'varchar', length: 64 }) name: string;
  @Column({ type: 'varchar', length: 64, nullable: true }) note: string | null;
  @Column({ type: 'json' }) tags: string[];
  @Column({ type: 'json', nullable: true }) extra: Record<string, unknown> | null;
  @Column({ type: 'datetime', precision: 3 }) at: Date;
  @Column({ type: 'datetime', precision: 3, nullable: true }) later: Date | null;
  @Column({ type: 'boolean', default: false }) flag: boolean;
  @Column({ type: 'int', default: 7 }) count: number;
  @Column({ type: 'bigint', transformer: { to: (seconds: number) => seconds * 1000, from: (ms: string) => Number(ms) / 1000 } })
  seconds: number;
  @Column({ type: 'double' }) score: number;
  /** read only when asked for, as a large column may be */
  @Column({ type: 'text', nullable: true, select: false }) aside?: string | null;
  @VersionColumn() version: number;
}

function probe(overrides: Partial<Probe>): Probe {
  return Object.assign(new Probe(), {
    name: 'plain',
    note: null,
    tags: [],
    extra: null,
    at: new Date('2026-12-03T10:11:12.345Z'),
    later: null,
    seconds: 1.5,
    score: 0.125,
    ...overrides,
  });
}

/** Rows as varied as the services write: quotes, backslashes, Unicode, nested JSON, nulls, defaults left out. */
const SAMPLES: Probe[] = [
  probe({}),
  probe({
    name: `it's "quoted" \\ back\\slash`,
    note: 'ёлка – naïve 日本',
    tags: ['a', "b'c", 'd"e'],
    extra: { nested: { list: [1, null, 'x'] } },
    aside: 'read only when asked for',
  }),
  probe({ flag: true, count: 0, later: new Date('2027-01-01T00:00:00.001Z'), seconds: 3600, score: -2.5e-7 }),
  probe({ name: '', note: '', tags: ['ø'], extra: {}, at: new Date('1999-12-31T23:59:59.999Z') }),
];

describe('insertRows, updateRows and JSON rows (real MariaDB)', () => {
  const throwaway = useThrowawayDataSource('bulk', { entities: [Probe], synchronize: true });
  let dataSource: DataSource;
  beforeAll(() => (dataSource = throwaway()));

  beforeEach(() => dataSource.query('DELETE FROM bulk_probe'));

  /** Every stored row, as the server returns it, without the generated id, in insertion order. */
  async function stored(): Promise<Array<Record<string, unknown>>> {
    const rows: Array<Record<string, unknown>> = await dataSource.query('SELECT * FROM bulk_probe ORDER BY id');
    return rows.map(({ id: _id, ...rest }) => rest);
  }

  it('writes exactly what TypeORM’s own multi-row insert writes, in one statement', async () => {
    await dataSource
      .createQueryBuilder()
      .insert()
      .into(Probe)
      .values(SAMPLES as never[])
      .updateEntity(false)
      .execute();
    const byTypeorm = await stored();
    await dataSource.query('DELETE FROM bulk_probe');

    const statements: string[] = [];
    await dataSource.transaction(async (manager) => {
      const query = manager.queryRunner!.query.bind(manager.queryRunner);
      manager.queryRunner!.query = ((sql: string, ...rest: never[]) => {
        statements.push(sql);
        return query(sql, ...rest);
      }) as typeof query;
      await insertRows(manager, Probe, SAMPLES);
    });
    expect(statements.filter((sql) => sql !== 'COMMIT')).toEqual([expect.stringMatching(/^INSERT INTO `bulk_probe` \(/)]);
    const ours = await stored();
    expect(ours).toEqual(byTypeorm);
    // and the values are the ones given, defaults where none was
    expect(ours.map((row) => [row['flag'], row['count'], row['version'], row['seconds']])).toEqual([
      [0, 7, 1, '1500'],
      [0, 7, 1, '1500'],
      [1, 0, 1, '3600000'],
      [0, 7, 1, '1500'],
    ]);
    expect(ours[1]).toMatchObject({
      name: `it's "quoted" \\ back\\slash`,
      note: 'ёлка – naïve 日本',
      extra: { nested: { list: [1, null, 'x'] } },
    });
  });

  it('does nothing for no rows', async () => {
    await insertRows(dataSource.manager, Probe, []);
    expect(await stored()).toEqual([]);
  });

  it('updateRows writes the given properties of each row back in one statement and counts the version', async () => {
    await insertRows(dataSource.manager, Probe, SAMPLES);
    const rows = await dataSource.getRepository(Probe).find({ order: { id: 'ASC' } });
    rows[0].note = 'first';
    rows[0].seconds = 10;
    rows[2].note = null;
    rows[2].extra = { changed: true };
    rows[3].name = 'not written: not in the list';
    await updateRows(dataSource.manager, Probe, [rows[0], rows[2], rows[3]], ['note', 'seconds', 'extra']);
    const after = await dataSource.getRepository(Probe).find({ order: { id: 'ASC' } });
    expect(after.map((row) => [row.note, row.seconds, row.extra, row.name, row.version])).toEqual([
      ['first', 10, null, 'plain', 2],
      [SAMPLES[1].note, 1.5, SAMPLES[1].extra, SAMPLES[1].name, 1],
      [null, 3600, { changed: true }, 'plain', 2],
      ['', 1.5, {}, '', 2],
    ]);
  });

  it('entityFromJsonObject reads a row sent as jsonObjectOfColumns exactly as TypeORM reads it', async () => {
    await insertRows(dataSource.manager, Probe, SAMPLES);
    const byTypeorm = await dataSource.getRepository(Probe).find({ order: { id: 'ASC' } });
    const rows: Array<{ row: string | Record<string, unknown> }> = await dataSource.query(
      `SELECT ${jsonObjectOfColumns(dataSource, Probe, 'p')} AS row FROM bulk_probe p ORDER BY p.id`,
    );
    const fromJson = rows.map(({ row }) => entityFromJsonObject(dataSource, Probe, typeof row === 'string' ? JSON.parse(row) : row));
    expect(fromJson).toEqual(byTypeorm);
    expect(fromJson.every((probe) => probe instanceof Probe)).toBe(true);
    // a column declared select: false is left out, as find leaves it out
    expect(jsonObjectOfColumns(dataSource, Probe, 'p')).not.toMatch(/aside/);
    expect(fromJson[1].aside).toBeUndefined();
    // the values that JSON could blur: bigint ids as text, instants in UTC, flags as booleans
    expect(typeof fromJson[0].id).toBe('string');
    expect(fromJson[2]).toMatchObject({ flag: true, later: new Date('2027-01-01T00:00:00.001Z'), seconds: 3600 });
    expect(() => entityFromJsonObject(dataSource, Probe, { id: '1' })).toThrow(/bulk_probe\.name is missing/);
  });

  it('opens connections with a small prepared-statement cache (mysql2 allocates 16,000 entries otherwise)', async () => {
    const runner = dataSource.createQueryRunner();
    try {
      await runner.query('SELECT 1');
      // the real mysql2 connection behind TypeORM's runner, as the services' pools open them
      const connection = (await runner.connect()) as { config: { maxPreparedStatements: number }; _statements: { max: number } };
      expect(connection.config.maxPreparedStatements).toBe(16);
      expect(connection._statements.max).toBe(16);
    } finally {
      await runner.release();
    }
  });
});
