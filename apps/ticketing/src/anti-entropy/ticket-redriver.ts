import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { TicketCreated } from '@support/contracts';
import { ConsistencyCounters, OutboxWriter, pending, PollingLoop } from '@support/messaging';
import { exposeCounts, ServiceMetrics } from '@support/observability';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { TicketingEnvironment } from '../environment';
import { FINISHED_STATUSES, NO_TIME, Ticket } from '../tickets/ticket.entity';
import { ticketCreatedPayload } from '../tickets/ticket-created.payload';
import { nextRedriveAt, type RedriveSchedule } from './redrive-schedule';

export const TICKETING_CONSISTENCY_COUNTERS = [
  /** created events published again, for any reason */
  'ticketsRedriven',
  /** ... for a ticket still waiting for its plan check */
  'redrivenForDecision',
  /** ... for an entitled ticket still without its first-response clock */
  'redrivenForClock',
  /** ... for a ticket the knowledge base's suggestions never reached */
  'redrivenForSuggestions',
  /** last re-drives: the ticket is left to an operator if this one does not help either */
  'lastAttempts',
  /** sweeps that ran (whether they found anything or not) */
  'sweeps',
] as const;
export type TicketingConsistencyCounter = (typeof TICKETING_CONSISTENCY_COUNTERS)[number];

@Injectable()
export class TicketingConsistencyCounters extends ConsistencyCounters<TicketingConsistencyCounter> {
  constructor(metrics: ServiceMetrics) {
    super(TICKETING_CONSISTENCY_COUNTERS);
    exposeCounts(
      metrics,
      'support_anti_entropy_total',
      'Anti-entropy work of this replica since it started, by kind (GET /v1/admin/consistency)',
      this,
    );
  }
}

type StuckReason = 'decision' | 'clock' | 'suggestions';

interface StuckRow {
  id: string;
  reason: StuckReason;
  attempts: number | null;
  first_redriven_at: Date | null;
}

export interface StuckTickets {
  /** filed longer ago than TICKET_REDRIVE_AFTER_MS and still without their plan check */
  awaitingDecision: number;
  /** entitled longer ago than that, open, unanswered and still without a first-response clock */
  awaitingClock: number;
  /** filed longer ago than that and still without the knowledge base's suggestions (0 when TICKET_REDRIVE_SUGGESTIONS is off) */
  awaitingSuggestions: number;
  /** of those, the ones whose re-drives are used up: an operator must look at them */
  exhausted: number;
  /** when the oldest of them was filed */
  oldestCreatedAt: string | null;
}

/**
 * Anti-entropy for the ticket → plan check → clock flow. An acknowledged event can still be lost
 * (a broker that dies with it), and then nothing else would ever move the ticket. So a sweep on
 * the shared PollingLoop looks for tickets that have waited longer than TICKET_REDRIVE_AFTER_MS
 * for their decision, or (entitled, open, unanswered) for their first-response clock, and
 * publishes their `support.ticket.created.v1` again through the outbox: entitlements answers a
 * ticket it already decided with its recorded decision (so a lost decision is repaired too), and
 * the SLA service starts a clock only where none exists.
 *
 * The re-drive is a new event (new id, new correlation id, the ticket's current fields and its
 * original createdAt): the original id may well sit in the consumers' inboxes, which would drop
 * it. Each ticket is re-driven at most TICKET_REDRIVE_MAX_ATTEMPTS times, each wait twice the one
 * before (ticket_redrive). Replicas claim stuck tickets with FOR UPDATE SKIP LOCKED, so two
 * sweeps never re-drive the same ticket at once, and a ticket a consumer is updating is skipped
 * until the next sweep.
 */
