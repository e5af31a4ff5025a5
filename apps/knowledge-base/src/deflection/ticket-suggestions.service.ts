import { Inject, Injectable } from '@nestjs/common';
import { KbArticlesSuggested, type SupportEvent, type TicketCreatedV1 } from '@support/contracts';
import type { Locale } from '@support/domain-knowledge';
import { originOf, OutboxWriter, pending, type BatchContext, type PendingEvent } from '@support/messaging';
import { insertRows } from '@support/persistence';
import { In, type EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { KnowledgeBaseEnvironment } from '../environment';
import { SearchPort } from '../search/search-port';
import { itemRows, MAX_SUGGESTION_TEXT_LENGTH, suggestionRow, ticketTerms, worthShowing } from './suggestion-rows';
import { Suggestion, SuggestionItem } from './suggestion.entity';
import { guessTextLocale } from './text-language';

/**
 * Answers support.ticket.created with support.kb.articles_suggested: the best matches for the
 * subject and description, in the language the ticket is written in. No match is an answer too
 * (an empty list), so the ticket's view knows the lookup happened. A run of tickets costs one
 * set of indexed queries for all of them (SearchPort.suggest: two statements whatever the run's
 * length, slugs and titles with the matches), one read of tickets answered before, and one
 * multi-row insert each for the sets and their items.
 *
 * A ticket announced again under another event id (ticketing's anti-entropy re-drive, when its
 * view still lacks suggestions after a while) gets its recorded set announced again, with the
 * recorded time, so a lost announcement is repaired without matching or recording twice.
 */
@Injectable()
export class TicketSuggestionsService {
  constructor(
    private readonly outbox: OutboxWriter,
    private readonly search: SearchPort,
    @Inject(KnowledgeBaseEnvironment) private readonly env: KnowledgeBaseEnvironment,
  ) {}

  async suggestForTickets(events: SupportEvent<TicketCreatedV1>[], context: BatchContext): Promise<void> {
    const { manager } = context;
    const ticketIds = [...new Set(events.map((event) => event.data.ticketId))];
    // the same ticket announced again under another event id: its suggestions already went out
    const recorded = new Map(
      (
        await manager.find(Suggestion, {
          select: { id: true, ticketId: true, locale: true, createdAt: true },
          where: { ticketId: In(ticketIds) },
        })
      ).map((s) => [s.ticketId as string, s]),
    );
    const fresh: Array<{ event: SupportEvent<TicketCreatedV1>; locale: Locale; terms: string[] }> = [];
    const repeats: Array<{ event: SupportEvent<TicketCreatedV1>; suggestion: Suggestion }> = [];
    const answered = new Set<string>();
    for (const event of events) {
      const ticket = event.data;
      if (answered.has(ticket.ticketId)) continue;
      answered.add(ticket.ticketId);
      const earlier = recorded.get(ticket.ticketId);
      if (earlier) {
        repeats.push({ event, suggestion: earlier });
        continue;
      }
      const description = ticket.description.slice(0, MAX_SUGGESTION_TEXT_LENGTH);
      fresh.push({ event, locale: guessTextLocale(`${ticket.subject}\n${description}`), terms: ticketTerms(ticket.subject, description) });
    }
    // the whole run's matches in one set of indexed queries
    const matches = await this.search.suggest(fresh, this.env.KB_SUGGESTION_LIMIT, manager);
    const suggestions: Suggestion[] = [];
    const items: Array<Omit<SuggestionItem, 'suggestion'>> = [];
    const announcements: PendingEvent[] = [];
    const suggestedAt = new Date();
    fresh.forEach(({ event, locale, terms }, index) => {
      const ticket = event.data;
      const kept = worthShowing(matches[index]);
      const id = uuidv7();
      suggestions.push(
        suggestionRow(
          {
            id,
            channel: 'ticket',
            ticketId: ticket.ticketId,
            requesterId: ticket.requesterId,
            requesterAccountId: ticket.accountId,
            locale,
            terms,
          },
          suggestedAt,
        ),
      );
      items.push(...itemRows(id, kept));
      announcements.push(
        pending(
          KbArticlesSuggested,
          {
            ticketId: ticket.ticketId,
            locale,
            suggestions: kept.map((m) => ({
              articleId: m.articleId,
              slug: m.slug,
              title: m.title,
              locale: m.servedLocale,
              score: Math.round(m.relevance * 1000) / 1000,
            })),
            suggestedAt: suggestedAt.toISOString(),
          },
          originOf(event),
        ),
      );
    });
    if (repeats.length > 0) announcements.push(...(await this.announceAgain(manager, repeats)));
    await insertRows(manager, Suggestion, suggestions);
    await insertRows(manager, SuggestionItem, items);
    if (announcements.length > 0) await this.outbox.addMany(manager, announcements);
  }

  /** The recorded sets of tickets announced again, as they were shown (one read for all of them). */
  private async announceAgain(
    manager: EntityManager,
    repeats: Array<{ event: SupportEvent<TicketCreatedV1>; suggestion: Suggestion }>,
  ): Promise<PendingEvent[]> {
    const rows: Array<{
      suggestionId: string;
      articleId: string;
      servedLocale: string;
      score: number;
      slug: string | null;
      title: string | null;
    }> = await manager.query(
      `SELECT i.suggestion_id AS suggestionId, i.article_id AS articleId, i.served_locale AS servedLocale, i.score, a.slug, t.title
           FROM kb_suggestion_item i
           LEFT JOIN kb_article a ON a.id = i.article_id
           LEFT JOIN kb_article_translation t ON t.article_id = i.article_id AND t.locale = i.served_locale
          WHERE i.suggestion_id IN (?) ORDER BY i.suggestion_id, i.position`,
      [repeats.map((r) => r.suggestion.id)],
    );
    return repeats.map(({ event, suggestion }) =>
      pending(
        KbArticlesSuggested,
        {
          ticketId: event.data.ticketId,
          locale: suggestion.locale,
          // an article deleted since is left out: the ticket's view shows only what can be opened
          suggestions: rows
            .filter((row) => row.suggestionId === suggestion.id && row.slug !== null && row.title !== null)
            .map((row) => ({
              articleId: row.articleId,
              slug: row.slug as string,
              title: row.title as string,
              locale: row.servedLocale,
              score: Math.round(Number(row.score) * 1000) / 1000,
            })),
          suggestedAt: suggestion.createdAt.toISOString(),
        },
        originOf(event),
      ),
    );
  }
}
