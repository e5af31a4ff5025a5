import { Injectable } from '@nestjs/common';
import { SlaClockStarted } from '@support/contracts';
import {
  formatIsoDuration,
  pauseClock,
  pausesClock,
  retimeClock,
  startClock,
  stopClock,
  type SlaClock,
  type SlaClockStep,
  type SlaMetric,
  type SlaPolicy,
} from '@support/domain-sla';
import { OutboxWriter } from '@support/messaging';
import { v7 as uuidv7 } from 'uuid';
import { PolicyCatalogService, type PolicyInForce } from '../policies/policy-catalog.service';
import { fireDueTimers } from './clock-ledger';
import type { StopPublication } from './clock-transition-events';
import { ClockBatches, currentPriority, FINISHED_STATUSES, latestClock, type TicketSession } from './clock-session';
import { clockFromRecord } from './clock-state';
import { targetFor, type ClockTarget } from './clock-targets';
import { SlaClockRecord } from './sla-clock.entity';

/**
 * What the event handlers do to one ticket's clocks: start, re-time, pause, resume and stop
 * them, each change queued on the ticket's batch and written with the batch.
 */
@Injectable()
export class ClockOperations {
  constructor(
    private readonly policies: PolicyCatalogService,
    private readonly batches: ClockBatches,
    private readonly outbox: OutboxWriter,
  ) {}

  /**
   * A repeated decision means ticketing re-drove the ticket because it shows no decision or no
   * clock: its clock_started may be what was lost. A first-response clock that runs untouched
   * (not breached, not escalated) is announced again as it stands, same clockId, so the ticket
   * shows it; a clock that has moved on is left for its own events (ticketing then reports the
   * ticket as stuck once its re-drives are used up). Answers whether it was announced.
   */
  async reannounceRunningClock(session: TicketSession): Promise<boolean> {
    const clock = latestClock(session, 'first_response');
    if (!clock || clock.clockState !== 'running' || clock.breachedAt || clock.escalationLevel > 0 || !clock.dueAt || !clock.warningAt)
      return false;
    // pending writes of earlier events of this batch go out first, so the events stay in order
    await this.batches.flush(session.batch);
    await this.outbox.add(
      session.manager,
      SlaClockStarted,
      {
        clockId: clock.id,
        ticketId: clock.ticketId,
        metric: clock.metric,
        priority: clock.priority,
        startedAt: clock.startedAt.toISOString(),
        dueAt: clock.dueAt.toISOString(),
        warningAt: clock.warningAt.toISOString(),
        target: formatIsoDuration(clock.targetMs),
        policyId: clock.policyId,
        targetSource: clock.targetSource,
      },
      session.origin,
    );
    return true;
  }

  /** Starts every owed clock of an entitled ticket that has none of its metric; returns their metrics. */
  async startMissingClocks(session: TicketSession, owedFrom: Date): Promise<SlaMetric[]> {
    const started: SlaMetric[] = [];
    for (const metric of ['first_response', 'resolution'] as const) {
      if (latestClock(session, metric)) continue;
      const before = session.clocks.length;
      await this.startOwedClock(session, metric, owedFrom, await this.inForce(session), undefined);
      if (session.clocks.length > before) started.push(metric);
    }
    return started;
  }

  /** Starts a clock the ticket is owed, then brings it up to what is already known of the ticket. */
  async startOwedClock(
    session: TicketSession,
    metric: 'first_response' | 'resolution',
    startedAt: Date,
    inForce: PolicyInForce,
    previous: SlaClockRecord | undefined,
  ): Promise<void> {
    const { ticket } = session;
    const finishedAt = ticket.status && FINISHED_STATUSES.has(ticket.status) ? ticket.statusChangedAt : null;
    const respondedAt = ticket.firstRespondedAt;
    if (metric === 'first_response') {
      // answered before the deadline applied (a plan upgrade), or closed unanswered: nothing owed
      if (respondedAt && respondedAt <= startedAt) return;
      if (!respondedAt && finishedAt) return;
    } else if (ticket.status === 'rejected' || (finishedAt && finishedAt <= startedAt)) {
      return;
    }
    const target = targetFor(metric, currentPriority(ticket), ticket, inForce.policy);
    if (target === null) return;
    const record = this.start(session, metric, startedAt, target, inForce, (previous?.cycle ?? 0) + 1);
    await this.applyKnownStatus(session, record, startedAt);
    if (metric === 'first_response' && respondedAt) {
      await this.stopOnReply(session, record, respondedAt, 'first_responded');
    } else if (metric === 'resolution' && finishedAt) {
      await this.change(session, record, finishedAt, (clock, policy) => stopClock(clock, finishedAt, policy), {
        reason: `ticket_${ticket.status}`,
        cancelsUnlessBreached: false,
      });
    }
  }

