/**
 * The MySQL server's own counters (SHOW GLOBAL STATUS), read before and after a step: what the
 * pipeline cost in statements, commits and fsyncs. Server-wide: anything else using the server in
 * the meantime is counted too.
 */
import { parseDatabaseUrl } from '@support/persistence';
import { createConnection, type Connection } from 'mysql2/promise';

/** The data-changing and reading statements counted as "statements" (Com_* counters). */
export const STATEMENT_COUNTERS = [
  'Com_select',
  'Com_insert',
  'Com_insert_select',
  'Com_update',
  'Com_update_multi',
  'Com_delete',
  'Com_delete_multi',
  'Com_replace',
  'Com_replace_select',
] as const;

const COUNTERS = [
  ...STATEMENT_COUNTERS,
  'Com_commit',
  'Com_rollback',
  'Com_begin',
  'Questions',
  'Innodb_data_fsyncs',
  'Innodb_os_log_fsyncs',
  'Innodb_log_writes',
  'Innodb_os_log_written',
  'Innodb_buffer_pool_pages_flushed',
  'Handler_commit',
] as const;
export type Counter = (typeof COUNTERS)[number];
export type CounterValues = Record<Counter, number>;

export class ServerCounters {
  private constructor(private readonly connection: Connection) {}

  static async open(databaseUrl: string): Promise<ServerCounters> {
    return new ServerCounters(await createConnection(parseDatabaseUrl(databaseUrl)));
  }

  async read(): Promise<CounterValues> {
    return readStatus(this.connection, COUNTERS);
  }

  /** Rows of a table (one more Com_select in the counters). */
  async countRows(database: string, table: string): Promise<number> {
    const [rows] = await this.connection.query(`SELECT COUNT(*) AS n FROM \`${database}\`.\`${table}\``);
    return Number((rows as Array<{ n: number | string }>)[0].n);
  }

  close(): Promise<void> {
    return this.connection.end();
  }
}

/**
 * The named variables of SHOW GLOBAL STATUS, in one query; NaN for one this server does not have
 * (MariaDB 10.8+ dropped Innodb_os_log_fsyncs).
 */
export async function readStatus<Name extends string>(connection: Connection, names: readonly Name[]): Promise<Record<Name, number>> {
  const [rows] = await connection.query(`SHOW GLOBAL STATUS WHERE Variable_name IN (${names.map(() => '?').join(', ')})`, [...names]);
  const values = Object.fromEntries(names.map((name) => [name, Number.NaN])) as Record<Name, number>;
  for (const row of rows as Array<{ Variable_name: string; Value: string }>) {
    const name = names.find((candidate) => candidate.toLowerCase() === row.Variable_name.toLowerCase());
    if (name) values[name] = Number(row.Value);
  }
  return values;
}

/** Every counter of SHOW GLOBAL STATUS, by name, on a connection of its own (the diagnostics' one-off reads). */
export async function globalStatus(databaseUrl: string): Promise<Record<string, number>> {
  const connection = await createConnection(parseDatabaseUrl(databaseUrl));
  try {
    const [rows] = await connection.query('SHOW GLOBAL STATUS');
    return Object.fromEntries(
      (rows as Array<{ Variable_name: string; Value: string }>).map((row) => [row.Variable_name, Number(row.Value)]),
    );
  } finally {
    await connection.end();
  }
}

export function difference(after: CounterValues, before: CounterValues): CounterValues {
  return Object.fromEntries(Object.keys(after).map((name) => [name, after[name as Counter] - before[name as Counter]])) as CounterValues;
}

export const statements = (values: CounterValues) => STATEMENT_COUNTERS.reduce((sum, name) => sum + values[name], 0);
