import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { KbArticlesSuggested, type SupportEvent, type TicketCreatedV1 } from '@support/contracts';
import { suggestionTerms, type Locale } from '@support/domain-knowledge';
import { originOf, OutboxWriter, pending, type BatchContext, type PendingEvent } from '@support/messaging';
import { ApiError, isStaff, type Principal } from '@support/platform';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { Article } from '../articles/article.entity';
import { ArticleReaderService } from '../articles/article-reader.service';
import { isUuid } from '../catalog/catalog.service';
import { KnowledgeBaseEnvironment } from '../environment';
import { suggestionNotFound, ticketSuggestionsNotFound } from '../knowledge-base.errors';
import { SearchPort, type RankedArticle } from '../search/search-port';
import { Suggestion, SuggestionItem, type SuggestionChannel } from './suggestion.entity';
import { guessTextLocale } from './text-language';

/** Longest text a requester may send to be matched; a ticket's description is cut to it. */
export const MAX_SUGGESTION_TEXT_LENGTH = 10_000;
// Matches scoring below this share of the best one are noise next to it, not help.
const RELATIVE_SCORE_FLOOR = 0.25;

/**
 * Ticket deflection: the articles most likely to answer what a requester is typing or has filed,
 * a record of every set shown, and the requester's "this answered my question" mark, which
 * admins read back as deflection rates.
 */
