import { ConsumerSupervisor, type ConsumerSupervisorHooks } from './consumer-supervisor';

/** A supervisor on a hand-driven clock: scheduled restarts run when the test says so. */
function harness(options: { maxRestarts?: number; brokerUp?: boolean; restartFails?: boolean } = {}) {
  let now = 0;
  let broker = options.brokerUp ?? true;
  const pending: Array<{ at: number; work: () => void }> = [];
  const restarts: number[] = [];
  const delays: number[] = [];
  const hooks: ConsumerSupervisorHooks = {
    restart: async () => {
      restarts.push(now);
      if (options.restartFails) throw new Error('connect ECONNREFUSED');
    },
    brokerReachable: async () => broker,
    now: () => now,
    schedule: (work, ms) => {
      delays.push(ms);
      const entry = { at: now + ms, work };
      pending.push(entry);
      return () => pending.splice(pending.indexOf(entry), 1);
    },
  };
  const supervisor = new ConsumerSupervisor(
    { maxRestarts: options.maxRestarts ?? 3, initialBackoffMs: 1000, maxBackoffMs: 5000, stableAfterMs: 60_000 },
    hooks,
  );
  return {
    supervisor,
    restarts,
    delays,
    pending,
    setBroker: (up: boolean) => (broker = up),
    advance: (ms: number) => (now += ms),
    /** runs the next scheduled restart */
    async fire() {
      const next = pending.shift();
      if (!next) throw new Error('no restart scheduled');
      now = Math.max(now, next.at);
      next.work();
      await new Promise((resolve) => setImmediate(resolve));
    },
  };
}

const crash = new Error('The coordinator answered SyncGroup with INVALID_REQUEST');

describe('ConsumerSupervisor', () => {
  it('restarts a crashed consumer after a doubling back-off and reports it consuming once it joins again', async () => {
    const h = harness();
    h.supervisor.joined();
    expect(h.supervisor.consuming).toBe(true);
    await h.supervisor.crashed(crash);
    expect(h.supervisor.state).toBe('restarting');
    expect(h.supervisor.consuming).toBe(false);
    expect(h.supervisor.health().lastError).toContain('INVALID_REQUEST');
    await h.fire();
    expect(h.restarts).toHaveLength(1);
    h.supervisor.joined();
    expect(h.supervisor.state).toBe('joined');
    await h.supervisor.crashed(crash);
    await h.fire();
    expect(h.delays).toEqual([1000, 2000]);
  });

  it('gives up after maxRestarts crashes in a row while the broker answers', async () => {
    const h = harness({ maxRestarts: 2 });
    for (let n = 0; n < 2; n++) {
      await h.supervisor.crashed(crash);
      await h.fire();
      h.supervisor.joined();
    }
    await h.supervisor.crashed(crash);
    expect(h.supervisor.failed).toBe(true);
    expect(h.supervisor.state).toBe('failed');
    expect(h.pending).toHaveLength(0);
    // a late join event does not revive a consumer declared failed
    h.supervisor.joined();
    expect(h.supervisor.failed).toBe(true);
  });

  it('counts a restart that fails as another crash', async () => {
    const h = harness({ maxRestarts: 2, restartFails: true });
    await h.supervisor.crashed(crash);
    await h.fire();
    await h.fire();
    expect(h.supervisor.failed).toBe(true);
    expect(h.restarts).toHaveLength(2);
  });

  it('does not count crashes while the broker does not answer, and keeps retrying', async () => {
    const h = harness({ maxRestarts: 1, brokerUp: false, restartFails: true });
    await h.supervisor.crashed(new Error('Connection error: connect ECONNREFUSED'));
    for (let n = 0; n < 5; n++) await h.fire();
    expect(h.supervisor.failed).toBe(false);
    expect(h.supervisor.health().crashes).toBe(0);
    expect(h.restarts).toHaveLength(5);
    expect(h.delays.every((ms) => ms === 5000)).toBe(true);
  });

  it('starts counting again after a join that held', async () => {
    const h = harness({ maxRestarts: 1 });
    await h.supervisor.crashed(crash);
    await h.fire();
    h.supervisor.joined();
    h.advance(61_000);
    await h.supervisor.crashed(crash);
    expect(h.supervisor.failed).toBe(false);
    expect(h.supervisor.health().crashes).toBe(1);
  });

  it('stops restarting once stopped', async () => {
    const h = harness();
    await h.supervisor.crashed(crash);
    h.supervisor.stop();
    expect(h.pending).toHaveLength(0);
    expect(h.supervisor.state).toBe('stopped');
    await h.supervisor.crashed(crash);
    expect(h.pending).toHaveLength(0);
  });

  it('stays consuming through a rebalance after it has joined, not before', () => {
    const h = harness();
    h.supervisor.rebalancing();
    expect(h.supervisor.consuming).toBe(false);
    h.supervisor.joined();
    h.supervisor.rebalancing();
    expect(h.supervisor.state).toBe('rebalancing');
    expect(h.supervisor.consuming).toBe(true);
  });
});
