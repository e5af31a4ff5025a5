import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { canSee } from '@support/domain-ticketing';
import { entityFromJsonObject, jsonObjectOfColumns, storedInstant } from '@support/persistence';
import { isStaff, type Principal } from '@support/platform';
import type { DataSource } from 'typeorm';
import type { SuggestedArticle } from './suggested-article';
import { Ticket } from './ticket.entity';
import { TicketPlanCheck } from './ticket-plan-check.entity';
import { TicketConversation, TicketFiles, type PagePart } from './ticket-page-parts';
import { TicketStatusChange } from './ticket-status-change.entity';
import { visibleTo } from './tickets.errors';
import { ticketView, type TicketView } from './ticket.view';

/** Assembles the full ticket a caller sees: history, conversation, files, suggested reading and the plan check. */
@Injectable()
export class TicketDetails implements OnModuleInit {
  private conversation: TicketConversation;
  private files: TicketFiles;
  /** the ticket's own row as a part of its page: its SQL is worked out once, not per GET */
  private ticketRow: Omit<PagePart<Ticket>, 'parameters'>;
  /** the plan check's texts beside the ticket (TicketPlanCheck), worked out once as well */
  private planCheckRow: Omit<PagePart<TicketPlanCheck>, 'parameters'>;

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
    this.ticketRow = {
      select: `SELECT '' AS sort_key, ${jsonObjectOfColumns(this.dataSource, Ticket, 't')} AS row FROM ticket t WHERE t.id = ?`,
      read: (row) => entityFromJsonObject(this.dataSource, Ticket, row),
    };
    this.planCheckRow = {
      select: `SELECT '' AS sort_key, ${jsonObjectOfColumns(this.dataSource, TicketPlanCheck, 'c')} AS row
                 FROM ticket_plan_check c WHERE c.ticket_id = ?`,
      read: (row) => entityFromJsonObject(this.dataSource, TicketPlanCheck, row),
    };
  }

  /**
   * The page of a ticket already read, with its five parts (history, conversation, files, suggested
   * reading, the plan check's texts) read in one statement.
   */
  async describe(ticket: Ticket, caller: Principal): Promise<TicketView> {
    if (!canSee(ticket, caller)) throw new Error(`ticket ${ticket.id} described for a caller who may not see it`);
    const [statusHistory, comments, attachments, suggestedArticles, planChecks] = await readPageParts(
      this.dataSource,
      this.parts(ticket.id, caller),
    );
    return ticketView(ticket, { statusHistory, comments, attachments, suggestedArticles, planCheck: planChecks[0] ?? null });
  }

  /**
   * GET /v1/tickets/:id: the ticket row and the five parts of its page in ONE statement (the row
   * read on its own first cost a second round trip and TypeORM's query building: about a fifth of
   * the GET's CPU). Anyone who may not see the ticket gets "not found", as for an id that does
   * not exist; the parts read with it are dropped unseen.
   */
  async describeVisible(id: string, caller: Principal): Promise<TicketView> {
    const [tickets, statusHistory, comments, attachments, suggestedArticles, planChecks] = await readPageParts(this.dataSource, [
      { ...this.ticketRow, parameters: [id] },
      ...this.parts(id, caller),
    ]);
    return ticketView(visibleTo(tickets[0], id, caller), {
      statusHistory,
      comments,
      attachments,
      suggestedArticles,
      planCheck: planChecks[0] ?? null,
    });
  }

  private parts(ticketId: string, caller: Principal) {
    return [
      historyPart(ticketId),
      // a requester never sees internal notes; staff see the whole conversation
      this.conversation.commentsPart(ticketId, isStaff(caller)),
      this.files.attachmentsPart(ticketId),
      suggestedReadingPart(ticketId),
      this.planCheckPart(ticketId),
    ] as const;
  }

  private planCheckPart(ticketId: string): PagePart<TicketPlanCheck> {
    return { ...this.planCheckRow, parameters: [ticketId] };
  }

  /** A ticket just filed: its one history entry, and no conversation, files, suggestions or plan check yet. */
  describeNew(ticket: Ticket, filing: TicketStatusChange): TicketView {
    return ticketView(ticket, { statusHistory: [filing], comments: [], attachments: [], suggestedArticles: [], planCheck: null });
  }
}

type PartResults<P extends readonly PagePart<unknown>[]> = { [K in keyof P]: P[K] extends PagePart<infer T> ? T[] : never };

/**
 * Reads parts of a ticket's page with one statement: each part's rows, tagged with the part's
 * place in the list, in one `UNION ALL`; each part's rows are then put in the order of its sort
 * key here (ASCII keys, compared as the database compares them byte by byte), which spares the
 * database a sort of the whole page.
 */
async function readPageParts<P extends readonly PagePart<unknown>[]>(
  dataSource: DataSource,
  parts: readonly [...P],
): Promise<PartResults<P>> {
  const branches = parts.map((part, index) => `SELECT ${index} AS part, p.sort_key, p.row FROM (${part.select}) AS p`);
  const rows: Array<{ part: number | string; sort_key: string; row: string | Record<string, unknown> }> = await dataSource.query(
    branches.join(' UNION ALL '),
    parts.flatMap((part) => part.parameters),
  );
  rows.sort((a, b) => Number(a.part) - Number(b.part) || (a.sort_key < b.sort_key ? -1 : a.sort_key > b.sort_key ? 1 : 0));
  const results = parts.map(() => [] as unknown[]);
  for (const { part, row } of rows) {
    const index = Number(part);
    results[index].push(parts[index].read((typeof row === 'string' ? JSON.parse(row) : row) as Record<string, unknown>));
  }
  return results as PartResults<P>;
}

/** The status history, oldest first (by its auto-increment id, zero-padded so that it sorts as text). */
function historyPart(ticketId: string): PagePart<TicketStatusChange> {
  return {
    select: `SELECT LPAD(id, 20, '0') AS sort_key,
                    JSON_OBJECT('id', CAST(id AS CHAR), 'previousStatus', previous_status, 'status', status, 'reason', reason,
                                'changedBy', changed_by, 'changedAt', changed_at) AS row
               FROM ticket_status_change WHERE ticket_id = ?`,
    parameters: [ticketId],
    read: (row) => Object.assign(new TicketStatusChange(), row, { ticketId, changedAt: storedInstant(row['changedAt']) }),
  };
}

/**
 * The knowledge base's latest suggestions for the ticket, in their order: the list of its
 * `ticket_suggestions` row, one row per entry (JSON_TABLE, as on MySQL 8), so the part reads like
 * the others.
 */
function suggestedReadingPart(ticketId: string): PagePart<SuggestedArticle> {
  return {
    select: `SELECT LPAD(s.position, 10, '0') AS sort_key, s.article AS row
               FROM ticket_suggestions ts, JSON_TABLE(ts.articles, '$[*]' COLUMNS (position FOR ORDINALITY, article JSON PATH '$')) s
              WHERE ts.ticket_id = ?`,
    parameters: [ticketId],
    read: (row) => row as unknown as SuggestedArticle,
  };
}
