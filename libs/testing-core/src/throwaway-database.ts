import { dropDatabase, parseDatabaseUrl } from '@support/persistence';
import { createConnection } from 'mysql2/promise';
import { randomBytes } from 'node:crypto';

export const TEST_DATABASE_URL = process.env['DATABASE_URL'] ?? 'mysql://root@127.0.0.1:3306';

/** A database-name prefix no other run uses; the services create their databases under it. */
export function throwawayPrefix(label = 't'): string {
  return `${label.replace(/[^a-z0-9]/gi, '').slice(0, 12)}_${randomBytes(4).toString('hex')}_`;
}

/** Drops every database created under a throw-away prefix. */
export async function dropDatabasesWithPrefix(prefix: string, databaseUrl = TEST_DATABASE_URL): Promise<void> {
  const server = parseDatabaseUrl(databaseUrl);
  const connection = await createConnection({ ...server });
  try {
    const [rows] = await connection.query('SHOW DATABASES');
    const names = (rows as Array<{ Database: string }>).map((r) => r.Database).filter((n) => n.startsWith(prefix));
    for (const name of names) await dropDatabase(server, name);
  } finally {
    await connection.end();
  }
}

/** Runs a query on one service database of a test (for assertions on stored state). */
export async function queryDatabase<T = Record<string, unknown>>(
  database: string,
  sql: string,
  params: unknown[] = [],
  databaseUrl = TEST_DATABASE_URL,
): Promise<T[]> {
  const connection = await createConnection({ ...parseDatabaseUrl(databaseUrl), database, timezone: 'Z' });
  try {
    const [rows] = await connection.query(sql, params);
    return rows as T[];
  } finally {
    await connection.end();
  }
}
