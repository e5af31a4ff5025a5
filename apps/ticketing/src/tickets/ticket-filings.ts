import { Injectable } from '@nestjs/common';
import { context, type Context } from '@opentelemetry/api';
import { TicketCreated } from '@support/contracts';
import { OutboxWriter } from '@support/messaging';
import { UnitOfWork } from '@support/nest-messaging';
import { insertRows } from '@support/persistence';
import type { EntityManager } from 'typeorm';
import { IdempotencyKey } from './idempotency/idempotency-key.entity';
import { IdempotencyKeys } from './idempotency/idempotency-keys';
import { Ticket } from './ticket.entity';
import { ticketCreatedPayload } from './ticket-created.payload';
import type { TicketStatusChange } from './ticket-status-change.entity';
import { TicketStatusRecorder } from './ticket-status.recorder';

/** What one POST /v1/tickets writes: the ticket, its idempotency key if any, for one flow. */
export interface NewFiling {
  ticket: Ticket;
  claim: Omit<IdempotencyKey, 'createdAt'> | null;
  correlationId: string;
}

/** How new tickets are grouped into transactions (TICKET_FILING_BATCH_MAX, TICKET_FILING_CONCURRENCY). */
export class FilingOptions {
  /** most tickets written in one transaction */
  maxBatch = 100;
  /** transactions of new tickets in flight at once; more requests wait and join the next one */
  concurrency = 4;
  /** whether the knowledge base's suggestions are owed to a new ticket (TICKET_REDRIVE_SUGGESTIONS) */
  expectsSuggestions = true;
}

interface Waiting extends NewFiling {
  /** the request's trace context: its ticket's created event continues the request's trace */
  context: Context;
  resolve: (filing: TicketStatusChange) => void;
  reject: (error: unknown) => void;
}

/**
 * Writes new tickets with group commit. A POST that finds a transaction slot free is written
 * alone, at once (no added wait); while `concurrency` transactions are in flight, the POSTs that
 * arrive queue, and each transaction that ends takes up to `maxBatch` of them into the next one:
 * one multi-row insert per table (ticket, status history, idempotency keys, outbox) and one
 * commit for all. Under load this is what lets a POST cost a fraction of a commit and of a
 * round trip; each ticket's created event is still the first of its ticket in the outbox.
 *
 * A batch that fails (a duplicate Idempotency-Key among them, a deadlock, anything) is retried one
 * ticket per transaction, so each request gets the answer it would have had alone: a duplicate
 * key raises IdempotencyKeyTaken for that request only.
 */
@Injectable()
export class TicketFilings {
  private readonly queue: Waiting[] = [];
  private inFlight = 0;
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly outbox: OutboxWriter,
    private readonly idempotencyKeys: IdempotencyKeys,
    private readonly statuses: TicketStatusRecorder,
    private readonly options: FilingOptions,
  ) {}

  /** Writes the ticket (with everyone else's waiting); resolves with its first history entry once committed. */
  file(filing: NewFiling): Promise<TicketStatusChange> {
    return new Promise((resolve, reject) => {
      this.queue.push({ ...filing, context: context.active(), resolve, reject });
      this.drain();
    });
  }

  private drain(): void {
    while (this.inFlight < this.options.concurrency && this.queue.length > 0) {
      const batch = this.queue.splice(0, this.options.maxBatch);
      this.inFlight += 1;
      void this.write(batch).finally(() => {
        this.inFlight -= 1;
        this.drain();
      });
    }
  }

  private async write(batch: Waiting[]): Promise<void> {
    if (batch.length > 1) {
      try {
        const entries = await this.unitOfWork.run((manager) => this.insert(manager, batch));
        for (let index = 0; index < batch.length; index += 1) batch[index].resolve(entries[index]);
        return;
      } catch {
        // some request of the batch cannot be written with the others: each on its own below
      }
    }
    await Promise.all(
      batch.map(async (waiting) => {
        try {
          const [entry] = await this.unitOfWork.run((manager) => this.insert(manager, [waiting]));
          waiting.resolve(entry);
        } catch (error) {
          waiting.reject(error);
        }
      }),
    );
  }

  /** One insert per table for the whole batch, in the caller's transaction. */
  private async insert(manager: EntityManager, batch: Waiting[]): Promise<TicketStatusChange[]> {
    // loops, not closures made per batch (CONTRIBUTING.md, "Hot paths")
    const claims: IdempotencyKey[] = [];
    const tickets: Ticket[] = [];
    for (const { claim, ticket } of batch) {
      if (claim) claims.push({ ...claim, createdAt: ticket.createdAt });
      // plain inserts: save() would first read the rows it is about to create
      ticket.version = 1;
      tickets.push(ticket);
    }
    if (claims.length === 1) await this.idempotencyKeys.claim(manager, claims[0], claims[0].createdAt);
    else if (claims.length > 1) await manager.insert(IdempotencyKey, claims);
    await insertRows(manager, Ticket, tickets);
    const entries = await this.statuses.recordFilings(manager, tickets);
    await this.outbox.collect(manager, async () => {
      for (const waiting of batch) {
        const { ticket } = waiting;
        await context.with(waiting.context, () =>
          this.outbox.add(manager, TicketCreated, ticketCreatedPayload(ticket), { correlationId: waiting.correlationId }),
        );
      }
    });
    return entries;
  }
}
