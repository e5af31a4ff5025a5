import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { TicketAssigneeChanged, TicketPriorityChanged } from '@support/contracts';
import { OutboxWriter } from '@support/messaging';
import { UnitOfWork } from '@support/nest-messaging';
import { ApiError, isStaff, type Principal } from '@support/platform';
import type { DataSource, EntityManager } from 'typeorm';
import type { CreateTicketDto } from './dto/create-ticket.dto';
import { DEFAULT_PAGE_SIZE, type ListTicketsQuery } from './dto/list-tickets.query';
import type { UpdateTicketDto } from './dto/update-ticket.dto';
import type { IdempotencyKey } from './idempotency/idempotency-key.entity';
import { IdempotencyKeys, IdempotencyKeyTaken } from './idempotency/idempotency-keys';
import { isValidIdempotencyKey, requestFingerprint } from './idempotency/request-fingerprint';
import { CursorError, decodeCursor, encodeCursor, filterFingerprint } from './listing/ticket-cursor';
import { newTicket } from './new-ticket';
import { Ticket } from './ticket.entity';
import { FilingOptions, TicketFilings } from './ticket-filings';
import { TicketStatusRecorder } from './ticket-status.recorder';
import type { TicketStatusChange } from './ticket-status-change.entity';
import { assertStorableCaller } from './storable-caller';
import {
  idempotencyKeyReused,
  invalidCursor,
  invalidIdempotencyKey,
  nothingToChange,
  staffOnlyFields,
  ticketClosed,
  visibleTo,
} from './tickets.errors';

export interface FilingResult {
  ticket: Ticket;
  /** a new ticket's first history entry, so its page needs no read back (absent on a replay) */
  filing?: TicketStatusChange;
  /** true when an Idempotency-Key replay returned the ticket an earlier request filed */
  replayed: boolean;
}

export interface TicketPage {
  items: Ticket[];
  nextCursor: string | null;
}

