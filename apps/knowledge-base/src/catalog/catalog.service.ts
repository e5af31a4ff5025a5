import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { SOURCE_LOCALE, type Locale } from '@support/domain-knowledge';
import { isDuplicateKeyError } from '@support/persistence';
import type { DataSource, EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import {
  categoryNotFound, sectionNotFound, slugTaken, validationFailed,
} from '../knowledge-base.errors';
import { groupBy, localize } from '../reader-locale';
import { MAX_DESCRIPTION_LENGTH, MAX_LABEL_LENGTH, plainTextProblems, slugProblems } from '../text-rules';
import { Category, CategoryTranslation } from './category.entity';
import type {
  CategoryTranslationDto, CreateCategoryDto, CreateSectionDto, SectionTranslationDto, UpdateCategoryDto, UpdateSectionDto,
} from './dto/catalog.dto';
import { Section, SectionTranslation } from './section.entity';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** Categories and sections: the help center's structure, in every locale with English fallback. */
@Injectable()
export class CatalogService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Every category with its sections, each item in the reader's locale where translated and in
   * English otherwise, so a translated article is never hidden behind an untranslated parent.
   */
  async listForReader(locale: Locale) {
    const [categories, categoryTexts, sections, sectionTexts, counts] = await Promise.all([
      this.dataSource.getRepository(Category).find({ order: { position: 'ASC', slug: 'ASC' } }),
      this.dataSource.getRepository(CategoryTranslation).find(),
      this.dataSource.getRepository(Section).find({ order: { position: 'ASC', slug: 'ASC' } }),
      this.dataSource.getRepository(SectionTranslation).find(),
      this.dataSource.query(
        `SELECT section_id AS sectionId, COUNT(*) AS n FROM kb_article WHERE status = 'published' GROUP BY section_id`,
      ) as Promise<Array<{ sectionId: string; n: string | number }>>,
    ]);
    const categoryTextsById = groupBy(categoryTexts, (t) => t.categoryId);
    const sectionTextsById = groupBy(sectionTexts, (t) => t.sectionId);
    const sectionsByCategory = groupBy(sections, (s) => s.categoryId);
    const articleCounts = new Map(counts.map((row) => [row.sectionId, Number(row.n)]));

    return categories.map((category) => {
      const text = localize(locale, categoryTextsById.get(category.id) ?? []);
      const categorySections = (sectionsByCategory.get(category.id) ?? []).map((section) => {
        const sectionText = localize(locale, sectionTextsById.get(section.id) ?? []);
        return {
          id: section.id,
          slug: section.slug,
          position: section.position,
          title: sectionText.served.title,
          ...localeFields(sectionText),
          articleCount: articleCounts.get(section.id) ?? 0,
        };
      });
      return {
        id: category.id,
        slug: category.slug,
        position: category.position,
        title: text.served.title,
        description: text.served.description,
        ...localeFields(text),
        articleCount: categorySections.reduce((sum, s) => sum + s.articleCount, 0),
        sections: categorySections,
      };
    });
  }

  /** The category and section titles a list of articles shows, in the reader's locale. */
  async labelsForSections(sectionIds: readonly string[], locale: Locale, manager: EntityManager = this.dataSource.manager) {
    const labels = new Map<string, { category: SectionLabel; section: SectionLabel }>();
    const ids = [...new Set(sectionIds)];
    if (ids.length === 0) return labels;
    const sections = await manager.getRepository(Section).createQueryBuilder('s').where('s.id IN (:...ids)', { ids }).getMany();
    const categoryIds = [...new Set(sections.map((s) => s.categoryId))];
    const [categories, categoryTexts, sectionTexts] = await Promise.all([
      manager.getRepository(Category).createQueryBuilder('c').where('c.id IN (:...categoryIds)', { categoryIds }).getMany(),
      manager.getRepository(CategoryTranslation).createQueryBuilder('t').where('t.category_id IN (:...categoryIds)', { categoryIds }).getMany(),
      manager.getRepository(SectionTranslation).createQueryBuilder('t').where('t.section_id IN (:...ids)', { ids }).getMany(),
    ]);
    const categoryById = new Map(categories.map((c) => [c.id, c]));
    const categoryTextsById = groupBy(categoryTexts, (t) => t.categoryId);
    const sectionTextsById = groupBy(sectionTexts, (t) => t.sectionId);
    for (const section of sections) {
      const category = categoryById.get(section.categoryId);
      if (!category) continue;
      const categoryText = localize(locale, categoryTextsById.get(category.id) ?? []);
      const sectionText = localize(locale, sectionTextsById.get(section.id) ?? []);
      labels.set(section.id, {
        category: { id: category.id, slug: category.slug, title: categoryText.served.title, locale: categoryText.locale, translated: categoryText.translated },
        section: { id: section.id, slug: section.slug, title: sectionText.served.title, locale: sectionText.locale, translated: sectionText.translated },
      });
    }
    return labels;
  }

  async createCategory(input: CreateCategoryDto): Promise<Category> {
    const problems = [
      ...slugProblems('slug', input.slug),
      ...plainTextProblems('title', input.title, { required: true, max: MAX_LABEL_LENGTH }),
      ...plainTextProblems('description', input.description, { required: false, max: MAX_DESCRIPTION_LENGTH, multiline: true }),
    ];
    if (problems.length > 0) throw validationFailed(problems);
    return this.dataSource.transaction(async (manager) => {
      const now = new Date();
      const position = input.position ?? (await this.nextPosition(manager, 'kb_category'));
      const category = Object.assign(new Category(), { id: uuidv7(), slug: input.slug, position, createdAt: now, updatedAt: now });
      if (await manager.existsBy(Category, { slug: input.slug })) throw slugTaken('category', input.slug);
      await this.insertOrConflict(() => manager.insert(Category, category), 'category', input.slug);
      await manager.insert(CategoryTranslation, {
        categoryId: category.id,
        locale: SOURCE_LOCALE,
        title: input.title.trim(),
        description: (input.description ?? '').trim(),
        updatedAt: now,
      });
      return category;
    });
  }

  async updateCategory(reference: string, input: UpdateCategoryDto): Promise<Category> {
    if (input.slug !== undefined) {
      const problems = slugProblems('slug', input.slug);
      if (problems.length > 0) throw validationFailed(problems);
    }
    return this.dataSource.transaction(async (manager) => {
      const category = await this.findCategory(reference, manager, true);
      const changed = (input.slug !== undefined && input.slug !== category.slug) || (input.position !== undefined && input.position !== category.position);
      if (!changed) return category;
      if (input.slug !== undefined && input.slug !== category.slug && (await manager.existsBy(Category, { slug: input.slug }))) {
        throw slugTaken('category', input.slug);
      }
      Object.assign(category, {
        slug: input.slug ?? category.slug,
        position: input.position ?? category.position,
        updatedAt: new Date(),
      });
      await this.insertOrConflict(() => manager.save(category), 'category', category.slug);
      return category;
    });
  }

  /** Creates or replaces a category's text in one locale; English replaces the source. */
  async putCategoryTranslation(reference: string, locale: Locale, input: CategoryTranslationDto): Promise<{ changed: boolean }> {
    const problems = [
      ...plainTextProblems('title', input.title, { required: true, max: MAX_LABEL_LENGTH }),
      ...plainTextProblems('description', input.description, { required: false, max: MAX_DESCRIPTION_LENGTH, multiline: true }),
    ];
    if (problems.length > 0) throw validationFailed(problems);
    return this.dataSource.transaction(async (manager) => {
      const category = await this.findCategory(reference, manager, true);
      const title = input.title.trim();
      const description = (input.description ?? '').trim();
      const existing = await manager.findOneBy(CategoryTranslation, { categoryId: category.id, locale });
      if (existing && existing.title === title && existing.description === description) return { changed: false };
      await manager.save(CategoryTranslation, { categoryId: category.id, locale, title, description, updatedAt: new Date() });
      return { changed: true };
    });
  }

  async createSection(categoryReference: string, input: CreateSectionDto): Promise<Section> {
    const problems = [...slugProblems('slug', input.slug), ...plainTextProblems('title', input.title, { required: true, max: MAX_LABEL_LENGTH })];
    if (problems.length > 0) throw validationFailed(problems);
    return this.dataSource.transaction(async (manager) => {
      const category = await this.findCategory(categoryReference, manager, true);
      const now = new Date();
      const position =
        input.position ?? (await this.nextPosition(manager, 'kb_section', 'category_id = ?', [category.id]));
      const section = Object.assign(new Section(), {
        id: uuidv7(), categoryId: category.id, slug: input.slug, position, createdAt: now, updatedAt: now,
      });
      if (await manager.existsBy(Section, { categoryId: category.id, slug: input.slug })) throw slugTaken('section', input.slug);
      await this.insertOrConflict(() => manager.insert(Section, section), 'section', input.slug);
      await manager.insert(SectionTranslation, { sectionId: section.id, locale: SOURCE_LOCALE, title: input.title.trim(), updatedAt: now });
      return section;
    });
  }

  async updateSection(categoryReference: string, reference: string, input: UpdateSectionDto): Promise<Section> {
    if (input.slug !== undefined) {
      const problems = slugProblems('slug', input.slug);
      if (problems.length > 0) throw validationFailed(problems);
    }
    return this.dataSource.transaction(async (manager) => {
      const section = await this.findSection(categoryReference, reference, manager, true);
      const changed = (input.slug !== undefined && input.slug !== section.slug) || (input.position !== undefined && input.position !== section.position);
      if (!changed) return section;
      if (input.slug !== undefined && input.slug !== section.slug && (await manager.existsBy(Section, { categoryId: section.categoryId, slug: input.slug }))) {
        throw slugTaken('section', input.slug);
      }
      Object.assign(section, { slug: input.slug ?? section.slug, position: input.position ?? section.position, updatedAt: new Date() });
      await this.insertOrConflict(() => manager.save(section), 'section', section.slug);
      return section;
    });
  }

  async putSectionTranslation(
    categoryReference: string,
    reference: string,
    locale: Locale,
    input: SectionTranslationDto,
  ): Promise<{ changed: boolean }> {
    const problems = plainTextProblems('title', input.title, { required: true, max: MAX_LABEL_LENGTH });
    if (problems.length > 0) throw validationFailed(problems);
    return this.dataSource.transaction(async (manager) => {
      const section = await this.findSection(categoryReference, reference, manager, true);
      const title = input.title.trim();
      const existing = await manager.findOneBy(SectionTranslation, { sectionId: section.id, locale });
      if (existing && existing.title === title) return { changed: false };
      await manager.save(SectionTranslation, { sectionId: section.id, locale, title, updatedAt: new Date() });
      return { changed: true };
    });
  }

  /** A category by id or slug. */
  async findCategory(reference: string, manager: EntityManager = this.dataSource.manager, lock = false): Promise<Category> {
    const category = await manager.getRepository(Category).findOne({
      where: isUuid(reference) ? { id: reference } : { slug: reference },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!category) throw categoryNotFound(reference);
    return category;
  }

  /** A section by id or by slug within its category. */
  async findSection(
    categoryReference: string,
    reference: string,
    manager: EntityManager = this.dataSource.manager,
    lock = false,
  ): Promise<Section> {
    const category = await this.findCategory(categoryReference, manager);
    const section = await manager.getRepository(Section).findOne({
      where: isUuid(reference) ? { id: reference, categoryId: category.id } : { slug: reference, categoryId: category.id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!section) throw sectionNotFound(`${category.slug}/${reference}`);
    return section;
  }

  /** Everything an administrator edits about a category, every locale side by side. */
  async adminView(reference: string) {
    const category = await this.findCategory(reference);
    const [texts, sections] = await Promise.all([
      this.dataSource.getRepository(CategoryTranslation).findBy({ categoryId: category.id }),
      this.dataSource.getRepository(Section).find({ where: { categoryId: category.id }, order: { position: 'ASC' } }),
    ]);
    const sectionTexts = sections.length
      ? await this.dataSource.getRepository(SectionTranslation).createQueryBuilder('t').where('t.section_id IN (:...ids)', { ids: sections.map((s) => s.id) }).getMany()
      : [];
    const sectionTextsById = groupBy(sectionTexts, (t) => t.sectionId);
    return {
      id: category.id,
      slug: category.slug,
      position: category.position,
      translations: Object.fromEntries(
        texts.map((t) => [t.locale, { title: t.title, description: t.description, updatedAt: t.updatedAt.toISOString() }]),
      ),
      sections: sections.map((section) => ({
        id: section.id,
        slug: section.slug,
        position: section.position,
        translations: Object.fromEntries(
          (sectionTextsById.get(section.id) ?? []).map((t) => [t.locale, { title: t.title, updatedAt: t.updatedAt.toISOString() }]),
        ),
      })),
      createdAt: category.createdAt.toISOString(),
      updatedAt: category.updatedAt.toISOString(),
    };
  }

  private async nextPosition(manager: EntityManager, table: 'kb_category' | 'kb_section', where = '1 = 1', params: unknown[] = []): Promise<number> {
    const [row] = (await manager.query(`SELECT COALESCE(MAX(position), 0) + 1 AS next FROM ${table} WHERE ${where}`, params)) as Array<{ next: string | number }>;
    return Number(row.next);
  }

  private async insertOrConflict<T>(write: () => Promise<T>, what: string, slug: string): Promise<T> {
    try {
      return await write();
    } catch (error) {
      if (isDuplicateKeyError(error)) throw slugTaken(what, slug);
      throw error;
    }
  }
}

export interface SectionLabel {
  id: string;
  slug: string;
  title: string;
  locale: Locale;
  translated: boolean;
}

export function localeFields(resolution: { locale: Locale; requestedLocale: Locale; translated: boolean; outdated: boolean; availableLocales: Locale[] }) {
  return {
    locale: resolution.locale,
    requestedLocale: resolution.requestedLocale,
    translated: resolution.translated,
    outdated: resolution.outdated,
    availableLocales: resolution.availableLocales,
  };
}
