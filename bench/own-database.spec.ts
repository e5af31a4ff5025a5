import { existsSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createConnection } from 'mysql2/promise';
import { deploySizes, extraServerOptions, startOwnDatabase } from './own-database';

describe('--own-database', () => {
  it("reads InnoDB's sizes from deploy/compose.yaml", () => {
    const compose = readFileSync(path.join(__dirname, '..', 'deploy', 'compose.yaml'), 'utf8');
    expect(deploySizes(compose)).toEqual({ bufferPool: '1G', redoLog: '2G' });
  });

  it('reads the sizes the file sets, not those its comments quote', () => {
    const compose = [
      '    # the default, --innodb-buffer-pool-size=128M, is too small',
      "    command: ['--innodb-buffer-pool-size=2G', '--innodb-redo-log-capacity=512M'] # not --innodb-redo-log-capacity=1G",
    ].join('\n');
    expect(deploySizes(compose)).toEqual({ bufferPool: '2G', redoLog: '512M' });
  });

  it('names the option it cannot find in the compose file', () => {
    expect(() => deploySizes("command: ['--innodb-buffer-pool-size=512M']")).toThrow(/no --innodb-redo-log-capacity=SIZE/);
  });

  it('takes more server options from BENCH_OWN_DATABASE_OPTIONS, and refuses anything that is not one', () => {
    expect(extraServerOptions({})).toEqual([]);
    expect(extraServerOptions({ BENCH_OWN_DATABASE_OPTIONS: ' --innodb-log-file-size=96M  --innodb-use-native-aio=0 ' })).toEqual([
      '--innodb-log-file-size=96M',
      '--innodb-use-native-aio=0',
    ]);
    expect(() => extraServerOptions({ BENCH_OWN_DATABASE_OPTIONS: '--innodb-use-native-aio=0 rm' })).toThrow(/"rm" is not a server option/);
  });

  it('starts a server of the sizes given that takes connections, and removes it and its data on stop', async () => {
    const lines: string[] = [];
    // small sizes: the redo log takes its whole size on disk at once (deploy's would need 2 GB free here)
    const own = await startOwnDatabase((line) => lines.push(line), { bufferPool: '64M', redoLog: '48M' });
    const directory = /data in (\S+)/.exec(lines.join('\n'))?.[1] as string;
    try {
      expect(existsSync(directory)).toBe(true);
      const url = new URL(own.url);
      const connection = await createConnection({ host: url.hostname, port: Number(url.port), user: 'root' });
      try {
        const [rows] = await connection.query('SELECT @@innodb_buffer_pool_size AS pool, @@innodb_log_file_size AS log, @@port AS port');
        expect((rows as Array<Record<string, number>>)[0]).toEqual({
          pool: 64 * 2 ** 20,
          log: 48 * 2 ** 20,
          port: Number(url.port),
        });
      } finally {
        await connection.end();
      }
      expect(readFileSync(`/proc/${own.pid}/comm`, 'utf8').trim()).toBe('mariadbd');
    } finally {
      await own.stop();
    }
    expect(existsSync(directory)).toBe(false);
    expect(existsSync(`/proc/${own.pid}`)).toBe(false);
  }, 90_000);

  it('says why when the server does not start, and leaves nothing behind', async () => {
    const leftovers = () => readdirSync(os.tmpdir()).filter((name) => name.startsWith('bench-mariadb-'));
    const before = leftovers();
    // a buffer pool size the server refuses
    await expect(startOwnDatabase(() => undefined, { bufferPool: '64Q', redoLog: '48M' })).rejects.toThrow(/mariadbd exited \(\d+\)/);
    expect(leftovers()).toEqual(before);
  }, 90_000);
});
