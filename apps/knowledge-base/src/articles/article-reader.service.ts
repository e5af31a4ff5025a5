import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { highlightSnippet, isSearchQueryError, parseSearchQuery, type Locale, type TranslationResolution } from '@support/domain-knowledge';
import { ApiError } from '@support/platform';
import type { DataSource, EntityManager } from 'typeorm';
import { CatalogService, isUuid, localeFields } from '../catalog/catalog.service';
import { ViewCounter } from '../engagement/view-counter.service';
import { articleNotFound } from '../knowledge-base.errors';
import { groupBy, localize } from '../reader-locale';
import { decodeCursor, encodeCursor, queryFingerprint } from '../search/cursor';
import { compareRanked, filterSql } from '../search/article-search.service';
import { SearchPort, type ArticleFilters } from '../search/search-port';
import { Article } from './article.entity';
import { ArticleTranslation } from './article-translation.entity';

export interface ArticleListQuery {
  q?: string;
  locale: Locale;
  filters: ArticleFilters;
  cursor?: string;
  limit: number;
}

const SNIPPET_LENGTH = 200;
export const MAX_AUTOCOMPLETE_LENGTH = 100;

type TranslationStamp = Pick<ArticleTranslation, 'articleId' | 'locale' | 'updatedAt'>;

