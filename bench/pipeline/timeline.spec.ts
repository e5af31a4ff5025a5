import type { RequestRecord } from './load-protocol';
import {
  describeServerStop,
  innodbStatusFacts,
  machineCpu,
  machineTicks,
  secondsAtCheckpointLimit,
  secondsOfStep,
  serverStops,
  summarizeProcessList,
  type TimelineSample,
} from './timeline';

const START = 1_000_000;
const MAX_AGE = 80_000_000;

/** the sample taken at the end of `second` of the step: `commits` a second, the server at `cpu` % */
function sample(second: number, commits: number, cpu: number | null, ageShare = 0.5, diskMs: number | null = 3): TimelineSample {
  return {
    at: START + (second + 1) * 1000,
    cpu: { mariadbd: cpu, ticketing: 40 },
    cpuWait: {},
    server: { 'Com_commit/s': commits, Innodb_checkpoint_age: ageShare * MAX_AGE, Innodb_checkpoint_max_age: MAX_AGE },
    diskSyncMaxMs: diskMs,
  };
}

const busy = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, index) => sample(from + index, 400, 60, 0.9));

describe('serverStops', () => {
  it('finds the seconds in which the server all but stopped committing with little CPU, and what InnoDB and the disk did', () => {
    const samples = [...busy(0, 9), sample(10, 8, 4, 0.93, 2), sample(11, 0, 1, 0.96, 4), sample(12, 30, 9, 0.95, 3), ...busy(13, 29)];
    const stops = serverStops(samples, START, START + 30_000);
    expect(stops).toHaveLength(1);
    expect(stops[0]).toMatchObject({ from: 10, to: 12, serverCpuMax: 9, diskSyncMaxMs: 4 });
    expect(stops[0].checkpointAgePercent?.map(Math.round)).toEqual([93, 96]);
    expect(describeServerStop(stops[0])).toBe('seconds 10–12 (checkpoint age 93–96 %, server ≤ 9 % CPU, disk sync ≤ 4 ms)');
  });

  it('keeps stops that a busy second separates apart', () => {
    const samples = [...busy(0, 9), sample(10, 0, 2), ...busy(11, 19), sample(20, 1, 3), ...busy(21, 29)];
    expect(serverStops(samples, START, START + 30_000).map(({ from, to }) => [from, to])).toEqual([
      [10, 10],
      [20, 20],
    ]);
  });

  it('counts a second in which the whole machine fell under half busy while the server committed under a quarter of its median', () => {
    const idleMachine = (busyShare: number): TimelineSample => ({
      ...sample(10, 70, 13, 0.98, 6),
      machine: { busy: busyShare, iowait: 0, steal: 0 },
    });
    // 70 commits against a median of 400: more than a tenth, less than a quarter
    expect(serverStops([...busy(0, 9), idleMachine(38), ...busy(11, 19)], START, START + 20_000).map(({ from }) => from)).toEqual([10]);
    // the same second on a machine kept busy is the server working slowly, not stopped
    expect(serverStops([...busy(0, 9), idleMachine(90), ...busy(11, 19)], START, START + 20_000)).toEqual([]);
  });

  it('does not count a server that commits little while busy (it is working, not stopped)', () => {
    const samples = [...busy(0, 9), sample(10, 5, 95), ...busy(11, 19)];
    expect(serverStops(samples, START, START + 20_000)).toEqual([]);
  });

  it('leaves out the drain after the sends and steps too idle to tell', () => {
    const draining = [...busy(0, 9), sample(10, 0, 1), sample(11, 0, 1)];
    expect(serverStops(draining, START, START + 10_000)).toEqual([]);
    const idle = Array.from({ length: 10 }, (_, second) => sample(second, second === 5 ? 0 : 10, 5));
    expect(serverStops(idle, START, START + 10_000)).toEqual([]);
  });

  it("names the server's writes and fsyncs still pending in the stop's seconds", () => {
    const pending = (second: number, writes: number): TimelineSample => {
      const stopped = sample(second, 0, 1, 0.97, 2);
      return { ...stopped, server: { ...stopped.server, Innodb_data_pending_writes: writes, Innodb_data_pending_fsyncs: 0 } };
    };
    const [stop] = serverStops([...busy(0, 9), pending(10, 1), pending(11, 0), ...busy(12, 19)], START, START + 20_000);
    expect(stop).toMatchObject({ from: 10, to: 11, pendingWritesMax: 1, pendingFsyncsMax: 0 });
    expect(describeServerStop(stop)).toBe(
      "seconds 10–11 (checkpoint age 97 %, server ≤ 1 % CPU, disk sync ≤ 2 ms, server's writes pending ≤ 1, fsyncs pending ≤ 0)",
    );
    // none pending says nothing (the page cleaner's batches are not in these counters), and a
    // server without them (read as NaN) names none
    const [none] = serverStops([...busy(0, 9), pending(10, 0), ...busy(11, 19)], START, START + 20_000);
    expect(describeServerStop(none)).toBe('second 10 (checkpoint age 97 %, server ≤ 1 % CPU, disk sync ≤ 2 ms)');
    const [bare] = serverStops([...busy(0, 9), pending(10, Number.NaN), ...busy(11, 19)], START, START + 20_000);
    expect(bare.pendingWritesMax).toBeNull();
    expect(describeServerStop(bare)).toBe('second 10 (checkpoint age 97 %, server ≤ 1 % CPU, disk sync ≤ 2 ms)');
  });

  it("names what InnoDB's status said in the stop", () => {
    const stopped: TimelineSample = { ...sample(10, 0, 1, 0.97, 2), innodb: ['Pending writes: LRU 0, flush list 128'] };
    const [stop] = serverStops([...busy(0, 9), stopped, ...busy(11, 19)], START, START + 20_000);
    expect(describeServerStop(stop)).toBe(
      'second 10 (checkpoint age 97 %, server ≤ 1 % CPU, disk sync ≤ 2 ms, InnoDB: Pending writes: LRU 0, flush list 128)',
    );
  });

  it('names a stop without InnoDB gauges or a disk probe by its seconds alone', () => {
    const bare: TimelineSample = { at: START + 6000, cpu: {}, cpuWait: {}, server: { 'Com_commit/s': 0 }, diskSyncMaxMs: null };
    const samples = [...busy(0, 4), bare, ...busy(6, 9)];
    const [stop] = serverStops(samples, START, START + 10_000);
    expect(describeServerStop(stop)).toBe('second 5');
  });
});

