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
});
