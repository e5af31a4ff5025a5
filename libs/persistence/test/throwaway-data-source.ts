import { randomBytes } from 'node:crypto';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { dropDatabase, ensureDatabase, mysqlDataSourceOptions, parseDatabaseUrl, type ServiceDatabase } from '../src';

/**
 * A throw-away database for one test file on the real server, with a DataSource made by
 * `mysqlDataSourceOptions` as the services make theirs: created before the file's tests, dropped
 * after them. (testing-core's helpers build on this library, so they are not used here.) Returns
 * a getter: the DataSource exists only once `beforeAll` has run.
 */
export function useThrowawayDataSource(
  label: string,
  database: Pick<ServiceDatabase, 'entities'> & Partial<Pick<ServiceDatabase, 'poolSize' | 'synchronize'>>,
): () => DataSource {
  const server = parseDatabaseUrl(process.env['DATABASE_URL'] ?? 'mysql://root@127.0.0.1:3306');
  const name = `${label}_${randomBytes(4).toString('hex')}`;
  let dataSource: DataSource | undefined;

  beforeAll(async () => {
    await ensureDatabase(server, name);
    const options: DataSourceOptions = mysqlDataSourceOptions({ server, database: name, migrations: [], ...database });
    dataSource = new DataSource(options);
    await dataSource.initialize();
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await dropDatabase(server, name);
  });

  return () => {
    if (!dataSource) throw new Error('the throw-away DataSource exists only inside the tests');
    return dataSource;
  };
}
