import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Locale } from '@support/domain-knowledge';
import type { DataSource, EntityManager } from 'typeorm';
import { categoryNotFound, sectionNotFound } from '../knowledge-base.errors';
import { groupBy, localize } from '../reader-locale';
import { Category, CategoryTranslation } from './category.entity';
import { Section, SectionTranslation } from './section.entity';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/**
 * Categories and sections: the help center's structure, read in every locale with English
 * fallback; CatalogEditor changes it.
 */
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
      manager
        .getRepository(CategoryTranslation)
        .createQueryBuilder('t')
        .where('t.category_id IN (:...categoryIds)', { categoryIds })
        .getMany(),
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
        category: {
          id: category.id,
          slug: category.slug,
          title: categoryText.served.title,
          locale: categoryText.locale,
          translated: categoryText.translated,
        },
        section: {
          id: section.id,
          slug: section.slug,
          title: sectionText.served.title,
          locale: sectionText.locale,
          translated: sectionText.translated,
        },
      });
    }
    return labels;
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
      ? await this.dataSource
          .getRepository(SectionTranslation)
          .createQueryBuilder('t')
          .where('t.section_id IN (:...ids)', { ids: sections.map((s) => s.id) })
          .getMany()
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
}

export interface SectionLabel {
  id: string;
  slug: string;
  title: string;
  locale: Locale;
  translated: boolean;
}

export function localeFields(resolution: {
  locale: Locale;
  requestedLocale: Locale;
  translated: boolean;
  outdated: boolean;
  availableLocales: Locale[];
}) {
  return {
    locale: resolution.locale,
    requestedLocale: resolution.requestedLocale,
    translated: resolution.translated,
    outdated: resolution.outdated,
    availableLocales: resolution.availableLocales,
  };
}
