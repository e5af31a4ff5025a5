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
      const sizes = await connection
        .query('SELECT @@innodb_buffer_pool_size AS bufferPool, @@innodb_log_file_size AS redoLog')
        .then(([sized]) => (sized as Array<{ bufferPool: number | string; redoLog: number | string }>)[0])
        .catch(() => null); // a server without these variables: its version alone
      if (sizes) mysqlServer += ` (buffer pool ${mebibytes(sizes.bufferPool)}, redo log ${mebibytes(sizes.redoLog)})`;
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
