import { parseDatabaseUrl } from '@support/persistence';
import { createConnection } from 'mysql2/promise';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';

/** What a result is only comparable with: the machine, the software and the code it ran. */
export interface MachineInfo {
  date: string;
  cpuModel: string;
  cores: number;
  ramGiB: number;
  os: string;
  node: string;
  mysqlServer: string;
  gitCommit: string;
  /** files changed against the commit when the run started (another change may be in flight) */
  gitDirtyFiles: number;
}

const mebibytes = (bytes: number | string) => `${Math.round(Number(bytes) / 2 ** 20)} MB`;

export async function describeMachine(databaseUrl: string): Promise<MachineInfo> {
  let cpuModel = os.cpus()[0]?.model ?? 'unknown';
  try {
    const match = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    if (match) cpuModel = match[1].trim();
  } catch {
    // not Linux: os.cpus() is good enough
  }
  const git = (...args: string[]) => {
    try {
      return execFileSync('git', args, { cwd: __dirname, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    } catch {
      return '';
    }
  };
  let mysqlServer = 'unknown';
  try {
    const connection = await createConnection(parseDatabaseUrl(databaseUrl));
    try {
      const [rows] = await connection.query('SELECT VERSION() AS version');
      mysqlServer = (rows as Array<{ version: string }>)[0].version;
      // what InnoDB holds before it must write pages back: the figures depend on it (bench/README.md)
      const variable = (name: string) =>
        connection
          .query(`SELECT @@${name} AS value`)
          .then(([rows]) => (rows as Array<{ value: number | string | null }>)[0].value)
          .catch(() => null); // a server without it
      const bufferPool = await variable('innodb_buffer_pool_size');
      // MySQL 8.0.30 and later size the redo log with innodb_redo_log_capacity; MariaDB with its one log file
      const redoLog = (await variable('innodb_redo_log_capacity')) ?? (await variable('innodb_log_file_size'));
      // how it runs its connections: a thread pool (MariaDB's pool-of-threads; loaded-dynamically is
      // MySQL's thread pool plugin) cost the server less CPU a ticket on two cores (bench/README.md)
      const threads = await variable('thread_handling');
      const settings = [
        ...(bufferPool !== null && redoLog !== null ? [`buffer pool ${mebibytes(bufferPool)}`, `redo log ${mebibytes(redoLog)}`] : []),
        ...(threads !== null ? [String(threads)] : []),
      ];
      if (settings.length > 0) mysqlServer += ` (${settings.join(', ')})`;
    } finally {
      await connection.end();
    }
  } catch (error) {
    mysqlServer = `unreachable (${(error as Error).message})`;
  }
  return {
    date: new Date().toISOString(),
    cpuModel,
    cores: os.cpus().length,
    ramGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    mysqlServer,
    gitCommit: git('rev-parse', 'HEAD') || 'unknown',
    gitDirtyFiles: git('status', '--porcelain', '--untracked-files=no').split('\n').filter(Boolean).length,
  };
}
