import { Injectable } from '@nestjs/common';
import { KbArticlePublished, type EventOrigin } from '@support/contracts';
import { OutboxWriter } from '@support/messaging';
import type { EntityManager } from 'typeorm';
import { Category } from '../catalog/category.entity';
import { Section } from '../catalog/section.entity';
import type { ArticleTranslation } from './article-translation.entity';
import type { Article } from './article.entity';

/** Announces a published article's locales (support.kb.article_published), in the writer's transaction. */
@Injectable()
export class ArticleAnnouncer {
  constructor(private readonly outbox: OutboxWriter) {}

  /** One event per locale, in locale order, naming the article's category by slug. */
  async announce(
    manager: EntityManager,
    article: Article,
    translations: readonly ArticleTranslation[],
    origin: EventOrigin,
  ): Promise<void> {
    const section = await manager.findOneByOrFail(Section, { id: article.sectionId });
    const category = await manager.findOneByOrFail(Category, { id: section.categoryId });
    for (const translation of [...translations].sort((a, b) => a.locale.localeCompare(b.locale))) {
      await this.outbox.add(
        manager,
        KbArticlePublished,
        {
          articleId: article.id,
          slug: article.slug,
          locale: translation.locale,
          title: translation.title,
          kind: article.kind,
          category: category.slug,
          version: article.version,
          publishedAt: (article.publishedAt ?? article.updatedAt).toISOString(),
        },
        origin,
      );
    }
  }
}
