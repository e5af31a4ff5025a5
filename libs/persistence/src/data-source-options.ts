import type { DataSourceOptions, MixedList, EntitySchema } from 'typeorm';
import type { DatabaseServer } from './database-url';
import { formatQuery } from './query-format';
import { CompactQueryLogger } from './query-logger';

export interface ServiceDatabase {
  server: DatabaseServer;
  database: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function | string>;
  /** only for throw-away test databases */
  synchronize?: boolean;
  poolSize?: number;
}

/**
 * TypeORM options shared by every service: UTC everywhere, millisecond timestamps, schema owned by
 * migrations (never synchronised outside throw-away databases).
 */
export function mysqlDataSourceOptions(db: ServiceDatabase): DataSourceOptions {
  return {
    type: 'mysql',
    host: db.server.host,
    port: db.server.port,
    username: db.server.user,
    password: db.server.password,
    ...(db.server.ssl ? { ssl: db.server.ssl } : {}),
    database: db.database,
    entities: db.entities,
    migrations: db.migrations,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    synchronize: db.synchronize ?? false,
    timezone: 'Z',
    charset: 'utf8mb4_unicode_ci',
    poolSize: db.poolSize ?? 10,
    // maxPreparedStatements: mysql2 gives every connection a cache of prepared statements, 16,000
    // entries by default, allocated whole when the connection opens (about 0.5 MB of heap each,
    // 5-10 MB per service). TypeORM sends text queries and prepares nothing, so a few will do.
    // queryFormat: mysql2's own statements, but JSON text written without escaping its double
    // quotes, which cost the services a sixth of their allocations (query-format.ts)
    extra: { connectTimeout: 5000, maxPreparedStatements: 16, queryFormat: formatQuery },
    logging: ['error', 'warn', 'migration'],
    // a Nest app replaces it with its JSON logger (PlatformModule)
    logger: new CompactQueryLogger(),
  };
}
