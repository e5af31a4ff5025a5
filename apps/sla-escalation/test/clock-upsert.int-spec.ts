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
import { clockFromRecord, clockToJson } from '../src/clocks/clock-state';
import type { StopPublication } from '../src/clocks/clock-transition-events';
import { SlaClockRecord } from '../src/clocks/sla-clock.entity';
import { TIMERS_OF_CLOCKS } from '../src/clocks/timer-rows';
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
  const change = async (record: SlaClockRecord, at: Date, operate: (clock: SlaClock) => SlaClockStep, stop?: StopPublication) => {
    const caughtUp = fireDueTimers(clockFromRecord(record), policy, at);
    const step = operate(caughtUp.clock);
    const transitions = [...caughtUp.transitions, ...step.transitions];
    await replica.dataSource.transaction((manager) =>
      replica.ledger.write(manager, record, step.clock, transitions, {
        policy,
        origin: { correlationId: record.correlationId },
        now: at,
        stop,
      }),
    );
    return step.clock;
  };
  /** The stored row read back as a domain clock, and the keys its `state` column holds. */
  const readBack = async (id: string) => {
    const row = await stored(id);
    return { clock: clockFromRecord(row), stateKeys: Object.keys(row.state).sort() };
  };
  const SHORT_STATE = ['elapsedBeforePauseMs', 'outcome', 'pausedAt', 'pausedTotalMs', 'runningSince', 'segments'];
  /** A new urgent first-response clock, started at `base` and written once. */
  const startAndWrite = async () => {
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
    return { started, record };
  };

  it("stores every field of the record through a clock's life, and a later write leaves what the start fixed", async () => {
    const { started, record } = await startAndWrite();
    const atStart = await stored(record.id);
    expect(atStart).toEqual(record);
    // the row's columns and its short state give back the whole domain clock
    expect(await readBack(record.id)).toEqual({ clock: started.clock, stateKeys: SHORT_STATE });

    // every kind of change a clock goes through, each compared column by column with the record
    // and read back as the domain clock written
    const paused = await change(record, after(10 * MINUTE), (clock) => pauseClock(clock, after(10 * MINUTE), policy));
    expect(await stored(record.id)).toEqual(record);
    expect((await readBack(record.id)).clock).toEqual(paused);
    const resumed = await change(record, after(20 * MINUTE), (clock) => resumeClock(clock, after(20 * MINUTE), policy));
    expect(await stored(record.id)).toEqual(record);
    expect((await readBack(record.id)).clock).toEqual(resumed);
    expect(resumed.segments).toHaveLength(1);
    record.targetSource = 'policy';
    const retimed = await change(record, after(30 * MINUTE), (clock) => retimeClock(clock, 'high', 4 * HOUR, after(30 * MINUTE), policy));
    expect(await stored(record.id)).toMatchObject({ priority: 'high', targetMs: 4 * HOUR, targetSource: 'policy' });
    expect(await stored(record.id)).toEqual(record);
    expect((await readBack(record.id)).clock).toEqual(retimed);
    // warning, breach and escalations caught up on the way to a stop
    const ended = await change(record, after(9 * HOUR), (clock) => stopClock(clock, after(9 * HOUR), policy), {
      reason: 'ticket_solved',
      cancelsUnlessBreached: true,
    });
    expect((await readBack(record.id)).clock).toEqual(ended);
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

  it('reads a row that holds the whole clock in its state (written before the state shrank) and writes it back short', async () => {
    const { record } = await startAndWrite();
    const paused = await change(record, after(5 * MINUTE), (clock) => pauseClock(clock, after(5 * MINUTE), policy));
    // as the ledger wrote it before: every field of the clock in the state column
    await replica.dataSource.query('UPDATE sla_clock SET state = ? WHERE id = ?', [JSON.stringify(clockToJson(paused)), record.id]);
    const legacy = await readBack(record.id);
    expect(legacy.stateKeys).toContain('ticketId');
    expect(legacy.clock).toEqual(paused);

    const resumed = await change(await stored(record.id), after(15 * MINUTE), (clock) => resumeClock(clock, after(15 * MINUTE), policy));
    expect(await readBack(record.id)).toEqual({ clock: resumed, stateKeys: SHORT_STATE });
  });

  it("reads no timer rows for a clock's first write (it cannot have any yet), and its stored rows at a later write", async () => {
    const sent: string[] = [];
    const logger = replica.dataSource.logger;
    const logQuery = logger.logQuery;
    logger.logQuery = (query, parameters, runner) => {
      sent.push(query);
      return logQuery.call(logger, query, parameters, runner);
    };
    const timerReads = () => sent.filter((query) => query === TIMERS_OF_CLOCKS);
    try {
      const { started, record } = await startAndWrite();
      expect(timerReads()).toEqual([]);
      const timers = () => replica.dataSource.query('SELECT kind, due_at FROM sla_timer WHERE clock_id = ?', [record.id]);
      expect(await timers()).toEqual([{ kind: 'warning', due_at: started.clock.warningAt }]);

      await change(record, after(10 * MINUTE), (clock) => pauseClock(clock, after(10 * MINUTE), policy));
      expect(timerReads()).toHaveLength(1);
      expect(await timers()).toEqual([]);
    } finally {
      logger.logQuery = logQuery;
    }
  });
});
