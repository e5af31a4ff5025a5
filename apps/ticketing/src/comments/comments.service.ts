import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { TicketCommented, TicketFirstResponded } from '@support/contracts';
import { actsAsStaff } from '@support/domain-ticketing';
import { OutboxWriter } from '@support/messaging';
import { UnitOfWork } from '@support/nest-messaging';
import { isStaff, type Principal } from '@support/platform';
import { storedInstant } from '@support/persistence';
import type { DataSource, EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { Ticket } from '../tickets/ticket.entity';
import type { CommentResponse, PagePart, TicketConversation } from '../tickets/ticket-page-parts';
import { TicketStatusRecorder } from '../tickets/ticket-status.recorder';
import { assertStorableCaller } from '../tickets/storable-caller';
import { assertTakesWork } from '../tickets/tickets.errors';
import { TicketsService } from '../tickets/tickets.service';
import { commentView } from './comment.view';
import type { CreateCommentDto } from './dto/create-comment.dto';
import { internalNoteForbidden } from './comments.errors';
import { TicketComment } from './ticket-comment.entity';

@Injectable()
export class CommentsService implements TicketConversation {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly unitOfWork: UnitOfWork,
    private readonly outbox: OutboxWriter,
    private readonly tickets: TicketsService,
    private readonly statuses: TicketStatusRecorder,
  ) {}

  /**
   * Adds a reply. An agent's public reply answers the requester: the first one emits
   * first_responded (which stops the SLA clock) and opens a new ticket; a requester's reply to a
   * pending question puts the ticket back in the agents' hands (open).
   */
  async add(ticketId: string, form: CreateCommentDto, author: Principal, correlationId: string): Promise<TicketComment> {
    assertStorableCaller(author);
    const isPublic = form.public ?? true;
    if (!isPublic && !isStaff(author)) throw internalNoteForbidden();
    return this.unitOfWork.run(async (manager) => {
      const ticket = await this.tickets.lockVisible(manager, ticketId, author);
      assertTakesWork(ticket, author, 'commenting');
      const at = new Date();
      const origin = { correlationId };
      const comment = Object.assign(new TicketComment(), {
        id: uuidv7(),
        ticketId: ticket.id,
        authorId: author.userId,
        authorRole: author.role,
        isPublic,
        body: form.body,
        createdAt: at,
      } satisfies TicketComment);
      await manager.insert(TicketComment, comment);
      await this.outbox.add(
        manager,
        TicketCommented,
        {
          ticketId: ticket.id,
          accountId: ticket.accountId,
          commentId: comment.id,
          authorId: comment.authorId,
          authorRole: comment.authorRole,
          public: comment.isPublic,
          body: comment.body,
          createdAt: at.toISOString(),
        },
        origin,
      );

      if (isPublic && actsAsStaff(ticket, author)) {
        await this.recordFirstResponse(manager, ticket, comment, correlationId);
        if (ticket.status === 'new') {
          await this.statuses.changeIfAllowed(manager, ticket, {
            to: 'open',
            actor: 'staff',
            changedBy: author.userId,
            reason: null,
            origin,
            at,
          });
        }
      } else if (!isStaff(author) && ticket.status === 'pending') {
        await this.statuses.changeIfAllowed(manager, ticket, {
          to: 'open',
          actor: 'requester',
          changedBy: author.userId,
          reason: null,
          origin,
          at,
        });
      }
      ticket.updatedAt = at;
      await manager.save(ticket);
      return comment;
    });
  }

  /** The ticket's conversation as its page lists it; a requester never sees internal notes. */
  commentsPart(ticketId: string, withInternalNotes: boolean): PagePart<CommentResponse> {
    return {
      select: `SELECT id AS sort_key,
                      JSON_OBJECT('id', id, 'authorId', author_id, 'authorRole', author_role, 'isPublic', is_public,
                                  'body', body, 'createdAt', created_at) AS row
                 FROM ticket_comment WHERE ticket_id = ?${withInternalNotes ? '' : ' AND is_public = 1'}`,
      parameters: [ticketId],
      read: (row) =>
        commentView(
          Object.assign(new TicketComment(), row, {
            ticketId,
            isPublic: row['isPublic'] === 1,
            createdAt: storedInstant(row['createdAt']),
          }),
        ),
    };
  }

  /**
   * The database decides which reply is first: the conditional update matches only while no
   * first response is recorded, so concurrent or retried replies cannot emit the event twice.
   */
  private async recordFirstResponse(manager: EntityManager, ticket: Ticket, comment: TicketComment, correlationId: string): Promise<void> {
    const result = await manager
      .createQueryBuilder()
      .update(Ticket)
      .set({ firstRespondedAt: comment.createdAt, firstResponseCommentId: comment.id })
      .where('id = :id AND first_responded_at IS NULL', { id: ticket.id })
      .execute();
    if (result.affected !== 1) return;
    ticket.firstRespondedAt = comment.createdAt;
    ticket.firstResponseCommentId = comment.id;
    await this.outbox.add(
      manager,
      TicketFirstResponded,
      {
        ticketId: ticket.id,
        accountId: ticket.accountId,
        commentId: comment.id,
        agentId: comment.authorId,
        respondedAt: comment.createdAt.toISOString(),
        ticketCreatedAt: ticket.createdAt.toISOString(),
      },
      { correlationId },
    );
  }
}
