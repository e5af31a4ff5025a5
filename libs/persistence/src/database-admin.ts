import { createConnection } from 'mysql2/promise';
import { assertDatabaseName, type DatabaseServer } from './database-url';

async function withServer<T>(server: DatabaseServer, work: (run: (sql: string) => Promise<unknown>) => Promise<T>): Promise<T> {
  const connection = await createConnection({ ...server, connectTimeout: 5000 });
  try {
    return await work((sql) => connection.query(sql));
  } finally {
    await connection.end();
  }
}

/** Creates the service's database when absent (utf8mb4, so every locale's text fits). */
export async function ensureDatabase(server: DatabaseServer, name: string): Promise<void> {
  assertDatabaseName(name);
  await withServer(server, (run) => run(`CREATE DATABASE IF NOT EXISTS \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`));
}

export async function dropDatabase(server: DatabaseServer, name: string): Promise<void> {
  assertDatabaseName(name);
  await withServer(server, (run) => run(`DROP DATABASE IF EXISTS \`${name}\``));
}

/** Throws with a message naming DATABASE_URL when the server does not answer. */
export async function pingServer(server: DatabaseServer): Promise<void> {
  try {
    await withServer(server, (run) => run('SELECT 1'));
  } catch (error) {
    throw new Error(
      `MySQL at ${server.host}:${server.port} (DATABASE_URL) does not answer as "${server.user}": ${(error as Error).message}`,
    );
  }
}
