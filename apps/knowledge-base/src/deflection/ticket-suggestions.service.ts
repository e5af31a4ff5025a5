import { Inject, Injectable } from '@nestjs/common';
import { KbArticlesSuggested, type KbArticlesSuggestedV1, type SupportEvent, type TicketCreatedV1 } from '@support/contracts';
import type { Locale } from '@support/domain-knowledge';
import { originOf, OutboxWriter, pending, type BatchContext, type PendingEvent } from '@support/messaging';
import { insertRows } from '@support/persistence';
import { In, type EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { KnowledgeBaseEnvironment } from '../environment';
import { SearchPort, type MatchedArticle } from '../search/search-port';
import { MAX_SUGGESTION_TEXT_LENGTH, suggestionRow, ticketTerms, worthShowing } from './suggestion-rows';
import { Suggestion } from './suggestion.entity';
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
          select: { id: true, ticketId: true, locale: true, articles: true, createdAt: true },
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
    const announcements: PendingEvent[] = [];
    const suggestedAt = new Date();
    // a loop, not closures made per run (CONTRIBUTING.md, "Hot paths")
    for (let index = 0; index < fresh.length; index += 1) {
      const { event, locale, terms } = fresh[index];
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
          kept,
          suggestedAt,
        ),
      );
      announcements.push(
        pending(
          KbArticlesSuggested,
          {
            ticketId: ticket.ticketId,
            locale,
            suggestions: kept.map(announcedSuggestion),
            suggestedAt: suggestedAt.toISOString(),
          },
          originOf(event),
        ),
      );
    }
    if (repeats.length > 0) announcements.push(...(await this.announceAgain(manager, repeats)));
    await insertRows(manager, Suggestion, suggestions);
    if (announcements.length > 0) await this.outbox.addMany(manager, announcements);
  }

  /** The recorded sets of tickets announced again, as they were shown (one read for all of them). */
  private async announceAgain(
    manager: EntityManager,
    repeats: Array<{ event: SupportEvent<TicketCreatedV1>; suggestion: Suggestion }>,
  ): Promise<PendingEvent[]> {
    const articleIds = [...new Set(repeats.flatMap(({ suggestion }) => suggestion.articles.map((item) => item.articleId)))];
    const shown = new Map<string, { slug: string; title: string }>();
    if (articleIds.length > 0) {
      const rows: Array<{ id: string; slug: string; locale: string; title: string }> = await manager.query(
        `SELECT a.id, a.slug, t.locale, t.title FROM kb_article a JOIN kb_article_translation t ON t.article_id = a.id WHERE a.id IN (?)`,
        [articleIds],
      );
      for (const row of rows) shown.set(`${row.id} ${row.locale}`, { slug: row.slug, title: row.title });
    }
    return repeats.map(({ event, suggestion }) =>
      pending(
        KbArticlesSuggested,
        {
          ticketId: event.data.ticketId,
          locale: suggestion.locale,
          // an article deleted since (or its translation) is left out: the ticket's view shows only what can be opened
          suggestions: suggestion.articles.flatMap((item) => {
            const article = shown.get(`${item.articleId} ${item.servedLocale}`);
            return article
              ? [
                  {
                    articleId: item.articleId,
                    slug: article.slug,
                    title: article.title,
                    locale: item.servedLocale,
                    score: Math.round(Number(item.score) * 1000) / 1000,
                  },
                ]
              : [];
          }),
          suggestedAt: suggestion.createdAt.toISOString(),
        },
        originOf(event),
      ),
    );
  }
}

/** A match as the announcement lists it (module-level: see CONTRIBUTING.md, "Hot paths"). */
function announcedSuggestion(match: MatchedArticle): KbArticlesSuggestedV1['suggestions'][number] {
  return {
    articleId: match.articleId,
    slug: match.slug,
    title: match.title,
    locale: match.servedLocale,
    score: Math.round(match.relevance * 1000) / 1000,
  };
}