@Injectable()
export class TicketsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly unitOfWork: UnitOfWork,
    private readonly outbox: OutboxWriter,
    private readonly statuses: TicketStatusRecorder,
    private readonly idempotencyKeys: IdempotencyKeys,
    private readonly filings: TicketFilings,
    private readonly filingOptions: FilingOptions,
  ) {}

  async file(form: CreateTicketDto, requester: Principal, correlationId: string, idempotencyKey?: string): Promise<FilingResult> {
    assertStorableCaller(requester);
    if (idempotencyKey !== undefined && !isValidIdempotencyKey(idempotencyKey)) throw invalidIdempotencyKey();
    // only a request with a key is ever compared with an earlier one (the hash costs a digest per POST)
    const requestHash = idempotencyKey === undefined ? '' : requestFingerprint(form);
    // the usual replay (a client retrying after a lost answer) finds the key without a failed insert
    const earlier = idempotencyKey === undefined ? null : await this.idempotencyKeys.find(requester, idempotencyKey);
    if (earlier) return { ticket: await this.replay(earlier, requestHash, requester), replayed: true };
    const ticket = newTicket(
      {
        accountId: requester.accountId,
        requesterId: requester.userId,
        subject: form.subject,
        description: form.description,
        priority: form.priority,
        device: form.device,
        ccEmails: form.ccEmails ?? [],
        meetingId: form.meetingId ?? null,
        occurredAt: form.occurredAt ? new Date(form.occurredAt) : null,
      },
      { expectsSuggestions: this.filingOptions.expectsSuggestions },
    );
    try {
      // written with whatever other new tickets are waiting (group commit: TicketFilings)
      const claim =
        idempotencyKey === undefined
          ? null
          : {
              callerAccountId: requester.accountId ?? '',
              callerId: requester.userId,
              key: idempotencyKey,
              requestHash,
              ticketId: ticket.id,
            };
      const filing = await this.filings.file({ ticket, claim, correlationId });
      return { ticket, filing, replayed: false };
    } catch (error) {
      if (!(error instanceof IdempotencyKeyTaken) || idempotencyKey === undefined) throw error;
      // a concurrent request with the same key committed first
      const winner = await this.idempotencyKeys.find(requester, idempotencyKey);
      if (!winner) throw new Error(`the idempotency key of ${requester.userId} vanished after a duplicate-key error`);
      return { ticket: await this.replay(winner, requestHash, requester), replayed: true };
    }
  }

  private async replay(claim: IdempotencyKey, requestHash: string, requester: Principal): Promise<Ticket> {
    if (claim.requestHash !== requestHash) throw idempotencyKeyReused(claim.ticketId);
    return this.findVisible(claim.ticketId, requester);
  }

  /** A ticket the caller may see (`visibleTo`). */
  async findVisible(id: string, caller: Principal): Promise<Ticket> {
    return visibleTo(await this.dataSource.getRepository(Ticket).findOneBy({ id }), id, caller);
  }

  /** The ticket, locked for the rest of the transaction, if the caller may see it. */
  async lockVisible(manager: EntityManager, id: string, caller: Principal): Promise<Ticket> {
    return visibleTo(await this.lockTicket(manager, id), id, caller);
  }

  async list(query: ListTicketsQuery, caller: Principal): Promise<TicketPage> {
    const order = query.order ?? 'newest';
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const filters = {
      status: query.status ? [...new Set(query.status)].sort() : undefined,
      priority: query.priority ? [...new Set(query.priority)].sort() : undefined,
      requester: query.requester,
      account: query.account,
      assignee: query.assignee,
      breached: query.breached,
    };
    const fingerprint = filterFingerprint(filters);
    let after: string | undefined;
    if (query.cursor !== undefined) {
      try {
        after = decodeCursor(query.cursor, { order, filters: fingerprint });
      } catch (error) {
        if (error instanceof CursorError) throw invalidCursor(error.message);
        throw error;
      }
    }

    const select = this.dataSource.getRepository(Ticket).createQueryBuilder('ticket');
    // a customer is (account, user): the same user id in another account lists nothing of this one
    if (!isStaff(caller)) {
      select.andWhere('ticket.accountId = :callerAccount AND ticket.requesterId = :caller', {
        callerAccount: caller.accountId,
        caller: caller.userId,
      });
    }
    if (filters.requester !== undefined) select.andWhere('ticket.requesterId = :requester', { requester: filters.requester });
    if (filters.account !== undefined) select.andWhere('ticket.accountId = :account', { account: filters.account });
    if (filters.assignee !== undefined) select.andWhere('ticket.assigneeId = :assignee', { assignee: filters.assignee });
    if (filters.status) select.andWhere('ticket.status IN (:...statuses)', { statuses: filters.status });
    if (filters.priority) select.andWhere('ticket.priority IN (:...priorities)', { priorities: filters.priority });
    if (filters.breached !== undefined) select.andWhere('ticket.slaBreached = :breached', { breached: filters.breached });
    if (after !== undefined) select.andWhere(order === 'newest' ? 'ticket.id < :after' : 'ticket.id > :after', { after });
    const rows = await select
      .orderBy('ticket.id', order === 'newest' ? 'DESC' : 'ASC')
      .limit(limit + 1)
      .getMany();

    const items = rows.slice(0, limit);
    const hasMore = rows.length > limit;
    return {
      items,
      nextCursor: hasMore ? encodeCursor({ after: items[items.length - 1].id, order, filters: fingerprint }) : null,
    };
  }

  /** PATCH: every field that changes emits its event, all in one transaction with the change. */
  async update(id: string, change: UpdateTicketDto, caller: Principal, correlationId: string): Promise<Ticket> {
    if (change.reason !== undefined && change.status === undefined) {
      throw ApiError.validationFailed([{ field: 'reason', message: 'is only accepted together with status' }]);
    }
    const requested = (['status', 'priority', 'assigneeId'] as const).filter((field) => change[field] !== undefined);
    if (requested.length === 0) throw nothingToChange(['status', 'priority', 'assigneeId']);
    assertStorableCaller(caller);
    const staffOnly = requested.filter((field) => field !== 'status');
    if (!isStaff(caller) && staffOnly.length > 0) throw staffOnlyFields(staffOnly);

    return this.unitOfWork.run(async (manager) => {
      const ticket = await this.lockVisible(manager, id, caller);
      const at = new Date();
      const origin = { correlationId };
      if (change.status !== undefined && change.status !== ticket.status) {
        await this.statuses.change(manager, ticket, {
          to: change.status,
          actor: isStaff(caller) ? 'staff' : 'requester',
          changedBy: caller.userId,
          reason: change.reason ?? null,
          origin,
          at,
        });
      }
      const priorityChanges = change.priority !== undefined && change.priority !== ticket.priority;
      const assigneeChanges = change.assigneeId !== undefined && change.assigneeId !== ticket.assigneeId;
      if ((priorityChanges || assigneeChanges) && ticket.status === 'closed') {
        throw ticketClosed(
          id,
          `changing ${[priorityChanges && 'priority', assigneeChanges && 'assigneeId'].filter(Boolean).join(' and ')}`,
        );
      }
      if (priorityChanges && change.priority !== undefined) {
        const previousPriority = ticket.priority;
        ticket.priority = change.priority;
        await this.outbox.add(
          manager,
          TicketPriorityChanged,
          {
            ticketId: ticket.id,
            accountId: ticket.accountId,
            previousPriority,
            priority: ticket.priority,
            changedBy: caller.userId,
            changedAt: at.toISOString(),
          },
          origin,
        );
      }
      if (assigneeChanges) {
        const previousAssigneeId = ticket.assigneeId;
        ticket.assigneeId = change.assigneeId ?? null;
        await this.outbox.add(
          manager,
          TicketAssigneeChanged,
          {
            ticketId: ticket.id,
            accountId: ticket.accountId,
            previousAssigneeId,
            assigneeId: ticket.assigneeId,
            changedBy: caller.userId,
            changedAt: at.toISOString(),
          },
          origin,
        );
      }
      if (priorityChanges || assigneeChanges) ticket.updatedAt = at;
      return manager.save(ticket);
    });
  }

  private lockTicket(manager: EntityManager, id: string): Promise<Ticket | null> {
    return manager.getRepository(Ticket).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }
}
