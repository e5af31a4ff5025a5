import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { SlaClockStarted, SlaClockStopped, type EntitlementCheckedV1, type SupportEvent } from '@support/contracts';
import {
  formatIsoDuration, parseIsoDuration, slaTargetMs, startClock, stopClock, type SlaClock,
} from '@support/domain-sla';
import { OutboxWriter, type HandlerContext } from '@support/messaging';
import type { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { PolicyCatalogService } from '../policies/policy-catalog.service';
import { clockFromJson, clockToJson } from './clock-state';
import { SlaClockRecord } from './sla-clock.entity';

@Injectable()
export class ClocksService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly policies: PolicyCatalogService,
    private readonly outbox: OutboxWriter,
  ) {}

  /**
   * An entitled decision starts the first-response clock at the ticket's creation (or, for a
   * plan upgrade, at the decision); a decision that withdraws the deadline stops a running one.
   */
  async applyDecision(event: SupportEvent<EntitlementCheckedV1>, context: HandlerContext): Promise<void> {
    const decision = event.data;
    const { manager } = context;
    const existing = await manager.findOne(SlaClockRecord, {
      where: { ticketId: decision.ticketId, metric: 'first_response' },
      lock: { mode: 'pessimistic_write' },
    });
    const policy = await this.policies.get(undefined, manager);

    if (decision.status !== 'entitled') {
      if (!existing || existing.clockState === 'stopped') return;
      const at = new Date(decision.decidedAt);
      const step = stopClock(clockFromJson(existing.state), at, policy);
      this.copyClock(existing, step.clock);
      existing.outcome = 'cancelled';
      await manager.save(existing);
      await this.outbox.add(manager, SlaClockStopped, {
        clockId: existing.id,
        ticketId: existing.ticketId,
        metric: existing.metric,
        priority: existing.priority,
        startedAt: existing.startedAt.toISOString(),
        stoppedAt: at.toISOString(),
        dueAt: existing.dueAt?.toISOString() ?? null,
        outcome: 'cancelled',
        reason: 'entitlement_revoked',
      }, context.origin);
      return;
    }
    if (existing && existing.clockState !== 'stopped') return;

    const targetMs = decision.slaTarget
      ? parseIsoDuration(decision.slaTarget)
      : slaTargetMs(policy, 'first_response', decision.priority);
    if (targetMs === null) return;
    const startedAt = decision.trigger === 'plan_changed' ? new Date(decision.decidedAt) : new Date(decision.ticketCreatedAt);
    const step = startClock({
      ticketId: decision.ticketId,
      metric: 'first_response',
      priority: decision.priority,
      startedAt,
      targetMs,
      policy,
    });
    const now = new Date();
    const record = Object.assign(existing ?? new SlaClockRecord(), {
      id: existing?.id ?? uuidv7(),
      ticketId: decision.ticketId,
      metric: 'first_response' as const,
      priority: decision.priority,
      policyId: policy.id,
      accountId: decision.accountId,
      plan: decision.plan,
      slaTargets: decision.slaTargets,
      outcome: null,
      createdAt: existing?.createdAt ?? now,
    });
    this.copyClock(record, step.clock);
    await manager.save(record);
    await this.outbox.add(manager, SlaClockStarted, {
      clockId: record.id,
      ticketId: record.ticketId,
      metric: record.metric,
      priority: record.priority,
      startedAt: startedAt.toISOString(),
      dueAt: step.clock.dueAt!.toISOString(),
      warningAt: step.clock.warningAt!.toISOString(),
      target: formatIsoDuration(targetMs),
      policyId: policy.id,
    }, context.origin);
  }

  async forTicket(ticketId: string): Promise<SlaClockRecord[]> {
    return this.dataSource.getRepository(SlaClockRecord).find({ where: { ticketId }, order: { createdAt: 'ASC' } });
  }

  private copyClock(record: SlaClockRecord, clock: SlaClock): void {
    Object.assign(record, {
      priority: clock.priority,
      clockState: clock.state,
      state: clockToJson(clock),
      startedAt: clock.startedAt,
      dueAt: clock.dueAt,
      stoppedAt: clock.stoppedAt,
      breachedAt: clock.breachedAt,
      outcome: clock.outcome,
      escalationLevel: clock.escalationLevel,
      updatedAt: new Date(),
    });
  }
}
