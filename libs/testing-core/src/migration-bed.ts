/// <reference types="jest" />
// a Jest suite's helper: the globals come from Jest at run time (importing @jest/globals here would
// throw in the bench, which loads this library outside Jest)
import { dropDatabase, ensureDatabase, mysqlDataSourceOptions, parseDatabaseUrl } from '@support/persistence';
import { DataSource, type MigrationInterface } from 'typeorm';
import { TEST_DATABASE_URL, throwawayPrefix } from './throwaway-database';

/** A throw-away database at the schema one migration starts from, and that migration to run. */
export interface MigrationBed {
  /** the database with every migration before the one under test run (from `beforeAll` on) */
  readonly dataSource: DataSource;
  /** Runs the migration's `up` or `down` on a query runner of its own. */
  run(direction: 'up' | 'down'): Promise<void>;
}

/**
 * For a test of one migration (a Jest suite's scope: registers `beforeAll` and `afterAll`): a
 * throw-away database where every migration before `name` in `migrations` (a service's list) has
 * run, so the test can store what a live database holds and run the migration up and down over it.
 */
export function migrationBed(migrations: readonly unknown[], name: string, label: string, databaseUrl = TEST_DATABASE_URL): MigrationBed {
  const server = parseDatabaseUrl(databaseUrl);
  const database = `${throwawayPrefix(label)}db`;
  const index = migrations.findIndex((migration) => (migration as { name?: string }).name === name);
  if (index < 0) throw new Error(`migrationBed: no migration named ${name}`);
  let dataSource: DataSource | undefined;

  beforeAll(async () => {
    await ensureDatabase(server, database);
    dataSource = new DataSource(
      mysqlDataSourceOptions({
        server,
        database,
        entities: [],
        migrations: migrations.slice(0, index) as Array<new () => MigrationInterface>,
      }),
    );
    await dataSource.initialize();
    await dataSource.runMigrations();
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await dropDatabase(server, database);
  });

  return {
    get dataSource(): DataSource {
      if (!dataSource) throw new Error('migrationBed: the database is ready from beforeAll on');
      return dataSource;
    },
    async run(direction) {
      const migration = new (migrations[index] as new () => MigrationInterface)();
      const runner = this.dataSource.createQueryRunner();
      try {
        await migration[direction](runner);
      } finally {
        await runner.release();
      }
    },
  };
}