  /** A new clock (its `cycle`-th of the metric on the ticket), running from `startedAt`. */
  start(
    session: TicketSession,
    metric: SlaMetric,
    startedAt: Date,
    target: ClockTarget,
    inForce: PolicyInForce,
    cycle: number,
  ): SlaClockRecord {
    const { ticket } = session;
    const step = startClock({
      ticketId: ticket.ticketId,
      metric,
      priority: currentPriority(ticket),
      startedAt,
      targetMs: target.targetMs,
      policy: inForce.policy,
    });
    const record = Object.assign(new SlaClockRecord(), {
      id: uuidv7(),
      ticketId: ticket.ticketId,
      metric,
      cycle,
      policyId: inForce.policy.id,
      policyVersion: inForce.version,
      accountId: ticket.accountId,
      plan: ticket.plan,
      targetSource: target.source,
      outcome: null,
      stopReason: null,
      elapsedMs: null,
      correlationId: session.origin.correlationId,
      createdAt: session.now,
    });
    session.batch.pending.push({
      record,
      clock: step.clock,
      transitions: step.transitions,
      change: { policy: inForce.policy, origin: session.origin, now: session.now },
    });
    session.clocks.push(record);
    return record;
  }

  /** A status seen before the clock existed may already pause it. */
  async applyKnownStatus(session: TicketSession, record: SlaClockRecord, startedAt: Date): Promise<void> {
    const { status, statusChangedAt } = session.ticket;
    if (!status || FINISHED_STATUSES.has(status)) return;
    const at = statusChangedAt && statusChangedAt > startedAt ? statusChangedAt : startedAt;
    await this.change(session, record, at, (clock, policy) =>
      pausesClock(policy, record.metric, status) ? pauseClock(clock, at, policy) : { clock, transitions: [] },
    );
  }

  /** Re-times the clock to the target the ticket's priority and plan now give it (or stops it if none). */
  async retimeToTarget(session: TicketSession, record: SlaClockRecord, at: Date): Promise<void> {
    const policy = await this.policyOf(session, record);
    const priority = currentPriority(session.ticket);
    const target = targetFor(record.metric, priority, session.ticket, policy);
    if (target === null) {
      // the policy sets no deadline for this metric at the new priority
      await this.change(session, record, at, (clock) => stopClock(clock, at, policy), { reason: 'no_target', cancelsUnlessBreached: true });
      return;
    }
    // a new owner of the number is written even when the target itself stays the same
    const sourceChanged = record.targetSource !== target.source;
    record.targetSource = target.source;
    await this.change(session, record, at, (clock) => retimeClock(clock, priority, target.targetMs, at, policy), undefined, sourceChanged);
  }

  stopOnReply(session: TicketSession, record: SlaClockRecord, at: Date, reason: string): Promise<void> {
    return this.change(session, record, at, (clock, policy) => stopClock(clock, at, policy), { reason, cancelsUnlessBreached: false });
  }

  /**
   * Applies one operation to a stored clock: first the thresholds it crossed before `at` (so a
   * breach that was due before a late reply is announced, with its escalation, before the stop),
   * then the operation itself. Nothing is written when nothing changed, unless `alwaysWrite`.
   */
  async change(
    session: TicketSession,
    record: SlaClockRecord,
    at: Date,
    operate: (clock: SlaClock, policy: SlaPolicy) => SlaClockStep,
    stop?: StopPublication,
    alwaysWrite = false,
  ): Promise<void> {
    // a write of this clock still pending must land on the record before it is read again
    if (session.batch.pending.some((write) => write.record === record)) await this.batches.flush(session.batch);
    const policy = await this.policyOf(session, record);
    const caughtUp = fireDueTimers(clockFromRecord(record), policy, at);
    const step = operate(caughtUp.clock, policy);
    const transitions = [...caughtUp.transitions, ...step.transitions];
    if (transitions.length === 0 && !alwaysWrite) return;
    session.batch.pending.push({
      record,
      clock: step.clock,
      transitions,
      change: { policy, origin: session.origin, now: session.now, stop },
    });
  }

  /** The policy in force, read once per batch. */
  async inForce(session: TicketSession): Promise<PolicyInForce> {
    session.batch.inForce ??= await this.policies.inForce(undefined, session.manager);
    return session.batch.inForce;
  }

  private policyOf(session: TicketSession, record: SlaClockRecord): Promise<SlaPolicy> {
    return this.policies.atVersion(record.policyId, record.policyVersion, session.manager);
  }
}
