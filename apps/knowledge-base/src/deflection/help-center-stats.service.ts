import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { SOURCE_LOCALE, type Locale } from '@support/domain-knowledge';
import { ApiError } from '@support/platform';
import type { DataSource } from 'typeorm';
import type { SuggestionChannel } from './suggestion.entity';

const DAY_MS = 24 * 3600_000;

function rate(answered: number, shown: number): number {
  return shown === 0 ? 0 : Math.round((answered / shown) * 10_000) / 10_000;
}

/** What administrators learn from readers: how often suggestions deflect, and which translations are missed. */
@Injectable()
export class HelpCenterStatsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Deflection rate: of the suggestion sets shown (per locale) or the times an article was
   * suggested (per article), the share the requester marked as answering their question.
   */
  async deflection(options: { since?: string; until?: string; channel?: SuggestionChannel; limit: number }) {
    const until = options.until ? new Date(options.until) : new Date();
    const since = options.since ? new Date(options.since) : new Date(until.getTime() - 30 * DAY_MS);
    if (since.getTime() >= until.getTime()) throw ApiError.validationFailed([{ field: 'since', message: 'since must be before until' }]);
    const channel = options.channel ? ' AND s.channel = ?' : '';
    const params = [since, until, ...(options.channel ? [options.channel] : [])];

    const [byLocale, byArticle] = await Promise.all([
      this.dataSource.query(
        `SELECT s.locale, COUNT(*) AS shown, SUM(s.answered_article_id IS NOT NULL) AS answered
           FROM kb_suggestion s
          WHERE s.created_at >= ? AND s.created_at < ?${channel}
            AND JSON_LENGTH(s.articles) > 0
          GROUP BY s.locale ORDER BY shown DESC, s.locale`,
        params,
      ) as Promise<Array<{ locale: string; shown: string | number; answered: string | number | null }>>,
      this.dataSource.query(
        `SELECT i.article_id AS articleId, a.slug, en.title, COUNT(*) AS shown, SUM(s.answered_article_id = i.article_id) AS answered
           FROM kb_suggestion s
           CROSS JOIN JSON_TABLE(s.articles, '$[*]' COLUMNS (article_id CHAR(36) PATH '$.articleId')) AS i
           LEFT JOIN kb_article a ON a.id = i.article_id
           LEFT JOIN kb_article_translation en ON en.article_id = i.article_id AND en.locale = '${SOURCE_LOCALE}'
          WHERE s.created_at >= ? AND s.created_at < ?${channel}
          GROUP BY i.article_id, a.slug, en.title
          ORDER BY answered DESC, shown DESC, i.article_id
          LIMIT ?`,
        [...params, options.limit],
      ) as Promise<
        Array<{ articleId: string; slug: string | null; title: string | null; shown: string | number; answered: string | number | null }>
      >,
    ]);
    const locales = byLocale.map((row) => ({ locale: row.locale, shown: Number(row.shown), answered: Number(row.answered ?? 0) }));
    const shown = locales.reduce((sum, l) => sum + l.shown, 0);
    const answered = locales.reduce((sum, l) => sum + l.answered, 0);
    return {
      since: since.toISOString(),
      until: until.toISOString(),
      channel: options.channel ?? null,
      overall: { shown, answered, rate: rate(answered, shown) },
      byLocale: locales.map((l) => ({ ...l, rate: rate(l.answered, l.shown) })),
      byArticle: byArticle.map((row) => ({
        articleId: row.articleId,
        slug: row.slug,
        title: row.title,
        shown: Number(row.shown),
        answered: Number(row.answered ?? 0),
        rate: rate(Number(row.answered ?? 0), Number(row.shown)),
      })),
    };
  }

  /**
   * The translations readers asked for most and did not get: reads served in English to readers
   * of another locale, for articles that still have no translation in it.
   */
  async missingTranslations(options: { locale?: Locale; since?: string; limit: number }) {
    const since = options.since ? new Date(options.since) : new Date(Date.now() - 30 * DAY_MS);
    const day = since.toISOString().slice(0, 10);
    const localeFilter = options.locale ? ' AND v.requested_locale = ?' : '';
    const rows: Array<{
      articleId: string;
      slug: string;
      title: string;
      status: string;
      locale: string;
      fallbackReads: string | number;
      lastReadOn: Date | string;
    }> = await this.dataSource.query(
      `SELECT v.article_id AS articleId, a.slug, en.title, a.status, v.requested_locale AS locale,
                SUM(v.views) AS fallbackReads, MAX(v.day) AS lastReadOn
           FROM kb_article_view_count v
           JOIN kb_article a ON a.id = v.article_id
           JOIN kb_article_translation en ON en.article_id = v.article_id AND en.locale = '${SOURCE_LOCALE}'
          WHERE v.requested_locale <> v.served_locale AND v.day >= ?${localeFilter}
            AND NOT EXISTS (SELECT 1 FROM kb_article_translation t WHERE t.article_id = v.article_id AND t.locale = v.requested_locale)
          GROUP BY v.article_id, a.slug, en.title, a.status, v.requested_locale
          ORDER BY fallbackReads DESC, v.article_id, v.requested_locale
          LIMIT ?`,
      [day, ...(options.locale ? [options.locale] : []), options.limit],
    );
    return {
      since: day,
      items: rows.map((row) => ({
        articleId: row.articleId,
        slug: row.slug,
        title: row.title,
        status: row.status,
        locale: row.locale,
        fallbackReads: Number(row.fallbackReads),
        lastReadOn: typeof row.lastReadOn === 'string' ? row.lastReadOn : new Date(row.lastReadOn).toISOString().slice(0, 10),
      })),
    };
  }
}