@Injectable()
export class DeflectionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly search: SearchPort,
    private readonly reader: ArticleReaderService,
    @Inject(KnowledgeBaseEnvironment) private readonly env: KnowledgeBaseEnvironment,
  ) {}

  /** What a requester is typing, matched as they type; a non-empty set is recorded as shown. */
  async suggestForText(text: string, locale: Locale, requester: Principal | undefined) {
    const { terms, ranked } = await this.bestMatches(text, '', locale, this.dataSource.manager);
    const articles = await this.articlesFor(ranked, locale, terms, this.dataSource.manager);
    let suggestionId: string | null = null;
    if (articles.length > 0) {
      const id = uuidv7();
      await this.dataSource.transaction((manager) =>
        this.record(
          manager,
          {
            id,
            channel: 'typed',
            ticketId: null,
            requesterId: requester?.userId ?? null,
            requesterAccountId: requester?.accountId ?? null,
            locale,
            terms,
          },
          ranked,
        ),
      );
      suggestionId = id;
    }
    return { suggestionId, requestedLocale: locale, terms, articles };
  }

  /**
   * Answers support.ticket.created with support.kb.articles_suggested: the best matches for the
   * subject and description, in the language the ticket is written in. No match is an answer
   * too (an empty list), so the ticket's view knows the lookup happened. A run of tickets costs
   * one indexed search each (slugs and titles come with the matches), one read of tickets
   * answered before, and one multi-row insert each for the sets and their items.
   *
   * A ticket announced again under another event id (ticketing's anti-entropy re-drive, when its
   * view still lacks suggestions after a while) gets its recorded set announced again, with the
   * recorded time, so a lost announcement is repaired without matching or recording twice.
   */
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
    const suggestions: Suggestion[] = [];
    const items: Array<Omit<SuggestionItem, 'suggestion'>> = [];
    const announcements: PendingEvent[] = [];
    const repeats: Array<{ event: SupportEvent<TicketCreatedV1>; suggestion: Suggestion }> = [];
    const answered = new Set<string>();
    const suggestedAt = new Date();
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
      const locale = guessTextLocale(`${ticket.subject}\n${description}`);
      const terms = ticketTerms(ticket.subject, description);
      const matches = terms.length === 0 ? [] : await this.search.suggest(terms, locale, this.env.KB_SUGGESTION_LIMIT, manager);
      const best = matches[0]?.relevance ?? 0;
      const kept = matches.filter((match) => match.relevance >= best * RELATIVE_SCORE_FLOOR);
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
    }
    if (repeats.length > 0) announcements.push(...(await this.announceAgain(manager, repeats)));
    if (suggestions.length > 0)
      await manager.createQueryBuilder().insert().into(Suggestion).values(suggestions).updateEntity(false).execute();
    if (items.length > 0) await manager.createQueryBuilder().insert().into(SuggestionItem).values(items).updateEntity(false).execute();
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

  /** Records which shown article answered the requester's question (replacing an earlier mark). */
  async markAnswer(suggestionId: string, articleReference: string, caller: Principal | undefined) {
    await this.dataSource.transaction(async (manager) => {
      const suggestion = await this.ownSuggestion(manager, suggestionId, caller, true);
      const article = await manager.findOne(Article, {
        where: isUuid(articleReference) ? { id: articleReference } : { slug: articleReference },
        select: { id: true },
      });
      const shown = article && (await manager.findOneBy(SuggestionItem, { suggestionId: suggestion.id, articleId: article.id }));
      if (!shown) {
        throw ApiError.validationFailed([
          { field: 'articleId', message: `article "${articleReference}" was not among the articles suggested` },
        ]);
      }
      if (suggestion.answeredArticleId === article.id) return;
      await manager.update(Suggestion, { id: suggestion.id }, { answeredArticleId: article.id, answeredAt: new Date() });
    });
    return this.view(suggestionId, caller);
  }

  async clearAnswer(suggestionId: string, caller: Principal | undefined) {
    await this.dataSource.transaction(async (manager) => {
      const suggestion = await this.ownSuggestion(manager, suggestionId, caller, true);
      await manager.update(Suggestion, { id: suggestion.id }, { answeredArticleId: null, answeredAt: null });
    });
    return this.view(suggestionId, caller);
  }

  /** One recorded set, for its requester (or anyone, when it was shown to an anonymous reader) and staff. */
  async view(suggestionId: string, caller: Principal | undefined) {
    const suggestion = await this.ownSuggestion(this.dataSource.manager, suggestionId, caller, false);
    return this.describe(suggestion);
  }

  async viewForTicket(ticketId: string, caller: Principal) {
    const suggestion = await this.dataSource.getRepository(Suggestion).findOneBy({ ticketId });
    if (!suggestion || (!isStaff(caller) && !isRequester(suggestion, caller))) {
      throw ticketSuggestionsNotFound(ticketId);
    }
    return this.describe(suggestion);
  }

  private async bestMatches(subject: string, details: string, locale: Locale, manager: EntityManager) {
    const terms = ticketTerms(subject, details);
    if (terms.length === 0) return { terms, ranked: [] as RankedArticle[] };
    const ranked = (await this.search.query({ terms }, locale, {}, manager)).matches;
    const best = ranked[0]?.relevance ?? 0;
    return { terms, ranked: ranked.filter((r) => r.relevance >= best * RELATIVE_SCORE_FLOOR).slice(0, this.env.KB_SUGGESTION_LIMIT) };
  }

  private async articlesFor(ranked: readonly RankedArticle[], locale: Locale, terms: readonly string[], manager: EntityManager) {
    const scores = new Map(ranked.map((r) => [r.articleId, r.relevance]));
    const summaries = await this.reader.summaries(
      ranked.map((r) => r.articleId),
      locale,
      terms,
      manager,
    );
    return summaries.map((summary) => ({ ...summary, score: Math.round((scores.get(summary.id) ?? 0) * 1000) / 1000 }));
  }

  private async record(
    manager: EntityManager,
    suggestion: {
      id: string;
      channel: SuggestionChannel;
      ticketId: string | null;
      requesterId: string | null;
      requesterAccountId: string | null;
      locale: Locale;
      terms: readonly string[];
    },
    ranked: readonly RankedArticle[],
  ): Promise<void> {
    await manager.insert(Suggestion, suggestionRow(suggestion, new Date()));
    if (ranked.length > 0) await manager.insert(SuggestionItem, itemRows(suggestion.id, ranked));
  }

  /**
   * The suggestion if the caller may see (or, with `toMark`, mark) it: a requester's own set,
   * an anonymous reader's set for anyone holding its id, any set for staff when only reading.
   * Anyone else's is "not found", so ids reveal nothing.
   */
  private async ownSuggestion(manager: EntityManager, id: string, caller: Principal | undefined, toMark: boolean): Promise<Suggestion> {
    if (!isUuid(id)) throw suggestionNotFound(id);
    const suggestion = await manager.getRepository(Suggestion).findOne({
      where: { id },
      ...(toMark ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!suggestion) throw suggestionNotFound(id);
    if (suggestion.requesterId === null) return suggestion;
    if (!caller) throw ApiError.unauthenticated('these suggestions were shown to a signed-in requester: send their token');
    if (isRequester(suggestion, caller) || (!toMark && isStaff(caller))) return suggestion;
    throw suggestionNotFound(id);
  }

  private async describe(suggestion: Suggestion) {
    const items: Array<{ position: number; articleId: string; servedLocale: string; score: number; slug: string | null }> =
      await this.dataSource.query(
        `SELECT i.position, i.article_id AS articleId, i.served_locale AS servedLocale, i.score, a.slug
         FROM kb_suggestion_item i LEFT JOIN kb_article a ON a.id = i.article_id
        WHERE i.suggestion_id = ? ORDER BY i.position`,
        [suggestion.id],
      );
    return {
      id: suggestion.id,
      channel: suggestion.channel,
      ticketId: suggestion.ticketId,
      locale: suggestion.locale,
      articles: items.map((i) => ({
        position: Number(i.position),
        articleId: i.articleId,
        slug: i.slug,
        locale: i.servedLocale,
        score: Number(i.score),
      })),
      answeredArticleId: suggestion.answeredArticleId,
      answeredAt: suggestion.answeredAt?.toISOString() ?? null,
      createdAt: suggestion.createdAt.toISOString(),
    };
  }
}

/**
 * The set was shown to this caller: same user in the same account (a customer is (account,
 * user); staff act for no account). A set recorded without its requester's account is nobody's.
 */
function isRequester(suggestion: Suggestion, caller: Principal): boolean {
  if (suggestion.requesterId !== caller.userId) return false;
  return caller.accountId === null
    ? isStaff(caller) && suggestion.requesterAccountId === null
    : suggestion.requesterAccountId === caller.accountId;
}

/** The words a ticket is matched by: the subject states the most important point, so its words come first. */
function ticketTerms(subject: string, details: string): string[] {
  return [...new Set([...suggestionTerms(subject, { max: 6 }), ...suggestionTerms(`${subject}\n${details}`, { max: 12 })])];
}

function suggestionRow(
  suggestion: {
    id: string;
    channel: SuggestionChannel;
    ticketId: string | null;
    requesterId: string | null;
    requesterAccountId: string | null;
    locale: Locale;
    terms: readonly string[];
  },
  createdAt: Date,
): Suggestion {
  return Object.assign(new Suggestion(), {
    id: suggestion.id,
    channel: suggestion.channel,
    ticketId: suggestion.ticketId,
    requesterId: suggestion.requesterId,
    requesterAccountId: suggestion.requesterAccountId,
    locale: suggestion.locale,
    searchTerms: suggestion.terms.join(' ').slice(0, 500),
    answeredArticleId: null,
    answeredAt: null,
    createdAt,
  });
}

function itemRows(suggestionId: string, ranked: readonly RankedArticle[]) {
  return ranked.map((r, index) => ({
    suggestionId,
    position: index + 1,
    articleId: r.articleId,
    servedLocale: r.servedLocale,
    score: r.relevance,
  }));
}
