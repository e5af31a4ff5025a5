import { CpuSpeedProbe, parseReading, speedCell, speedSection, summarize, withCpuSpeed, type SpeedReading } from './cpu-speed';
import { sleep } from './stats';

describe('CPU speed probe', () => {
  it("reads the probe's lines and nothing else", () => {
    expect(parseReading('1796625334775 803.2 50.92\n')).toEqual({ at: 1796625334775, compute: 803.2, memory: 50.92 });
    expect(parseReading('')).toBeNull();
    expect(parseReading('1796625334775 803.2')).toBeNull();
    expect(parseReading('Warning: something 12')).toBeNull();
    expect(parseReading('1796625334775 0 50')).toBeNull();
  });

  it('gives the medians of the readings within a window, inclusive', () => {
    const readings: SpeedReading[] = [
      { at: 1000, compute: 900, memory: 60 },
      { at: 2000, compute: 800, memory: 50 },
      { at: 3000, compute: 820, memory: 40 },
      { at: 4000, compute: 400, memory: 20 },
      { at: 5000, compute: 850, memory: 45 },
    ];
    expect(summarize(readings, 2000, 4000)).toEqual({ compute: 800, memory: 40, readings: 3 });
    expect(summarize(readings, 6000, 9000)).toEqual({ compute: null, memory: null, readings: 0 });
    expect(speedCell(summarize(readings, 2000, 4000))).toBe('800 / 40.0');
    expect(speedCell(summarize(readings, 6000, 9000))).toBeNull();
  });

  it("gives each part its medians, and its memory speed against the first part's that had readings", () => {
    const readings: SpeedReading[] = [
      { at: 1500, compute: 800, memory: 50 },
      { at: 2500, compute: 790, memory: 48 },
      { at: 3500, compute: 805, memory: 30 },
    ];
    const section = speedSection(readings, [
      { part: 'ceilings', from: 0, to: 1000 },
      { part: 'pipeline', from: 1000, to: 3000 },
      { part: 'search', from: 3000, to: 4000 },
    ]);
    expect(section.rows).toEqual([
      { part: 'ceilings', 'compute M/CPU-s': null, 'memory M/CPU-s': null, readings: 0, 'memory, % of the first part': null },
      { part: 'pipeline', 'compute M/CPU-s': 790, 'memory M/CPU-s': 48, readings: 2, 'memory, % of the first part': 100 },
      { part: 'search', 'compute M/CPU-s': 805, 'memory M/CPU-s': 30, readings: 1, 'memory, % of the first part': 63 },
    ]);
  });

  it('runs the probe in a process of its own, a reading a second, until stopped', async () => {
    const probe = CpuSpeedProbe.start();
    try {
      const started = Date.now();
      // two seconds of tiering up, then a reading a second
      while (probe.readings.length < 2 && Date.now() - started < 15_000) await sleep(100);
      expect(probe.readings.length).toBeGreaterThanOrEqual(2);
      for (const reading of probe.readings) {
        expect(reading.at).toBeGreaterThanOrEqual(started);
        expect(reading.compute).toBeGreaterThan(0);
        expect(reading.memory).toBeGreaterThan(0);
      }
      expect(probe.summary(started, Date.now()).readings).toBe(probe.readings.length);
    } finally {
      probe.stop();
    }
    const count = probe.readings.length;
    await sleep(1500);
    expect(probe.readings.length).toBe(count);
  }, 30_000);

  it("prints the machine's speed after a diagnostic's results, also when it fails", async () => {
    const lines: string[] = [];
    await withCpuSpeed(
      async () => {
        lines.push('results');
        // past the probe's first reading (some three seconds; more on a loaded machine)
        await sleep(10_000);
      },
      (line) => lines.push(line),
    );
    expect(lines[0]).toBe('results');
    expect(lines[1]).toMatch(
      /^CPU speed over the run \(bench\/cpu-speed.ts\), compute \/ memory in million loops per CPU-second: \d+ \/ \d+\.\d; /,
    );

    const failed: string[] = [];
    await expect(
      withCpuSpeed(
        () => Promise.reject(new Error('no database')),
        (line) => failed.push(line),
      ),
    ).rejects.toThrow('no database');
    expect(failed).toEqual(["CPU speed (bench/cpu-speed.ts): no reading (the run took less than the probe's first three seconds)"]);
  }, 30_000);
});
