import {
  defaultSlaPolicy,
  pauseClock,
  resumeClock,
  retimeClock,
  startClock,
  stopClock,
  type SlaClock,
  type SlaClockStep,
} from '@support/domain-sla';
import { randomUUID } from 'node:crypto';
import { fireDueTimers } from '../src/clocks/clock-ledger';
import { clockFromJson } from '../src/clocks/clock-state';
import type { StopPublication } from '../src/clocks/clock-transition-events';
import { SlaClockRecord } from '../src/clocks/sla-clock.entity';
import { proClockRecord, SettableTimeSource, TimerDatabase, type SchedulerReplica } from './timer-bed';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const policy = defaultSlaPolicy();
const base = new Date('2026-11-23T09:00:00.000Z');
const after = (ms: number) => new Date(base.getTime() + ms);

describe('clock upsert (sla_clock rows as the ledger writes them)', () => {
  let db: TimerDatabase;
  let replica: SchedulerReplica;

  beforeAll(async () => {
    db = await TimerDatabase.create('clockupsert');
    replica = await db.replica(new SettableTimeSource(base));
  });

  afterAll(() => db?.drop());

  const stored = (id: string) => replica.dataSource.manager.findOneByOrFail(SlaClockRecord, { id });

  /** As `ClockOperations.change` does: the thresholds due by `at` first, then the operation, in one write. */
  const change = (record: SlaClockRecord, at: Date, operate: (clock: SlaClock) => SlaClockStep, stop?: StopPublication) =>
    replica.dataSource.transaction(async (manager) => {
      const caughtUp = fireDueTimers(clockFromJson(record.state), policy, at);
      const step = operate(caughtUp.clock);
      const transitions = [...caughtUp.transitions, ...step.transitions];
      await replica.ledger.write(manager, record, step.clock, transitions, {
        policy,
        origin: { correlationId: record.correlationId },
        now: at,
        stop,
      });
    });

  it("stores every field of the record through a clock's life, and a later write leaves what the start fixed", async () => {
    const ticketId = randomUUID();
    const started = startClock({ ticketId, metric: 'first_response', priority: 'urgent', startedAt: base, targetMs: HOUR, policy });
    const record = proClockRecord(ticketId, policy.id, base);
    await replica.dataSource.transaction((manager) =>
      replica.ledger.write(manager, record, started.clock, started.transitions, {
        policy,
        origin: { correlationId: record.correlationId },
        now: base,
      }),
    );
    const atStart = await stored(record.id);
    expect(atStart).toEqual(record);

    // every kind of change a clock goes through, each compared column by column with the record
    await change(record, after(10 * MINUTE), (clock) => pauseClock(clock, after(10 * MINUTE), policy));
    expect(await stored(record.id)).toEqual(record);
    await change(record, after(20 * MINUTE), (clock) => resumeClock(clock, after(20 * MINUTE), policy));
    expect(await stored(record.id)).toEqual(record);
    record.targetSource = 'policy';
    await change(record, after(30 * MINUTE), (clock) => retimeClock(clock, 'high', 4 * HOUR, after(30 * MINUTE), policy));
    expect(await stored(record.id)).toMatchObject({ priority: 'high', targetMs: 4 * HOUR, targetSource: 'policy' });
    expect(await stored(record.id)).toEqual(record);
    // warning, breach and escalations caught up on the way to a stop
    await change(record, after(9 * HOUR), (clock) => stopClock(clock, after(9 * HOUR), policy), {
      reason: 'ticket_solved',
      cancelsUnlessBreached: true,
    });
    const stopped = await stored(record.id);
    expect(stopped).toMatchObject({ clockState: 'stopped', outcome: 'breached', stopReason: 'ticket_solved' });
    expect(stopped.breachedAt).not.toBeNull();
    expect(stopped.escalationLevel).toBeGreaterThan(0);
    expect(stopped).toEqual(record);
    expect(stopped.version).toBe(atStart.version + 4);

    // what the start fixed is never rewritten, even by a write that carries other values
    const fixed = {
      ticketId: record.ticketId,
      metric: record.metric,
      cycle: record.cycle,
      policyId: record.policyId,
      policyVersion: record.policyVersion,
      accountId: record.accountId,
      plan: record.plan,
      correlationId: record.correlationId,
      createdAt: record.createdAt,
    };
    Object.assign(record, { policyVersion: 2, accountId: 'acct-other', plan: 'enterprise', correlationId: 'corr-other' });
    await change(record, after(10 * HOUR), (clock) => ({ clock, transitions: [] }));
    expect(await stored(record.id)).toMatchObject({
      ...fixed,
      clockState: 'stopped',
      updatedAt: after(10 * HOUR),
      version: atStart.version + 5,
    });
  });
});
