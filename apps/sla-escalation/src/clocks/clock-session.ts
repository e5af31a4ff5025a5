import { Injectable } from '@nestjs/common';
import type { EventOrigin, TicketStatus } from '@support/contracts';
import type { SlaMetric, TicketPriority } from '@support/domain-sla';
import { UnprocessableEventError } from '@support/messaging';
import { updateRows } from '@support/persistence';
import { In, type EntityManager } from 'typeorm';
import type { PolicyInForce } from '../policies/policy-catalog.service';
import { SlaTimeSource } from '../time-source';
import { ClockLedger, type ClockWrite } from './clock-ledger';
import { SlaClockRecord } from './sla-clock.entity';
import { SlaTicketRecord } from './sla-ticket.entity';

/** The ticket facts handlers change, written back once per batch. */
const TICKET_FACTS: ReadonlyArray<keyof SlaTicketRecord & string> = [
  'requesterId',
  'accountId',
  'plan',
  'entitled',
  'slaTarget',
  'slaTargets',
  'decisionPriority',
  'decidedAt',
  'decisionId',
  'clocksOwedFrom',
  'clockCheckedAt',
  'priority',
  'priorityChangedAt',
  'status',
  'statusChangedAt',
  'firstRespondedAt',
  'updatedAt',
];

/** Statuses after which nothing is owed on the ticket any more. */
export const FINISHED_STATUSES: ReadonlySet<TicketStatus> = new Set(['solved', 'closed', 'rejected']);

/** A ticket whose entitled decision lacked a clock it owes, and the clocks started for it. */
export interface RepairedClocks {
  ticketId: string;
  metrics: SlaMetric[];
  owedFrom: Date;
  decisionId: string | null;
}

/**
 * A run of events in one transaction: every ticket they name, locked and read at once, and the
 * clock writes waiting to go out together (ClockLedger.writeMany).
 */
export interface ClockBatch {
  manager: EntityManager;
  now: Date;
  tickets: Map<string, SlaTicketRecord>;
  clocks: Map<string, SlaClockRecord[]>;
  pending: ClockWrite[];
  changedTickets: Set<SlaTicketRecord>;
  inForce?: PolicyInForce;
  /** clocks anti-entropy started in this batch (a decision announced again, or the repair sweep) */
  repaired: RepairedClocks[];
}

/** A handler's view of one ticket: its facts and clocks, locked for the handler's transaction. */
export interface TicketSession {
  batch: ClockBatch;
  manager: EntityManager;
  origin: EventOrigin;
  now: Date;
  ticket: SlaTicketRecord;
  clocks: SlaClockRecord[];
}

/**
 * Opens and closes clock batches: locks the tickets and clocks a run of events names, holds the
 * clock writes they cause, and writes them (and the tickets' changed facts) set-based.
 */
@Injectable()
export class ClockBatches {
  constructor(
    private readonly ledger: ClockLedger,
    private readonly time: SlaTimeSource,
  ) {}

  /**
   * Locks the tickets' facts (creating them on first sight), then their clocks, each in id
   * order so that two batches sharing tickets queue instead of deadlocking. Every lock is taken
   * by primary key on an existing row.
   */
  async open(ticketIds: string[], manager: EntityManager): Promise<ClockBatch> {
    const now = this.time.now();
    const ids = [...new Set(ticketIds)].sort();
    // an upsert takes the rows' exclusive locks at once, so two first sights cannot deadlock
    await manager.query('INSERT INTO sla_ticket (ticket_id, updated_at) VALUES ? ON DUPLICATE KEY UPDATE ticket_id = ticket_id', [
      ids.map((id) => [id, now]),
    ]);
    const tickets = await manager.find(SlaTicketRecord, {
      where: { ticketId: In(ids) },
      order: { ticketId: 'ASC' },
      lock: { mode: 'pessimistic_write' },
    });
    // clocks are only created under their ticket's lock, which is held now, so this read is complete
    const clockIds: Array<{ id: string }> = await manager.query('SELECT id FROM sla_clock WHERE ticket_id IN (?)', [ids]);
    const clocks =
      clockIds.length === 0
        ? []
        : await manager.find(SlaClockRecord, {
            where: { id: In(clockIds.map((row) => row.id)) },
            order: { id: 'ASC' },
            lock: { mode: 'pessimistic_write' },
          });
    const byTicket = new Map<string, SlaClockRecord[]>(ids.map((id) => [id, []]));
    for (const clock of clocks.sort((a, b) => a.metric.localeCompare(b.metric) || a.cycle - b.cycle))
      byTicket.get(clock.ticketId)?.push(clock);
    return {
      manager,
      now,
      tickets: new Map(tickets.map((ticket) => [ticket.ticketId, ticket])),
      clocks: byTicket,
      pending: [],
      changedTickets: new Set(),
      repaired: [],
    };
  }

  /** Writes the pending clock changes, set-based, in the order they were made. */
  async flush(batch: ClockBatch): Promise<void> {
    if (batch.pending.length === 0) return;
    const writes = batch.pending.splice(0);
    await this.ledger.writeMany(batch.manager, writes);
  }

  /** Writes what is still pending and the tickets' changed facts. */
  async close(batch: ClockBatch): Promise<void> {
    await this.flush(batch);
    await updateRows(batch.manager, SlaTicketRecord, [...batch.changedTickets], TICKET_FACTS);
  }
}

/** Marks the session's ticket as changed; its facts are written when the batch closes. */
export function saveTicket(session: TicketSession): void {
  session.ticket.updatedAt = session.now;
  session.batch.changedTickets.add(session.ticket);
}

export function openClocks(session: TicketSession): SlaClockRecord[] {
  return session.clocks.filter((record) => record.clockState !== 'stopped');
}

export function latestClock(session: TicketSession, metric: SlaMetric): SlaClockRecord | undefined {
  return session.clocks.filter((record) => record.metric === metric).sort((a, b) => b.cycle - a.cycle)[0];
}

export function currentPriority(ticket: SlaTicketRecord): TicketPriority {
  const priority = ticket.priority ?? ticket.decisionPriority;
  if (!priority) throw new UnprocessableEventError(`ticket ${ticket.ticketId}: no priority is known for it yet`);
  return priority;
}
