import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { canSee } from '@support/domain-ticketing';
import { isStaff, type Principal } from '@support/platform';
import type { DataSource, FindOptionsWhere } from 'typeorm';
import { TicketAttachment } from '../attachments/ticket-attachment.entity';
import { TicketComment } from '../comments/ticket-comment.entity';
import { SuggestedArticle } from './suggested-article.entity';
import type { Ticket } from './ticket.entity';
import { TicketStatusChange } from './ticket-status-change.entity';
import { ticketView, type TicketView } from './ticket.view';

/** Assembles the full ticket a caller sees: history, conversation, files and suggested reading. */
@Injectable()
export class TicketDetails {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async describe(ticket: Ticket, caller: Principal): Promise<TicketView> {
    if (!canSee(ticket, caller)) throw new Error(`ticket ${ticket.id} described for a caller who may not see it`);
    const ticketId = ticket.id;
    // a requester never sees internal notes; staff see the whole conversation
    const comments: FindOptionsWhere<TicketComment> = isStaff(caller) ? { ticketId } : { ticketId, isPublic: true };
    const [statusHistory, conversation, attachments, suggestedArticles] = await Promise.all([
      this.dataSource.getRepository(TicketStatusChange).find({ where: { ticketId }, order: { id: 'ASC' } }),
      this.dataSource.getRepository(TicketComment).find({ where: comments, order: { id: 'ASC' } }),
      this.dataSource.getRepository(TicketAttachment).find({ where: { ticketId }, order: { id: 'ASC' } }),
      this.dataSource.getRepository(SuggestedArticle).find({ where: { ticketId }, order: { position: 'ASC' } }),
    ]);
    return ticketView(ticket, { statusHistory, comments: conversation, attachments, suggestedArticles });
  }

  /** A ticket just filed: its one history entry, and no conversation, files or suggestions yet. */
  describeNew(ticket: Ticket, filing: TicketStatusChange): TicketView {
    return ticketView(ticket, { statusHistory: [filing], comments: [], attachments: [], suggestedArticles: [] });
  }
}
