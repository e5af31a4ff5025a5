import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  TicketCreated, TicketStatusChanged,
  type EntitlementCheckedV1, type EventOrigin, type SlaBreachedV1, type SlaClockStartedV1, type SlaClockStoppedV1,
  type SlaClockRetimedV1, type SlaEscalatedV1, type SupportEvent,
} from '@support/contracts';
import { OutboxWriter, type HandlerContext } from '@support/messaging';
import { UnitOfWork } from '@support/nest-messaging';
import { isStaff, type Principal } from '@support/platform';
import type { DataSource, EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import type { CreateTicketDto } from './dto/create-ticket.dto';
import { Ticket } from './ticket.entity';
import { OccurredInFutureError, TicketNotFoundError } from './tickets.errors';

/** Who changed a ticket when no person did: the plan check. */
const SYSTEM_ACTOR = 'system:entitlements';

@Injectable()
export class TicketsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly unitOfWork: UnitOfWork,
    private readonly outbox: OutboxWriter,
  ) {}

  async create(dto: CreateTicketDto, requester: Principal, correlationId: string): Promise<Ticket> {
    const now = new Date();
    if (dto.occurredAt && new Date(dto.occurredAt).getTime() > now.getTime() + 60_000) throw new OccurredInFutureError();
    const ticket = Object.assign(new Ticket(), {
      id: uuidv7(),
      accountId: requester.accountId,
      requesterId: requester.userId,
      subject: dto.subject,
      description: dto.description,
      priority: dto.priority,
      device: dto.device,
      ccEmails: [...new Map((dto.ccEmails ?? []).map((e) => [e.toLowerCase(), e.trim()])).values()],
      meetingId: dto.meetingId ? dto.meetingId.replace(/[ -]/g, '') : null,
      occurredAt: dto.occurredAt ? new Date(dto.occurredAt) : null,
      status: 'new',
      statusReason: null,
      assigneeId: null,
      entitlementStatus: 'pending',
      entitlementReason: null,
      entitlementMessage: null,
      entitlementPlan: null,
      entitlementChannels: null,
      entitlementDecidedAt: null,
      slaClockState: null,
      slaFirstResponseDueAt: null,
      slaBreached: false,
      slaEscalationLevel: 0,
      slaUpdatedAt: null,
      createdAt: now,
      updatedAt: now,
    } satisfies Omit<Ticket, 'version'>);
    return this.unitOfWork.run(async (manager) => {
      const saved = await manager.save(ticket);
      await this.outbox.add(
        manager,
        TicketCreated,
        {
          ticketId: saved.id,
          accountId: saved.accountId,
          requesterId: saved.requesterId,
          subject: saved.subject,
          description: saved.description,
          priority: saved.priority,
          device: saved.device,
          ccEmails: saved.ccEmails,
          meetingId: saved.meetingId,
          occurredAt: saved.occurredAt?.toISOString() ?? null,
          createdAt: saved.createdAt.toISOString(),
        },
        { correlationId },
      );
      return saved;
    });
  }

  /** A ticket the caller may see; anyone else's is "not found", not "forbidden", so ids leak nothing. */
  async findVisible(id: string, caller: Principal): Promise<Ticket> {
    const ticket = await this.dataSource.getRepository(Ticket).findOneBy({ id });
    if (!ticket || (!isStaff(caller) && ticket.requesterId !== caller.userId)) throw new TicketNotFoundError(id);
    return ticket;
  }

  /** Shows the plan check on the ticket; a refused ticket is closed as rejected, with the reason. */
  async applyDecision(event: SupportEvent<EntitlementCheckedV1>, context: HandlerContext): Promise<void> {
    const decision = event.data;
    const ticket = await this.lockTicket(context.manager, decision.ticketId);
    if (!ticket) return;
    const decidedAt = new Date(decision.decidedAt);
    if (ticket.entitlementDecidedAt && ticket.entitlementDecidedAt > decidedAt) return;
    Object.assign(ticket, {
      entitlementStatus: decision.status,
      entitlementReason: decision.reason,
      entitlementMessage: decision.message,
      entitlementPlan: decision.plan,
      entitlementChannels: decision.channels,
      entitlementDecidedAt: decidedAt,
      updatedAt: new Date(),
    });
    if (decision.status === 'denied' && ticket.status === 'new') {
      await this.changeStatus(context.manager, ticket, 'rejected', decision.message, SYSTEM_ACTOR, context.origin);
    }
    await context.manager.save(ticket);
  }

  async applyClockStarted(event: SupportEvent<SlaClockStartedV1>, context: HandlerContext): Promise<void> {
    if (event.data.metric !== 'first_response') return;
    await this.updateSla(context.manager, event, { slaClockState: 'running', slaFirstResponseDueAt: new Date(event.data.dueAt), slaBreached: false, slaEscalationLevel: 0 });
  }

  async applyClockRetimed(event: SupportEvent<SlaClockRetimedV1>, context: HandlerContext): Promise<void> {
    if (event.data.metric !== 'first_response') return;
    await this.updateSla(context.manager, event, { slaFirstResponseDueAt: event.data.dueAt ? new Date(event.data.dueAt) : null });
  }

  async applyBreached(event: SupportEvent<SlaBreachedV1>, context: HandlerContext): Promise<void> {
    if (event.data.metric !== 'first_response') return;
    await this.updateSla(context.manager, event, { slaBreached: true }, true);
  }

  async applyEscalated(event: SupportEvent<SlaEscalatedV1>, context: HandlerContext): Promise<void> {
    if (event.data.metric !== 'first_response') return;
    const ticket = await this.lockTicket(context.manager, event.data.ticketId);
    if (!ticket) return;
    ticket.slaEscalationLevel = Math.max(ticket.slaEscalationLevel, event.data.level);
    ticket.slaBreached = true;
    await context.manager.save(ticket);
  }

  async applyClockStopped(event: SupportEvent<SlaClockStoppedV1>, context: HandlerContext): Promise<void> {
    if (event.data.metric !== 'first_response') return;
    await this.updateSla(context.manager, event, {
      slaClockState: 'stopped',
      ...(event.data.outcome === 'breached' ? { slaBreached: true } : {}),
    });
  }

  private async updateSla(
    manager: EntityManager,
    event: SupportEvent<{ ticketId: string }>,
    changes: Partial<Ticket>,
    monotonic = false,
  ): Promise<void> {
    const ticket = await this.lockTicket(manager, event.data.ticketId);
    if (!ticket) return;
    const at = new Date(event.time);
    // events of one ticket arrive in order on one partition; the guard covers replays of old ones
    if (!monotonic && ticket.slaUpdatedAt && ticket.slaUpdatedAt > at) return;
    Object.assign(ticket, changes, { slaUpdatedAt: at, updatedAt: new Date() });
    await manager.save(ticket);
  }

  private lockTicket(manager: EntityManager, id: string): Promise<Ticket | null> {
    return manager.getRepository(Ticket).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  private async changeStatus(
    manager: EntityManager,
    ticket: Ticket,
    status: Ticket['status'],
    reason: string | null,
    actor: string,
    origin: EventOrigin,
  ): Promise<void> {
    const previousStatus = ticket.status;
    ticket.status = status;
    ticket.statusReason = reason;
    await this.outbox.add(
      manager,
      TicketStatusChanged,
      {
        ticketId: ticket.id,
        accountId: ticket.accountId,
        previousStatus,
        status,
        reason,
        changedBy: actor,
        changedAt: new Date().toISOString(),
      },
      origin,
    );
  }
}
