import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type Locale } from '@support/domain-knowledge';
import { ApiError, isStaff, type Principal } from '@support/platform';
import { type DataSource, type EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { Article } from '../articles/article.entity';
import { ArticleReaderService } from '../articles/article-reader.service';
import { isUuid } from '../catalog/catalog.service';
import { KnowledgeBaseEnvironment } from '../environment';
import { suggestionNotFound, ticketSuggestionsNotFound } from '../knowledge-base.errors';
import { SearchPort, type RankedArticle } from '../search/search-port';
import { isRequester, suggestionRow, ticketTerms, worthShowing, type SuggestionDraft } from './suggestion-rows';
import { Suggestion } from './suggestion.entity';

/**
 * Ticket deflection: the articles most likely to answer what a requester is typing (a new
 * ticket's set is TicketSuggestionsService's), a record of every set shown, and the requester's
 * "this answered my question" mark, which admins read back as deflection rates.
 */
@Injectable()
export class DeflectionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
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

  /** Records which shown article answered the requester's question (replacing an earlier mark). */
  async markAnswer(suggestionId: string, articleReference: string, caller: Principal | undefined) {
    await this.dataSource.transaction(async (manager) => {
      const suggestion = await this.ownSuggestion(manager, suggestionId, caller, true);
      const article = await manager.findOne(Article, {
        where: isUuid(articleReference) ? { id: articleReference } : { slug: articleReference },
        select: { id: true },
      });
      const shown = article && suggestion.articles.some((item) => item.articleId === article.id);
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
    return { terms, ranked: worthShowing(ranked).slice(0, this.env.KB_SUGGESTION_LIMIT) };
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

  private async record(manager: EntityManager, suggestion: SuggestionDraft, ranked: readonly RankedArticle[]): Promise<void> {
    await manager.insert(Suggestion, suggestionRow(suggestion, ranked, new Date()));
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
    const ids = suggestion.articles.map((item) => item.articleId);
    const slugs = new Map<string, string>(
      ids.length === 0
        ? []
        : (
            (await this.dataSource.query('SELECT id, slug FROM kb_article WHERE id IN (?)', [ids])) as Array<{ id: string; slug: string }>
          ).map((row) => [row.id, row.slug]),
    );
    return {
      id: suggestion.id,
      channel: suggestion.channel,
      ticketId: suggestion.ticketId,
      locale: suggestion.locale,
      // slug null: the article was deleted since
      articles: suggestion.articles.map((item, index) => ({
        position: index + 1,
        articleId: item.articleId,
        slug: slugs.get(item.articleId) ?? null,
        locale: item.servedLocale,
        score: Number(item.score),
      })),
      answeredArticleId: suggestion.answeredArticleId,
      answeredAt: suggestion.answeredAt?.toISOString() ?? null,
      createdAt: suggestion.createdAt.toISOString(),
    };
  }
}
