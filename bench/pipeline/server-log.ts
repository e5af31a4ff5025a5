/**
 * What the database server wrote to its own error log while the pipeline ran. InnoDB says there
 * what the bench's counters cannot: a stop seen at the checkpoint limit on 2026-12-07 was
 * "InnoDB: Long wait (5 seconds) for double-write buffer flush", one write of its own still
 * pending with the checkpoint age at 97 %. The log is read only where the bench can open it: a
 * server on this machine whose `log_error` names a file the bench may read (the machine's own
 * server as root, or `--own-database`'s); otherwise the report says why not.
 */
import { parseDatabaseUrl } from '@support/persistence';
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import path from 'node:path';
import { createConnection } from 'mysql2/promise';

export interface ServerLogEntry {
  /** as the server wrote it: "2026-12-07 2:25:12" */
  time: string;
  /** Note, Warning, ERROR */
  level: string;
  message: string;
  /** the lines after it that carry no time of their own, and for a long wait the state InnoDB wrote with it */
  details: string[];
}

/** "2026-12-07  2:25:12 0 [Note] InnoDB: …": MariaDB pads a one-digit hour with a space */
const ENTRY = /^(\d{4}-\d{2}-\d{2})\s+(\d{1,2}:\d{2}:\d{2})\s+\d+\s+\[(\w+)\]\s+(.*)$/;
/** InnoDB telling of a long wait: for the doublewrite buffer, or on a latch ("A long semaphore wait") */
const LONG_WAIT = /\bLong (semaphore )?wait\b/i;
/** what a pipeline run is about: the server's errors and warnings, and InnoDB telling of a long wait */
const WORTH_REPORTING = (entry: ServerLogEntry) =>
  (entry.level === 'ERROR' || entry.level === 'Warning' || LONG_WAIT.test(entry.message)) &&
  // the bench's own connections closed without a goodbye (its counters and probes): not the run's
  !/^Aborted connection /.test(entry.message);

/** The entries of an error log's text worth a pipeline run's report, each with the lines that follow it. */
export function parseServerLog(text: string): ServerLogEntry[] {
  const entries: ServerLogEntry[] = [];
  let current: ServerLogEntry | null = null;
  for (const line of text.split('\n')) {
    const match = ENTRY.exec(line);
    if (match) {
      current = { time: `${match[1]} ${match[2]}`, level: match[3], message: match[4].trim(), details: [] };
      entries.push(current);
    } else if (current && line.trim() !== '') {
      current.details.push(line.trim());
    }
  }
  // InnoDB follows a long wait with its state, as entries of their own in the same second (buffer
  // pool pages, checkpoint age, pending I/O): those become the wait's details
  const kept: ServerLogEntry[] = [];
  let wait: ServerLogEntry | null = null;
  for (const entry of entries) {
    if (WORTH_REPORTING(entry)) {
      kept.push(entry);
      wait = LONG_WAIT.test(entry.message) ? entry : null;
    } else if (wait && entry.time === wait.time && entry.level === 'Note') {
      wait.details.push(entry.message, ...entry.details);
    } else {
      wait = null;
    }
  }
  return kept;
}

/** One entry in words: its time and message, with the checkpoint age and pending I/O of InnoDB's dump when it has one. */
export function describeServerLogEntry(entry: ServerLogEntry): string {
  const detail = (pattern: RegExp) => entry.details.map((line) => pattern.exec(line)?.[1]).find((value) => value !== undefined);
  const facts: string[] = [];
  const age = detail(/^Current Age\s*:\s*\d+\s*:\s*(\d+)\s*%/);
  if (age !== undefined) facts.push(`checkpoint age ${age} %`);
  const writes = detail(/^Pending Write\s*:\s*(\d+)/);
  if (writes !== undefined) facts.push(`writes pending ${writes}`);
  const reads = detail(/^Pending Read\s*:\s*(\d+)/);
  if (reads !== undefined) facts.push(`reads pending ${reads}`);
  const time = entry.time.split(' ')[1] ?? entry.time;
  return `${time} [${entry.level}] ${entry.message}${facts.length ? ` (${facts.join(', ')})` : ''}`;
}

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '::1']);
/** most of the log read at the end of a run: a server writing more than this is named by its first entries */
const MAX_READ_BYTES = 4 * 1024 * 1024;

/** The server's error log from the moment `open` found its end: `read` gives what was written since. */
export class ServerLog {
  private constructor(
    readonly file: string | null,
    /** why the log cannot be read (null when it can) */
    readonly unreadable: string | null,
    private readonly offset: number,
  ) {}

  static async open(databaseUrl: string): Promise<ServerLog> {
    const server = parseDatabaseUrl(databaseUrl);
    if (!LOCAL_HOSTS.has(server.host)) return new ServerLog(null, `the server is not on this machine (${server.host})`, 0);
    let setting: { log: string; datadir: string };
    try {
      const connection = await createConnection(server);
      try {
        const [rows] = await connection.query('SELECT @@log_error AS log, @@datadir AS datadir');
        setting = (rows as Array<{ log: string; datadir: string }>)[0];
      } finally {
        await connection.end();
      }
    } catch (error) {
      // the log is a diagnosis: a server that will not say where it is must not stop the bench
      return new ServerLog(null, `the server did not say where its log is (${(error as Error).message})`, 0);
    }
    if (!setting.log) return new ServerLog(null, 'the server writes its log to its standard error (log_error is empty)', 0);
    const file = path.resolve(setting.datadir, setting.log);
    try {
      const fd = openSync(file, 'r');
      closeSync(fd);
      return new ServerLog(file, null, statSync(file).size);
    } catch (error) {
      return new ServerLog(file, `${file} cannot be read here (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`, 0);
    }
  }

  /** The entries worth reporting written since `open` (none when the log cannot be read). */
  read(): ServerLogEntry[] {
    if (!this.file || this.unreadable) return [];
    try {
      const size = statSync(this.file).size;
      // a log rotated or truncated since: read it from its start
      const from = size < this.offset ? 0 : this.offset;
      const length = Math.min(size - from, MAX_READ_BYTES);
      if (length <= 0) return [];
      const buffer = Buffer.alloc(length);
      const fd = openSync(this.file, 'r');
      try {
        readSync(fd, buffer, 0, length, from);
      } finally {
        closeSync(fd);
      }
      return parseServerLog(buffer.toString('utf8'));
    } catch {
      return [];
    }
  }
}