@Injectable()
export class TicketRedriver implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('TicketRedriver');
  private readonly loop: PollingLoop;
  private readonly schedule: RedriveSchedule;
  private readonly batchSize: number;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly counters: TicketingConsistencyCounters,
    private readonly env: TicketingEnvironment,
  ) {
    this.schedule = { afterMs: env.TICKET_REDRIVE_AFTER_MS, maxAttempts: env.TICKET_REDRIVE_MAX_ATTEMPTS };
    this.batchSize = env.TICKET_REDRIVE_BATCH_SIZE;
    this.loop = new PollingLoop(async () => ({ moreWaiting: (await this.sweepOnce()) === this.batchSize }), {
      intervalMs: env.TICKET_REDRIVE_INTERVAL_MS,
      maxBackoffMs: Math.max(5000, env.TICKET_REDRIVE_INTERVAL_MS),
      onError: (error, failures) => this.logger.warn(`re-drive sweep failed (attempt ${failures}): ${error.message}`),
      onRecovered: () => this.logger.log('re-drive sweep recovered'),
    });
  }

  get settings() {
    return {
      redriveAfterMs: this.schedule.afterMs,
      sweepIntervalMs: this.env.TICKET_REDRIVE_INTERVAL_MS,
      batchSize: this.batchSize,
      maxAttempts: this.schedule.maxAttempts,
    };
  }

  get sweeping(): { running: boolean; consecutiveFailures: number; lastError: string | null } {
    return { running: this.loop.isRunning, consecutiveFailures: this.loop.consecutiveFailures, lastError: this.loop.lastError };
  }

  onApplicationBootstrap(): void {
    this.loop.start();
  }

  /** Stops before the messaging module flushes the outbox, finishing the sweep in flight. */
  async onModuleDestroy(): Promise<void> {
    await this.loop.stop();
  }

  /** One sweep: claims up to a batch of stuck tickets and re-drives them. Returns how many. */
  async sweepOnce(now = new Date()): Promise<number> {
    const redriven = await this.dataSource.transaction('READ COMMITTED', async (manager) => {
      const stuck = await this.claimStuck(manager, now);
      if (this.env.TICKET_REDRIVE_SUGGESTIONS && stuck.length < this.batchSize) {
        const claimed = new Set(stuck.map((row) => row.id));
        for (const row of await this.claimAwaitingSuggestions(manager, now, this.batchSize - stuck.length)) {
          if (!claimed.has(row.id)) stuck.push(row);
        }
      }
      if (stuck.length === 0) return [];
      const tickets = new Map(
        (await manager.find(Ticket, { where: { id: In(stuck.map((row) => row.id)) } })).map((ticket) => [ticket.id, ticket]),
      );
      const records: unknown[][] = [];
      const events = [];
      const done: Array<{ ticket: Ticket; reason: StuckReason; attempt: number; correlationId: string; last: boolean }> = [];
      for (const row of stuck) {
        const ticket = tickets.get(row.id);
        if (!ticket) continue;
        const { reason } = row;
        const attempt = (row.attempts ?? 0) + 1;
        const next = nextRedriveAt(this.schedule, attempt, now);
        const correlationId = uuidv7();
        records.push([ticket.id, attempt, reason, row.first_redriven_at ?? now, now, next]);
        events.push(pending(TicketCreated, ticketCreatedPayload(ticket), { correlationId }));
        done.push({ ticket, reason, attempt, correlationId, last: next === null });
      }
      if (records.length === 0) return [];
      await manager.query(
        `INSERT INTO ticket_redrive (ticket_id, attempts, reason, first_redriven_at, last_redriven_at, next_redrive_at) VALUES ?
           ON DUPLICATE KEY UPDATE attempts = VALUES(attempts), reason = VALUES(reason),
             last_redriven_at = VALUES(last_redriven_at), next_redrive_at = VALUES(next_redrive_at)`,
        [records],
      );
      await this.outbox.addMany(manager, events);
      return done;
    });
    this.counters.increment('sweeps');
    if (redriven.length === 0) return 0;
    this.outbox.notifyCommitted();
    for (const { ticket, reason, attempt, correlationId, last } of redriven) {
      this.counters.increment('ticketsRedriven');
      this.counters.increment(REASON_COUNTERS[reason]);
      const waited = Math.round(
        (now.getTime() - (reason === 'clock' ? (ticket.entitlementDecidedAt ?? ticket.createdAt) : ticket.createdAt).getTime()) / 1000,
      );
      const what = REASON_TEXT[reason];
      this.logger.warn(
        `anti-entropy: ticket ${ticket.id} waited ${waited}s for ${what}; support.ticket.created re-published ` +
          `(attempt ${attempt} of ${this.schedule.maxAttempts}, correlation ${correlationId})` +
          (last ? '; that was the last attempt: if it stays stuck, an operator must look at it' : ''),
      );
      if (last) this.counters.increment('lastAttempts');
    }
    return redriven.length;
  }

  /** Counts the tickets stuck now, for operators. */
  async stuck(now = new Date()): Promise<StuckTickets> {
    const cutoff = new Date(now.getTime() - this.schedule.afterMs);
    const [row]: Array<{ awaiting_decision: string | null; awaiting_clock: string | null; exhausted: string | null; oldest: Date | null }> =
      await this.dataSource.query(
        `SELECT SUM(t.entitlement_status = 'pending') AS awaiting_decision,
                SUM(t.entitlement_status = 'entitled') AS awaiting_clock,
                SUM(r.ticket_id IS NOT NULL AND r.next_redrive_at IS NULL) AS exhausted,
                MIN(t.created_at) AS oldest
           FROM ticket t LEFT JOIN ticket_redrive r ON r.ticket_id = t.id
          WHERE ${STUCK_CONDITION}`,
        [cutoff, FINISHED_STATUSES, cutoff],
      );
    const [suggestions]: Array<{ n: string | null }> = this.env.TICKET_REDRIVE_SUGGESTIONS
      ? await this.dataSource.query(`SELECT COUNT(*) AS n FROM ticket t WHERE ${AWAITING_SUGGESTIONS_CONDITION}`, [cutoff])
      : [{ n: '0' }];
    return {
      awaitingDecision: Number(row?.awaiting_decision ?? 0),
      awaitingClock: Number(row?.awaiting_clock ?? 0),
      awaitingSuggestions: Number(suggestions?.n ?? 0),
      exhausted: Number(row?.exhausted ?? 0),
      oldestCreatedAt: row?.oldest ? new Date(row.oldest).toISOString() : null,
    };
  }

  /**
   * Tickets the knowledge base's suggestions never reached whose next re-drive is due. Every
   * ticket gets an answer from the knowledge base, an empty list included, so a ticket without
   * one after the wait lost it (or never reached it). A pending one is still owed its decision.
   */
  private claimAwaitingSuggestions(manager: EntityManager, now: Date, limit: number): Promise<StuckRow[]> {
    const cutoff = new Date(now.getTime() - this.schedule.afterMs);
    return this.claim(
      manager,
      `IF(t.entitlement_status = 'pending', 'decision', 'suggestions')`,
      AWAITING_SUGGESTIONS_CONDITION,
      [cutoff],
      now,
      limit,
    );
  }

  /** Tickets waiting for their decision or clock (STUCK_CONDITION) whose next re-drive is due. */
  private claimStuck(manager: EntityManager, now: Date): Promise<StuckRow[]> {
    const cutoff = new Date(now.getTime() - this.schedule.afterMs);
    return this.claim(
      manager,
      `IF(t.entitlement_status = 'pending', 'decision', 'clock')`,
      STUCK_CONDITION,
      [cutoff, FINISHED_STATUSES, cutoff],
      now,
      this.batchSize,
    );
  }

  /**
   * Tickets matching `condition` (a range of idx_ticket_awaiting_since, filtered on the rows)
   * whose next re-drive is due, oldest first, locked, each with the reason `reason` (an SQL
   * expression) gives. SKIP LOCKED: a ticket another replica's sweep (or a consumer applying its
   * decision right now) holds is left for later.
   */
  private claim(
    manager: EntityManager,
    reason: string,
    condition: string,
    parameters: unknown[],
    now: Date,
    limit: number,
  ): Promise<StuckRow[]> {
    return manager.query(
      `SELECT t.id, ${reason} AS reason, r.attempts, r.first_redriven_at
         FROM ticket t LEFT JOIN ticket_redrive r ON r.ticket_id = t.id
        WHERE ${condition}
          AND (r.ticket_id IS NULL OR r.next_redrive_at <= ?)
        ORDER BY t.awaiting_since, t.id
        LIMIT ?
        FOR UPDATE SKIP LOCKED`,
      [...parameters, now, limit],
    );
  }
}

