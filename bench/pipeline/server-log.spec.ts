import { describeServerLogEntry, parseServerLog, ServerLog } from './server-log';

/** the machine's server's log around the stop of 2026-12-07 02:25 (its first lines, the stop, the bench's connections after) */
const LOG = `2026-12-07  2:22:02 0 [Note] Starting MariaDB 10.11.19-MariaDB-0+deb12u1 source revision 5843d8475120241667a7ce0f8a1abb6c9b43a273 as process 3862
2026-12-07  2:22:02 0 [Note] InnoDB: Using io_uring
2026-12-07  2:22:03 3 [Warning] Aborted connection 3 to db: 'unconnected' user: 'unauthenticated' host: '127.0.0.1' (This connection closed normally without authentication)
2026-12-07  2:25:12 0 [Note] InnoDB: Long wait (5 seconds) for double-write buffer flush.
2026-12-07  2:25:12 0 [Note] InnoDB: Buffer Pool pages
-------------------
LRU Pages  : 6576
Free Pages : 1536
Dirty Pages: 4674 : 57%
-------------------
2026-12-07  2:25:12 0 [Note] InnoDB: LSN age parameters
-------------------
Current Age   : 78739696 : 97%
Max Age(Async): 70717088
-------------------
2026-12-07  2:25:12 0 [Note] InnoDB: Pending IO count
-------------------
Pending Read : 0
Pending Write: 1
-------------------
2026-12-07 12:27:19 51 [Warning] Aborted connection 51 to db: 'unconnected' user: 'root' host: '127.0.0.1' (Got an error reading communication packets)
2026-12-07 12:30:00 0 [Warning] InnoDB: A long semaphore wait:
2026-12-07 12:31:00 0 [ERROR] InnoDB: Operating system error number 28 in a file operation.
`;

describe('parseServerLog', () => {
  it("keeps InnoDB's long waits, warnings and errors, not the bench's own connections closing", () => {
    const entries = parseServerLog(LOG);
    expect(entries.map(({ time, level, message }) => [time, level, message])).toEqual([
      ['2026-12-07 2:25:12', 'Note', 'InnoDB: Long wait (5 seconds) for double-write buffer flush.'],
      ['2026-12-07 12:30:00', 'Warning', 'InnoDB: A long semaphore wait:'],
      ['2026-12-07 12:31:00', 'ERROR', 'InnoDB: Operating system error number 28 in a file operation.'],
    ]);
  });

  it('names a long wait with the checkpoint age and the pending I/O InnoDB wrote with it', () => {
    const [wait] = parseServerLog(LOG);
    expect(describeServerLogEntry(wait)).toBe(
      '2:25:12 [Note] InnoDB: Long wait (5 seconds) for double-write buffer flush. (checkpoint age 97 %, writes pending 1, reads pending 0)',
    );
    // the state of another second is not the wait's
    const later = parseServerLog(LOG.replace('2:25:12 0 [Note] InnoDB: Pending IO count', '2:25:13 0 [Note] InnoDB: Pending IO count'));
    expect(describeServerLogEntry(later[0])).toBe(
      '2:25:12 [Note] InnoDB: Long wait (5 seconds) for double-write buffer flush. (checkpoint age 97 %)',
    );
  });
});

describe('ServerLog', () => {
  it('does not look for the log of a server on another machine', async () => {
    const log = await ServerLog.open('mysql://root@db.example.internal:3306');
    expect(log.unreadable).toBe('the server is not on this machine (db.example.internal)');
    expect(log.read()).toEqual([]);
  });

  it('says why when the server will not say where its log is, without failing the run', async () => {
    // nothing listens on port 1
    const log = await ServerLog.open('mysql://root@127.0.0.1:1');
    expect(log.unreadable).toMatch(/^the server did not say where its log is \(.*ECONNREFUSED/);
    expect(log.read()).toEqual([]);
  });
});
