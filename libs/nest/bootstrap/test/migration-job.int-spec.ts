import { CommonEnvironment } from '@support/platform';
import { dropDatabasesWithPrefix, TEST_DATABASE_URL, throwawayPrefix } from '@support/testing-core';
import { runMigrationJob, type ServiceManifest } from '../src';

/** A service with only the messaging tables: what every service's migrations job starts with. */
const MANIFEST: ServiceManifest = {
  name: 'jobtest',
  database: 'jobtest',
  Environment: CommonEnvironment,
  portVariable: 'JOBTEST_PORT',
  port: () => 3999,
  entities: [],
  migrations: [],
  consumes: false,
};

describe('the migrations job (node migrate.js up | down | wait)', () => {
  const prefix = throwawayPrefix('job');
  const source = { DATABASE_URL: TEST_DATABASE_URL, DB_NAME_PREFIX: prefix, MIGRATION_WAIT_TIMEOUT_S: '3' };
  const lines: string[] = [];
  const write = (line: string) => lines.push(line);

  afterAll(() => dropDatabasesWithPrefix(prefix));

  it('wait fails, naming the Job, while the database lacks its migrations', async () => {
    await expect(runMigrationJob([MANIFEST], 'wait', source, write)).rejects.toThrow(
      "jobtest: migrations still pending after 3 s; has this release's migrations Job run?",
    );
    expect(lines).toContain('jobtest: waiting for the migrations Job');
  });

  it('up creates the database and applies the migrations; wait then returns at once', async () => {
    lines.length = 0;
    await runMigrationJob([MANIFEST], 'up', source, write);
    expect(lines[0]).toMatch(/^jobtest: applied CreateMessagingTables/);
    await runMigrationJob([MANIFEST], 'up', source, write);
    expect(lines[1]).toBe('jobtest: up to date');
    await runMigrationJob([MANIFEST], 'wait', source, write);
    expect(lines[2]).toBe('jobtest: every migration applied');
  });

  it('down reverts one migration, after which wait holds again; anything else is refused', async () => {
    lines.length = 0;
    await runMigrationJob([MANIFEST], 'down', source, write);
    expect(lines).toEqual(['jobtest: reverted the last migration']);
    await expect(runMigrationJob([MANIFEST], 'wait', { ...source, MIGRATION_WAIT_TIMEOUT_S: '1' }, write)).rejects.toThrow('still pending');
    await expect(runMigrationJob([MANIFEST], 'sideways', source, write)).rejects.toThrow(
      'direction must be up, down or wait, got "sideways"',
    );
  });
});