describe('secondsAtCheckpointLimit', () => {
  it('counts the seconds of the sending period at 7/8 of the checkpoint maximum or more', () => {
    const samples = [
      sample(0, 400, 60, 0.5),
      sample(1, 400, 60, 0.875),
      sample(2, 400, 60, 0.97),
      sample(3, 400, 60, 0.86),
      sample(4, 400, 60, 0.99),
    ];
    // the last one is of the drain
    expect(secondsAtCheckpointLimit(samples, START, START + 4000)).toBe(2);
  });

  it('is null for a server that gives no checkpoint age', () => {
    const bare: TimelineSample = { at: START + 1000, cpu: {}, cpuWait: {}, server: { 'Com_commit/s': 100 }, diskSyncMaxMs: null };
    expect(secondsAtCheckpointLimit([bare], START, START + 1000)).toBeNull();
  });
});

/** a request scheduled at `second` + `offsetMs` of the step, sent (and written) `lagMs` later, answered `latencyMs` after its send */
const request = (second: number, offsetMs: number, lagMs: number, latencyMs: number, status = 201): RequestRecord => {
  const scheduledAt = START + second * 1000 + offsetMs;
  return [scheduledAt, scheduledAt + lagMs, scheduledAt + lagMs + latencyMs, status, `t-${second}-${offsetMs}`, null, scheduledAt + lagMs];
};

describe('what a stop names beside the server', () => {
  it("counts what the generator sent and got back in the stop, the machine's CPU and the server's busy connections", () => {
    const stopped = (second: number, threads: Record<string, number>, longestMs: number): TimelineSample => ({
      ...sample(second, 2, 3, 0.57, 2),
      machine: { busy: second === 10 ? 14 : 9, iowait: 1, steal: second === 11 ? 6 : 0 },
      serverThreads: { states: threads, longest: { ms: longestMs, state: 'Query: Update', statement: 'INSERT INTO ticket' } },
    });
    const samples = [
      ...busy(0, 9),
      stopped(10, { 'Query: Update': 12, 'Query: Commit': 1 }, 900),
      stopped(11, { 'Query: Update': 14 }, 1900),
      ...busy(12, 19),
    ];
    // sent on time in second 10 and 11, answered only after the stop (second 12)
    const records = [request(9, 500, 1, 100), request(10, 100, 2, 2000), request(10, 600, 1, 1500), request(11, 300, 1, 800)];
    const [stop] = serverStops(samples, START, START + 20_000, records);
    expect(stop).toMatchObject({ from: 10, to: 11, sent: 3, answered: 0, machineBusyMax: 14, stealMax: 6 });
    expect(stop.serverThreads?.states).toEqual({ 'Query: Update': 26, 'Query: Commit': 1 });
    expect(describeServerStop(stop)).toBe(
      'seconds 10–11 (checkpoint age 57 %, server ≤ 3 % CPU, disk sync ≤ 2 ms, generator sent 3, answered 0, machine ≤ 14 % busy, steal ≤ 6 %, ' +
        'connections 26 Query: Update, 1 Query: Commit; longest 1900 ms in Query: Update: INSERT INTO ticket)',
    );
  });
});

