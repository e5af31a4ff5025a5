import { describeMachine } from './machine';
import { startOwnDatabase } from './own-database';

describe('describeMachine', () => {
  it("names the server's InnoDB sizes and how it runs its connections, and the commit", async () => {
    const machine = await describeMachine(process.env['DATABASE_URL'] ?? 'mysql://root@127.0.0.1:3306');
    expect(machine.mysqlServer).toMatch(/^\S+ \(buffer pool \d+ MB, redo log \d+ MB, [a-z-]+\)$/);
    expect(machine.gitCommit).toMatch(/^[0-9a-f]{40}$/);
    expect(machine.cores).toBeGreaterThan(0);
  });

  it("says when the server runs a thread pool (BENCH_OWN_DATABASE_OPTIONS='--thread-handling=pool-of-threads')", async () => {
    const before = process.env['BENCH_OWN_DATABASE_OPTIONS'];
    process.env['BENCH_OWN_DATABASE_OPTIONS'] = '--thread-handling=pool-of-threads';
    try {
      const own = await startOwnDatabase(() => undefined, { bufferPool: '64M', redoLog: '48M' });
      try {
        expect((await describeMachine(own.url)).mysqlServer).toMatch(/\(buffer pool 64 MB, redo log 48 MB, pool-of-threads\)$/);
      } finally {
        await own.stop();
      }
    } finally {
      if (before === undefined) delete process.env['BENCH_OWN_DATABASE_OPTIONS'];
      else process.env['BENCH_OWN_DATABASE_OPTIONS'] = before;
    }
  }, 90_000);

  it('says the server is unreachable, with why, instead of failing the bench', async () => {
    const machine = await describeMachine('mysql://root@127.0.0.1:1');
    expect(machine.mysqlServer).toMatch(/^unreachable \(.+\)$/);
  });
});
