import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { SOURCE_LOCALE, TOP_RESOURCES_SIZE, type Locale } from '@support/domain-knowledge';
import { ApiError, type FieldProblem } from '@support/platform';
import type { DataSource } from 'typeorm';
import { Article } from '../articles/article.entity';
import { ArticleReaderService } from '../articles/article-reader.service';
import { isUuid } from '../catalog/catalog.service';
import { TopResource } from './top-resource.entity';

/**
 * The curated front-page list, up to TOP_RESOURCES_SIZE articles in order, kept per locale. A
 * locale without a list of its own shows the English one; each article on it is then shown in
 * the reader's locale where translated. Drafts on a list stay hidden until published.
 */
@Injectable()
export class TopResourcesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reader: ArticleReaderService,
  ) {}

  async forReader(locale: Locale) {
    const rows: Array<{ locale: string; position: number; articleId: string }> = await this.dataSource.query(
      `SELECT r.locale, r.position, r.article_id AS articleId
         FROM kb_top_resource r JOIN kb_article a ON a.id = r.article_id AND a.status = 'published'
        WHERE r.locale IN (?, ?) ORDER BY r.position`,
      [locale, SOURCE_LOCALE],
    );
    const own = rows.filter((r) => r.locale === locale);
    const listLocale = own.length > 0 ? locale : SOURCE_LOCALE;
    const list = own.length > 0 ? own : rows.filter((r) => r.locale === SOURCE_LOCALE);
    const summaries = await this.reader.summaries(
      list.map((r) => r.articleId),
      locale,
    );
    return {
      requestedLocale: locale,
      listLocale,
      items: summaries.map((summary, index) => ({ position: index + 1, ...summary })),
    };
  }

  /** What the list of one locale holds, as stored (drafts included), for administrators. */
  async stored(locale: Locale) {
    const rows: Array<{ position: number; articleId: string; slug: string; status: string }> = await this.dataSource.query(
      `SELECT r.position, r.article_id AS articleId, a.slug, a.status
         FROM kb_top_resource r JOIN kb_article a ON a.id = r.article_id
        WHERE r.locale = ? ORDER BY r.position`,
      [locale],
    );
    return { locale, items: rows.map((r) => ({ position: Number(r.position), articleId: r.articleId, slug: r.slug, status: r.status })) };
  }

  /** Replaces a locale's list; returns whether anything changed. */
  async replace(locale: Locale, references: readonly string[]): Promise<{ changed: boolean }> {
    const problems: FieldProblem[] = [];
    if (references.length > TOP_RESOURCES_SIZE) {
      problems.push({ field: 'articles', message: `articles must list at most ${TOP_RESOURCES_SIZE} articles` });
    }
    return this.dataSource.transaction(async (manager) => {
      const ids: string[] = [];
      for (const [index, reference] of references.entries()) {
        const article = await manager.findOne(Article, {
          where: isUuid(reference) ? { id: reference } : { slug: reference },
          select: { id: true },
        });
        if (!article) problems.push({ field: `articles[${index}]`, message: `no article has the id or slug "${reference}"` });
        else if (ids.includes(article.id)) problems.push({ field: `articles[${index}]`, message: `"${reference}" is already on the list` });
        else ids.push(article.id);
      }
      if (problems.length > 0) throw ApiError.validationFailed(problems);
      // serialises concurrent replacements of one locale's list
      const current = await manager.find(TopResource, {
        where: { locale },
        order: { position: 'ASC' },
        lock: { mode: 'pessimistic_write' },
      });
      if (current.length === ids.length && current.every((row, i) => row.articleId === ids[i])) return { changed: false };
      await manager.delete(TopResource, { locale });
      const now = new Date();
      if (ids.length > 0) {
        await manager.insert(
          TopResource,
          ids.map((articleId, i) => ({ locale, position: i + 1, articleId, updatedAt: now })),
        );
      }
      return { changed: true };
    });
  }
}
