import { describeServerStop, secondsAtCheckpointLimit, serverStops, type TimelineSample } from './timeline';

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
