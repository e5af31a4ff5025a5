import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { canSee } from '@support/domain-ticketing';
import { isStaff, type Principal } from '@support/platform';
import type { DataSource } from 'typeorm';
import { SuggestedArticle } from './suggested-article.entity';
import type { Ticket } from './ticket.entity';
import { TicketConversation, TicketFiles } from './ticket-page-parts';
import { TicketStatusChange } from './ticket-status-change.entity';
import { ticketView, type TicketView } from './ticket.view';

/** Assembles the full ticket a caller sees: history, conversation, files and suggested reading. */
@Injectable()
export class TicketDetails implements OnModuleInit {
  private conversation: TicketConversation;
  private files: TicketFiles;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly moduleRef: ModuleRef,
  ) {}

  /**
   * The comments and attachments features provide their parts of the page; they import this
   * module, so it finds them in the assembled app instead of importing them (start-up fails
   * here, naming the part, if one is missing).
   */
  onModuleInit(): void {
    this.conversation = this.moduleRef.get(TicketConversation, { strict: false });
    this.files = this.moduleRef.get(TicketFiles, { strict: false });
  }

  async describe(ticket: Ticket, caller: Principal): Promise<TicketView> {
    if (!canSee(ticket, caller)) throw new Error(`ticket ${ticket.id} described for a caller who may not see it`);
    const ticketId = ticket.id;
    const [statusHistory, comments, attachments, suggestedArticles] = await Promise.all([
      this.dataSource.getRepository(TicketStatusChange).find({ where: { ticketId }, order: { id: 'ASC' } }),
      // a requester never sees internal notes; staff see the whole conversation
      this.conversation.commentsOf(ticketId, isStaff(caller)),
      this.files.attachmentsOf(ticketId),
      this.dataSource.getRepository(SuggestedArticle).find({ where: { ticketId }, order: { position: 'ASC' } }),
    ]);
    return ticketView(ticket, { statusHistory, comments, attachments, suggestedArticles });
  }

  /** A ticket just filed: its one history entry, and no conversation, files or suggestions yet. */
  describeNew(ticket: Ticket, filing: TicketStatusChange): TicketView {
    return ticketView(ticket, { statusHistory: [filing], comments: [], attachments: [], suggestedArticles: [] });
  }
}
