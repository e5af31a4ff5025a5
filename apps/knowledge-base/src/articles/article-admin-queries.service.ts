import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { SOURCE_LOCALE } from '@support/domain-knowledge';
import type { DataSource } from 'typeorm';
import { isUuid } from '../catalog/catalog.service';
import { Category } from '../catalog/category.entity';
import { Section } from '../catalog/section.entity';
import { articleNotFound } from '../knowledge-base.errors';
import { decodeCursor, encodeCursor, queryFingerprint } from '../search/cursor';
import { Article, type ArticleStatus } from './article.entity';
import { ArticleTranslation } from './article-translation.entity';

/** What administrators see: drafts too, every locale side by side, views and votes. */
@Injectable()
export class ArticleAdminQueries {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async view(reference: string) {
    const article = await this.dataSource.getRepository(Article).findOneBy(isUuid(reference) ? { id: reference } : { slug: reference });
    if (!article) throw articleNotFound(reference);
    const [translations, section, views] = await Promise.all([
      this.dataSource.getRepository(ArticleTranslation).find({ where: { articleId: article.id }, order: { locale: 'ASC' } }),
      this.dataSource.getRepository(Section).findOneByOrFail({ id: article.sectionId }),
      this.dataSource.query(
        `SELECT requested_locale AS requestedLocale, served_locale AS servedLocale, SUM(views) AS views
           FROM kb_article_view_count WHERE article_id = ? GROUP BY requested_locale, served_locale`,
        [article.id],
      ) as Promise<Array<{ requestedLocale: string; servedLocale: string; views: string | number }>>,
    ]);
    const category = await this.dataSource.getRepository(Category).findOneByOrFail({ id: section.categoryId });
    const source = translations.find((t) => t.locale === SOURCE_LOCALE);
    const byRequestedLocale: Record<string, number> = {};
    let fallbackViews = 0;
    for (const row of views) {
      byRequestedLocale[row.requestedLocale] = (byRequestedLocale[row.requestedLocale] ?? 0) + Number(row.views);
      if (row.requestedLocale !== row.servedLocale) fallbackViews += Number(row.views);
    }
    return {
      id: article.id,
      slug: article.slug,
      status: article.status,
      version: article.version,
      kind: article.kind,
      audience: article.audience,
      videoUrl: article.videoUrl,
      errorCodes: article.errorCodes,
      releasedOn: article.releasedOn,
      category: { id: category.id, slug: category.slug },
      section: { id: section.id, slug: section.slug },
      translations: Object.fromEntries(
        translations.map((t) => [
          t.locale,
          {
            title: t.title,
            body: t.body,
            updatedAt: t.updatedAt.toISOString(),
            outdated: t.locale !== SOURCE_LOCALE && !!source && t.updatedAt.getTime() < source.updatedAt.getTime(),
          },
        ]),
      ),
      votes: { helpful: article.helpfulVotes, notHelpful: article.notHelpfulVotes },
      views: {
        total: Object.values(byRequestedLocale).reduce((sum, n) => sum + n, 0),
        byRequestedLocale,
        servedInEnglishFallback: fallbackViews,
      },
      publishedAt: article.publishedAt?.toISOString() ?? null,
      createdAt: article.createdAt.toISOString(),
      updatedAt: article.updatedAt.toISOString(),
    };
  }

  /** Every article, drafts included, most recently changed first. */
  async list(options: { status?: ArticleStatus; cursor?: string; limit: number }) {
    const fingerprint = queryFingerprint(['admin', options.status ?? null]);
    const params: unknown[] = [];
    let where = '1 = 1';
    if (options.status) {
      where += ' AND a.status = ?';
      params.push(options.status);
    }
    if (options.cursor !== undefined) {
      const position = decodeCursor(options.cursor, fingerprint, 1);
      const after = new Date(Number(position.values[0]));
      where += ' AND (a.updated_at < ? OR (a.updated_at = ? AND a.id < ?))';
      params.push(after, after, position.id);
    }
    params.push(options.limit + 1);
    const rows: Array<{
      id: string;
      slug: string;
      status: string;
      version: number;
      kind: string;
      title: string;
      locales: string;
      updatedAt: Date;
    }> = await this.dataSource.query(
      `SELECT a.id, a.slug, a.status, a.version, a.kind, a.updated_at AS updatedAt, en.title,
                (SELECT GROUP_CONCAT(t.locale ORDER BY t.locale) FROM kb_article_translation t WHERE t.article_id = a.id) AS locales
           FROM kb_article a
           JOIN kb_article_translation en ON en.article_id = a.id AND en.locale = '${SOURCE_LOCALE}'
          WHERE ${where}
          ORDER BY a.updated_at DESC, a.id DESC
          LIMIT ?`,
      params,
    );
    const page = rows.slice(0, options.limit);
    const last = page[page.length - 1];
    return {
      items: page.map((row) => ({
        id: row.id,
        slug: row.slug,
        status: row.status,
        version: Number(row.version),
        kind: row.kind,
        title: row.title,
        locales: row.locales.split(','),
        updatedAt: new Date(row.updatedAt).toISOString(),
      })),
      nextCursor:
        rows.length > options.limit && last
          ? encodeCursor({ q: fingerprint, id: last.id, values: [new Date(last.updatedAt).getTime()] })
          : null,
    };
  }
}
