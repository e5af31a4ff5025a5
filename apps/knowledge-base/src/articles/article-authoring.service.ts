import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { EventOrigin } from '@support/contracts';
import {
  normalizeLocale,
  sanitizeArticleBody,
  SOURCE_LOCALE,
  validateArticleInput,
  validateTranslationInput,
  type ArticleKind,
  type Audience,
  type Locale,
} from '@support/domain-knowledge';
import { UnitOfWork } from '@support/nest-messaging';
import { isDuplicateKeyError } from '@support/persistence';
import { ApiError, type FieldProblem } from '@support/platform';
import type { DataSource, EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { CatalogService, isUuid } from '../catalog/catalog.service';
import { Section } from '../catalog/section.entity';
import { KnowledgeBaseEnvironment, videoEmbedHosts } from '../environment';
import { articleNotFound, slugTaken } from '../knowledge-base.errors';
import { SearchPort } from '../search/search-port';
import { slugify, slugProblems } from '../text-rules';
import { ArticleAnnouncer } from './article-announcer';
import { fieldProblems, titleMarkupProblems } from './article-input';
import { Article } from './article.entity';
import { ArticleTranslation } from './article-translation.entity';
import type { CreateArticleDto, TranslationDto, UpdateArticleDto } from './dto/article.dto';

export interface AuthoringResult {
  article: Article;
  /** false when the write asked for what was already there (nothing stored, nothing announced) */
  changed: boolean;
}

/**
 * Every write to articles: creation (in English, as a draft), metadata and translation changes,
 * publishing. Admin requests and the seed both come through here, so both are validated and
 * sanitised the same way. While an article is published, each change goes live at once and is
 * announced with support.kb.article_published for the locales it touches.
 */
@Injectable()
export class ArticleAuthoringService {
  private readonly embedHosts: string[];

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly unitOfWork: UnitOfWork,
    private readonly announcer: ArticleAnnouncer,
    private readonly catalog: CatalogService,
    private readonly search: SearchPort,
    @Inject(KnowledgeBaseEnvironment) env: KnowledgeBaseEnvironment,
  ) {
    this.embedHosts = videoEmbedHosts(env);
  }

  /** A new draft in English; nothing is announced until it is published. */
  async create(input: CreateArticleDto): Promise<Article> {
    const problems: FieldProblem[] = [];
    if (input.locale !== undefined && normalizeLocale(input.locale) !== SOURCE_LOCALE) {
      problems.push({
        field: 'locale',
        message: `a new article is written in ${SOURCE_LOCALE}, the source language; add other locales as translations`,
      });
    }
    problems.push(
      ...fieldProblems(validateArticleInput({ ...input, locale: SOURCE_LOCALE })),
      ...titleMarkupProblems(input.title),
      ...(input.slug !== undefined ? slugProblems('slug', input.slug) : []),
    );
    if (problems.length > 0) throw ApiError.validationFailed(problems);
    const body = this.sanitise(input.body);

    return this.unitOfWork.run(async (manager) => {
      const section = await this.catalog.findSection(input.category, input.section, manager);
      const now = new Date();
      const errorCodes = [...(input.errorCodes ?? [])];
      const article = Object.assign(new Article(), {
        id: uuidv7(),
        slug: input.slug ?? (await this.freeSlug(manager, slugify(input.title))),
        sectionId: section.id,
        kind: input.kind as ArticleKind,
        audience: input.audience as Audience,
        videoUrl: input.videoUrl ?? null,
        errorCodes,
        releasedOn: input.releasedOn ?? null,
        status: 'draft' as const,
        version: 1,
        publishedAt: null,
        helpfulVotes: 0,
        notHelpfulVotes: 0,
        createdAt: now,
        updatedAt: now,
      });
      if (input.slug !== undefined && (await manager.existsBy(Article, { slug: input.slug }))) throw slugTaken('article', input.slug);
      try {
        await manager.insert(Article, article);
      } catch (error) {
        if (isDuplicateKeyError(error)) throw slugTaken('article', article.slug);
        throw error;
      }
      await manager.insert(ArticleTranslation, this.translationRow(article, SOURCE_LOCALE, input.title.trim(), body, now));
      return article;
    });
  }

  /** Changes what the article is (kind, audience, place, codes); its text changes by translation. */
  async update(reference: string, changes: UpdateArticleDto, origin: EventOrigin): Promise<AuthoringResult> {
    if (changes.slug !== undefined) {
      const problems = slugProblems('slug', changes.slug);
      if (problems.length > 0) throw ApiError.validationFailed(problems);
    }
    return this.unitOfWork.run(async (manager) => {
      const article = await this.lockArticle(manager, reference);
      const source = await this.sourceTranslation(manager, article);
      const sectionId =
        changes.category !== undefined || changes.section !== undefined
          ? (await this.findSectionFor(manager, article, changes.category, changes.section)).id
          : article.sectionId;
      const next = {
        slug: changes.slug ?? article.slug,
        sectionId,
        kind: (changes.kind ?? article.kind) as ArticleKind,
        audience: (changes.audience ?? article.audience) as Audience,
        videoUrl: changes.videoUrl === undefined ? article.videoUrl : changes.videoUrl,
        errorCodes: changes.errorCodes === undefined ? article.errorCodes : [...changes.errorCodes],
        releasedOn: changes.releasedOn === undefined ? article.releasedOn : changes.releasedOn,
      };
      const problems = fieldProblems(
        validateArticleInput({ ...next, title: source.title, body: source.body, locale: SOURCE_LOCALE }),
      ).filter((p) => !['title', 'body', 'locale'].includes(p.field));
      if (problems.length > 0) throw ApiError.validationFailed(problems);

      const changed = (Object.keys(next) as Array<keyof typeof next>).some(
        (key) => JSON.stringify(next[key]) !== JSON.stringify(article[key]),
      );
      if (!changed) return { article, changed: false };
      if (next.slug !== article.slug && (await manager.existsBy(Article, { slug: next.slug }))) throw slugTaken('article', next.slug);
      Object.assign(article, next, { version: article.version + 1, updatedAt: new Date() });
      try {
        await manager.save(article);
      } catch (error) {
        if (isDuplicateKeyError(error)) throw slugTaken('article', article.slug);
        throw error;
      }
      const translations = await manager.find(ArticleTranslation, { where: { articleId: article.id } });
      // search index: kind, audience, category and error codes are part of every locale's entry
      await this.search.index(manager, article.id);
      if (article.status === 'published') await this.announcer.announce(manager, article, translations, origin);
      return { article, changed: true };
    });
  }

  /** Creates or replaces the article's text in one locale; English replaces the source. */
  async putTranslation(reference: string, locale: Locale, input: TranslationDto, origin: EventOrigin): Promise<AuthoringResult> {
    const problems = [...fieldProblems(validateTranslationInput({ ...input, locale })), ...titleMarkupProblems(input.title)];
    if (problems.length > 0) throw ApiError.validationFailed(problems);
    const body = this.sanitise(input.body);
    const title = input.title.trim();

    return this.unitOfWork.run(async (manager) => {
      const article = await this.lockArticle(manager, reference);
      const existing = await manager.findOneBy(ArticleTranslation, { articleId: article.id, locale });
      if (existing && existing.title === title && existing.body === body) return { article, changed: false };
      const now = new Date();
      const row = this.translationRow(article, locale, title, body, now);
      if (existing) {
        await manager.update(ArticleTranslation, { articleId: article.id, locale }, { ...row, createdAt: existing.createdAt });
      } else {
        await manager.insert(ArticleTranslation, row);
      }
      Object.assign(article, { version: article.version + 1, updatedAt: now });
      await manager.save(article);
      await this.search.index(manager, article.id); // search index
      if (article.status === 'published') await this.announcer.announce(manager, article, [row], origin);
      return { article, changed: true };
    });
  }

  async deleteTranslation(reference: string, locale: Locale): Promise<AuthoringResult> {
    if (locale === SOURCE_LOCALE) {
      throw ApiError.validationFailed([{ field: 'locale', message: `the ${SOURCE_LOCALE} source of an article cannot be removed` }]);
    }
    return this.unitOfWork.run(async (manager) => {
      const article = await this.lockArticle(manager, reference);
      const result = await manager.delete(ArticleTranslation, { articleId: article.id, locale });
      if (!result.affected) return { article, changed: false };
      Object.assign(article, { version: article.version + 1, updatedAt: new Date() });
      await manager.save(article);
      await this.search.index(manager, article.id); // search index
      return { article, changed: true };
    });
  }

  /** Makes the article visible to readers and announces every locale it exists in. */
  async publish(reference: string, origin: EventOrigin): Promise<AuthoringResult> {
    return this.unitOfWork.run(async (manager) => {
      const article = await this.lockArticle(manager, reference);
      if (article.status === 'published') return { article, changed: false };
      const now = new Date();
      Object.assign(article, { status: 'published', publishedAt: now, updatedAt: now });
      await manager.save(article);
      await this.search.index(manager, article.id); // search index
      await this.announcer.announce(manager, article, await manager.find(ArticleTranslation, { where: { articleId: article.id } }), origin);
      return { article, changed: true };
    });
  }

  /** Takes the article back to draft: readers, search and suggestions no longer see it. */
  async unpublish(reference: string): Promise<AuthoringResult> {
    return this.unitOfWork.run(async (manager) => {
      const article = await this.lockArticle(manager, reference);
      if (article.status === 'draft') return { article, changed: false };
      Object.assign(article, { status: 'draft', updatedAt: new Date() });
      await manager.save(article);
      await this.search.index(manager, article.id); // search index
      return { article, changed: true };
    });
  }

  /** An article by id or slug. */
  async findArticle(reference: string, manager: EntityManager = this.dataSource.manager): Promise<Article> {
    const article = await manager.findOneBy(Article, isUuid(reference) ? { id: reference } : { slug: reference });
    if (!article) throw articleNotFound(reference);
    return article;
  }

  private async lockArticle(manager: EntityManager, reference: string): Promise<Article> {
    const article = await manager.getRepository(Article).findOne({
      where: isUuid(reference) ? { id: reference } : { slug: reference },
      lock: { mode: 'pessimistic_write' },
    });
    if (!article) throw articleNotFound(reference);
    return article;
  }

  private async sourceTranslation(manager: EntityManager, article: Article): Promise<ArticleTranslation> {
    const source = await manager.findOneBy(ArticleTranslation, { articleId: article.id, locale: SOURCE_LOCALE });
    if (!source) throw new Error(`article ${article.id} has no ${SOURCE_LOCALE} source`);
    return source;
  }

  private async findSectionFor(manager: EntityManager, article: Article, category?: string, section?: string): Promise<Section> {
    const current = await manager.findOneByOrFail(Section, { id: article.sectionId });
    if (category === undefined) return this.catalog.findSection(current.categoryId, section ?? current.id, manager);
    if (section !== undefined) return this.catalog.findSection(category, section, manager);
    // a new category needs a section of it: keep the current section's slug when it has one
    return this.catalog.findSection(category, current.slug, manager).catch(() => {
      throw ApiError.validationFailed([{ field: 'section', message: 'section is required when the category changes' }]);
    });
  }

  private translationRow(article: Article, locale: string, title: string, body: string, now: Date): ArticleTranslation {
    return Object.assign(new ArticleTranslation(), {
      articleId: article.id,
      locale,
      title,
      body,
      createdAt: now,
      updatedAt: now,
    });
  }

  private sanitise(body: string): string {
    const clean = sanitizeArticleBody(body, { videoEmbedHosts: this.embedHosts });
    if (clean.trim() === '') {
      throw ApiError.validationFailed([{ field: 'body', message: 'body has no content left once unsafe markup is removed' }]);
    }
    return clean;
  }

  private async freeSlug(manager: EntityManager, base: string): Promise<string> {
    const taken = new Set(
      (
        (await manager.query('SELECT slug FROM kb_article WHERE slug = ? OR slug LIKE ?', [base, `${base}-%`])) as Array<{ slug: string }>
      ).map((row) => row.slug),
    );
    if (!taken.has(base)) return base;
    for (let n = 2; ; n += 1) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
  }
}