/** What readers get: published articles only, each in their locale or in English, told which. */
@Injectable()
export class ArticleReaderService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly catalog: CatalogService,
    private readonly search: SearchPort,
    private readonly views: ViewCounter,
  ) {}

  /** One article for a reader; each read is counted (buffered, see ViewCounter). */
  async read(reference: string, locale: Locale) {
    const article = await this.dataSource
      .getRepository(Article)
      .findOneBy(isUuid(reference) ? { id: reference, status: 'published' } : { slug: reference, status: 'published' });
    if (!article) throw articleNotFound(reference);
    const translations = await this.dataSource.getRepository(ArticleTranslation).findBy({ articleId: article.id });
    const text = localize(locale, translations);
    const labels = (await this.catalog.labelsForSections([article.sectionId], locale)).get(article.sectionId);
    if (!labels) throw articleNotFound(reference);
    this.views.record(article.id, locale, text.locale);
    return {
      id: article.id,
      slug: article.slug,
      ...localeFields(text),
      title: text.served.title,
      body: text.served.body,
      kind: article.kind,
      audience: article.audience,
      videoUrl: article.videoUrl,
      errorCodes: article.errorCodes,
      releasedOn: article.releasedOn,
      category: labels.category,
      section: labels.section,
      votes: { helpful: article.helpfulVotes, notHelpful: article.notHelpfulVotes },
      publishedAt: article.publishedAt?.toISOString() ?? null,
      updatedAt: text.served.updatedAt.toISOString(),
    };
  }

  /**
   * The article list: a keyword search ranked by relevance when `q` is given, else every
   * published article, most recently updated first. Both page with an opaque cursor.
   */
  async list(query: ArticleListQuery) {
    if (query.filters.category !== undefined) {
      await this.catalog.findCategory(query.filters.category).catch(() => {
        throw ApiError.validationFailed([{ field: 'category', message: `no category has the slug or id "${query.filters.category}"` }]);
      });
    }
    return query.q === undefined ? this.browse(query) : this.searchPage(query, query.q);
  }

  /** Summaries of articles in the order given, for lists, search results and suggestions. */
  async summaries(
    articleIds: readonly string[],
    locale: Locale,
    terms: readonly string[] = [],
    manager: EntityManager = this.dataSource.manager,
    highlight?: (word: string, servedLocale: string) => boolean,
  ) {
    if (articleIds.length === 0) return [];
    const ids = [...new Set(articleIds)];
    const [articles, stamps] = await Promise.all([
      manager.getRepository(Article).createQueryBuilder('a').where('a.id IN (:...ids)', { ids }).getMany(),
      manager
        .getRepository(ArticleTranslation)
        .createQueryBuilder('t')
        .select(['t.articleId', 't.locale', 't.updatedAt'])
        .where('t.article_id IN (:...ids)', { ids })
        .getMany() as Promise<TranslationStamp[]>,
    ]);
    const stampsById = groupBy(stamps, (s) => s.articleId);
    const resolutions = new Map<string, TranslationResolution<TranslationStamp>>();
    for (const id of ids) {
      const rows = stampsById.get(id);
      if (rows) resolutions.set(id, localize(locale, rows));
    }
    const served = await this.servedTexts(
      manager,
      [...resolutions].map(([id, r]) => [id, r.locale] as const),
    );
    const labels = await this.catalog.labelsForSections(
      articles.map((a) => a.sectionId),
      locale,
      manager,
    );
    const articleById = new Map(articles.map((a) => [a.id, a]));

    return articleIds.flatMap((id) => {
      const article = articleById.get(id);
      const resolution = resolutions.get(id);
      const text = served.get(`${id}|${resolution?.locale}`);
      const label = article && labels.get(article.sectionId);
      if (!article || !resolution || !text || !label) return [];
      return [
        {
          id: article.id,
          slug: article.slug,
          title: text.title,
          snippet: highlightSnippet(text.body, terms, {
            maxLength: SNIPPET_LENGTH,
            matchWord: highlight && ((word: string) => highlight(word, resolution.locale)),
          }),
          kind: article.kind,
          audience: article.audience,
          ...localeFields(resolution),
          category: { id: label.category.id, slug: label.category.slug, title: label.category.title },
          section: { id: label.section.id, slug: label.section.slug, title: label.section.title },
          releasedOn: article.releasedOn,
          votes: { helpful: article.helpfulVotes, notHelpful: article.notHelpfulVotes },
          updatedAt: resolution.served.updatedAt.toISOString(),
        },
      ];
    });
  }

  private async searchPage(query: ArticleListQuery, q: string) {
    const parsed = parseSearchQuery(q);
    if (isSearchQueryError(parsed)) {
      throw ApiError.badRequest(parsed.code, parsed.message, { errors: [{ field: 'q', problems: [parsed.message] }] });
    }
    const fingerprint = queryFingerprint(['search', parsed.terms, parsed.phrase ?? null, query.locale, query.filters]);
    const result = await this.search.query(parsed, query.locale, query.filters);
    let ranked = result.matches;
    if (query.cursor !== undefined) {
      const position = decodeCursor(query.cursor, fingerprint, 2);
      const [tier, relevance] = position.values.map(Number);
      const last = { articleId: position.id, tier, relevance };
      ranked = ranked.filter((candidate) => compareRanked(candidate, last) > 0);
    }
    const page = ranked.slice(0, query.limit);
    const scores = new Map(page.map((r) => [r.articleId, r.relevance]));
    const items = (
      await this.summaries(
        page.map((r) => r.articleId),
        query.locale,
        parsed.terms,
        this.dataSource.manager,
        result.highlight,
      )
    ).map((item) => ({
      ...item,
      score: scores.get(item.id) ?? 0,
    }));
    const last = page[page.length - 1];
    return {
      requestedLocale: query.locale,
      items,
      nextCursor:
        ranked.length > query.limit && last
          ? encodeCursor({
              q: fingerprint,
              id: last.articleId,
              values: [last.tier, last.relevance],
            })
          : null,
    };
  }

  /** Search-as-you-type: titles whose words start with what is typed, in the reader's locale or English. */
  async autocomplete(q: string, locale: Locale, limit: number) {
    const text = typeof q === 'string' ? q.normalize('NFC').trim() : '';
    if (text === '' || !/[\p{L}\p{N}]/u.test(text)) {
      throw ApiError.validationFailed([{ field: 'q', message: 'q must contain at least one letter or digit' }]);
    }
    if ([...text].length > MAX_AUTOCOMPLETE_LENGTH) {
      throw ApiError.validationFailed([{ field: 'q', message: `q must be at most ${MAX_AUTOCOMPLETE_LENGTH} characters` }]);
    }
    const completions = await this.search.autocomplete(text, locale, limit);
    return {
      requestedLocale: locale,
      items: completions.map((c) => ({
        id: c.articleId,
        slug: c.slug,
        title: c.title,
        locale: c.servedLocale,
        translated: c.servedLocale === locale,
      })),
    };
  }

  private async browse(query: ArticleListQuery) {
    const fingerprint = queryFingerprint(['browse', query.locale, query.filters]);
    const filter = filterSql(query.filters);
    let keyset = '';
    const params: unknown[] = [...filter.params];
    if (query.cursor !== undefined) {
      const position = decodeCursor(query.cursor, fingerprint, 1);
      const after = new Date(Number(position.values[0]));
      keyset = ' AND (a.updated_at < ? OR (a.updated_at = ? AND a.id < ?))';
      params.push(after, after, position.id);
    }
    params.push(query.limit + 1);
    const rows: Array<{ id: string; updatedAt: Date }> = await this.dataSource.query(
      `SELECT a.id AS id, a.updated_at AS updatedAt
         FROM kb_article a
         JOIN kb_section s ON s.id = a.section_id
         JOIN kb_category c ON c.id = s.category_id
        WHERE a.status = 'published'${filter.sql}${keyset}
        ORDER BY a.updated_at DESC, a.id DESC
        LIMIT ?`,
      params,
    );
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1];
    return {
      requestedLocale: query.locale,
      items: await this.summaries(
        page.map((r) => r.id),
        query.locale,
      ),
      nextCursor:
        rows.length > query.limit && last
          ? encodeCursor({ q: fingerprint, id: last.id, values: [new Date(last.updatedAt).getTime()] })
          : null,
    };
  }

  private async servedTexts(manager: EntityManager, pairs: ReadonlyArray<readonly [string, string]>) {
    const texts = new Map<string, { title: string; body: string }>();
    if (pairs.length === 0) return texts;
    const rows: Array<{ articleId: string; locale: string; title: string; body: string }> = await manager.query(
      `SELECT article_id AS articleId, locale, title, body FROM kb_article_translation
        WHERE (article_id, locale) IN (${pairs.map(() => '(?, ?)').join(', ')})`,
      pairs.flat(),
    );
    for (const row of rows) texts.set(`${row.articleId}|${row.locale}`, { title: row.title, body: row.body });
    return texts;
  }
}
