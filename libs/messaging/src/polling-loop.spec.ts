import { PollingLoop } from './polling-loop';

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('PollingLoop', () => {
  it('runs another pass at once when nudged while a pass is in flight (the nudge is not lost)', async () => {
    let release: () => void = () => undefined;
    let passes = 0;
    const loop = new PollingLoop(
      async () => {
        passes += 1;
        // the first pass waits until the test lets it finish; later ones return at once
        if (passes === 1) await new Promise<void>((resolve) => (release = resolve));
        return { moreWaiting: false };
      },
      { intervalMs: 60_000 },
    );
    loop.start();
    await tick();
    expect(passes).toBe(1);
    loop.nudge(); // arrives during the first pass: its rows may have been committed too late for it
    release();
    for (let i = 0; i < 10 && passes < 2; i++) await tick();
    expect(passes).toBe(2);
    // no nudge during the second pass: the loop now sleeps its (long) interval
    for (let i = 0; i < 10; i++) await tick();
    expect(passes).toBe(2);
    loop.nudge();
    for (let i = 0; i < 10 && passes < 3; i++) await tick();
    expect(passes).toBe(3);
    await loop.stop();
  });

  it('a nudge during a failing pass does not skip the back-off', async () => {
    let passes = 0;
    let loop: PollingLoop | null = null;
    loop = new PollingLoop(
      async () => {
        passes += 1;
        loop?.nudge();
        throw new Error('database away');
      },
      { intervalMs: 60_000, maxBackoffMs: 60_000 },
    );
    loop.start();
    for (let i = 0; i < 20; i++) await tick();
    expect(passes).toBe(1);
    await loop.stop();
  });

  it('a nudged pass waits out the gap since the previous pass started, and takes every nudge of the gap at once', async () => {
    jest.useFakeTimers();
    try {
      const startedAt: number[] = [];
      const loop = new PollingLoop(
        async () => {
          startedAt.push(Date.now());
          return { moreWaiting: false };
        },
        { intervalMs: 60_000, minGapMs: 50 },
      );
      const t0 = Date.now();
      loop.start();
      await jest.advanceTimersByTimeAsync(0);
      expect(startedAt).toHaveLength(1);
      // five commits announced 10 ms apart: one pass for them, 50 ms after the first pass
      for (let i = 0; i < 5; i++) {
        loop.nudge();
        await jest.advanceTimersByTimeAsync(10);
      }
      expect(startedAt.map((at) => at - t0)).toEqual([0, 50]);
      // an idle loop answers a nudge at once once the gap has passed
      await jest.advanceTimersByTimeAsync(500);
      loop.nudge();
      await jest.advanceTimersByTimeAsync(0);
      expect(startedAt.map((at) => at - t0)).toEqual([0, 50, 550]);
      const stopped = loop.stop();
      await jest.advanceTimersByTimeAsync(0);
      await stopped;
    } finally {
      jest.useRealTimers();
    }
  });
});