/**
 * Decided (or waiting, which the other condition covers) and still without the knowledge base's
 * suggestions since filing, where they are owed. Parameter: cutoff. `awaiting_since` is the
 * ticket's created_at while anything is owed to it (AWAITING_SINCE_EXPRESSION): the condition
 * reads the range of idx_ticket_awaiting_since that holds every such ticket.
 */
const AWAITING_SUGGESTIONS_CONDITION = `t.awaiting_since < ? AND t.awaiting_suggestions`;

const REASON_COUNTERS: Record<StuckReason, TicketingConsistencyCounter> = {
  decision: 'redrivenForDecision',
  clock: 'redrivenForClock',
  suggestions: 'redrivenForSuggestions',
};
const REASON_TEXT: Record<StuckReason, string> = {
  decision: 'its plan check',
  clock: 'its first-response clock',
  suggestions: "the knowledge base's suggestions",
};

/**
 * Waiting for the plan check since filing, or entitled (the decision promised a deadline) and
 * still without a first-response clock although open and unanswered. Parameters: cutoff,
 * finished statuses, cutoff. Every such ticket is in the range of idx_ticket_awaiting_since up to
 * the cutoff (filed before it: decided later than filed), which the condition reads. An entitled
 * ticket is late by its decision's time (NO_TIME: not decided, read as its filing).
 */
const STUCK_CONDITION = `t.awaiting_since < ? AND (
      t.entitlement_status = 'pending'
   OR (t.entitlement_status = 'entitled' AND t.sla_clock_state = '' AND t.first_responded_at IS NULL
       AND t.status NOT IN (?) AND IF(t.entitlement_decided_at = '${NO_TIME}', t.created_at, t.entitlement_decided_at) < ?))`;