describe('secondsOfStep', () => {
  it('gives each scheduled second what the generator sent and got back in the same wall-clock second, and how late it sent', () => {
    const records = [request(0, 100, 2, 50), request(0, 900, 300, 20), request(1, 200, 5, 3000), request(1, 700, 1, 10, 0)];
    const seconds = secondsOfStep(records, () => undefined, START, []);
    expect(
      seconds.map(({ second, requests, sent, answered, generatorLagMaxMs }) => ({ second, requests, sent, answered, generatorLagMaxMs })),
    ).toEqual([
      // the second request of second 0 went out 300 ms late, in second 1, and was answered there
      { second: 0, requests: 2, sent: 1, answered: 1, generatorLagMaxMs: 300 },
      // the last one failed without an answer (status 0): sent, not answered
      { second: 1, requests: 1, sent: 3, answered: 1, generatorLagMaxMs: 5 },
    ]);
  });
});

describe('the machine and the server process list', () => {
  it("reads the machine's CPU ticks from /proc/stat and gives busy, iowait and steal as shares of all cores", () => {
    const before = machineTicks('cpu  100 0 50 800 10 0 0 0 0 0\ncpu0 1 2 3\n');
    const after = machineTicks('cpu  160 0 70 880 20 5 5 10 0 0\n');
    expect(before).toEqual({ busy: 150, idle: 800, iowait: 10, steal: 0 });
    const cpu = machineCpu(before, after);
    // 90 busy, 80 idle, 10 iowait, 10 steal of 190 ticks
    expect(cpu?.busy).toBeCloseTo((90 / 190) * 100);
    expect(cpu?.iowait).toBeCloseTo((10 / 190) * 100);
    expect(cpu?.steal).toBeCloseTo((10 / 190) * 100);
    expect(machineTicks('intr 1 2 3')).toBeNull();
    expect(machineCpu(null, after)).toBeNull();
  });

  it('sums the busy connections by command and state and keeps the longest-running statement', () => {
    const threads = summarizeProcessList([
      { command: 'Query', state: 'Update', ms: '120.5', statement: 'INSERT INTO outbox_message\n  (id) VALUES (1)' },
      { command: 'Query', state: 'Update', ms: 40, statement: 'INSERT INTO ticket' },
      { command: 'Query', state: 'Commit', ms: 300, statement: 'COMMIT' },
      { command: 'Connect', state: null, ms: 5, statement: null },
    ]);
    expect(threads.states).toEqual({ 'Query: Update': 2, 'Query: Commit': 1, Connect: 1 });
    // which statements were in each state, by their first 40 characters, whitespace folded
    expect(threads.statements).toEqual({
      'Query: Update | INSERT INTO outbox_message (id) VALUES (': 1,
      'Query: Update | INSERT INTO ticket': 1,
      'Query: Commit | COMMIT': 1,
    });
    expect(threads.longest).toEqual({ ms: 300, state: 'Query: Commit', statement: 'COMMIT' });
    expect(summarizeProcessList([]).longest).toBeNull();
  });
});

describe('innodbStatusFacts', () => {
  it("keeps InnoDB's pending I/O and its threads waiting on a latch, with where the first waits", () => {
    const status = [
      '----------',
      'SEMAPHORES',
      '----------',
      '--Thread 140104 has waited at buf0flu.cc line 2011 for 3.00 seconds the semaphore:',
      'SX-lock on RW-latch at 0x55d1 created in file buf0buf.cc line 1060',
      '--Thread 140105 has waited at log0log.cc line 912 for 2.00 seconds the semaphore:',
      'OS WAIT ARRAY INFO: reservation count 120',
      '--------',
      'FILE I/O',
      '--------',
      'Pending flushes (fsync): 0',
      '---',
      'LOG',
      '---',
      'Log sequence number 5183377026',
      '1 pending log flushes, 0 pending chkp writes',
      'Pending reads 0',
      'Pending writes: LRU 0, flush list 128',
    ].join('\n');
    expect(innodbStatusFacts(status)).toEqual([
      'Pending flushes (fsync): 0',
      '1 pending log flushes, 0 pending chkp writes',
      'Pending reads 0',
      'Pending writes: LRU 0, flush list 128',
      '2 thread(s) waiting on a latch, the first at buf0flu.cc line 2011 for 3.00 s',
    ]);
    expect(innodbStatusFacts('')).toEqual([]);
  });
});
