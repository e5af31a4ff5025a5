import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { SOURCE_LOCALE, type Locale } from '@support/domain-knowledge';
import { isDuplicateKeyError } from '@support/persistence';
import { ApiError } from '@support/platform';
import type { DataSource, EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { slugTaken } from '../knowledge-base.errors';
import { MAX_DESCRIPTION_LENGTH, MAX_LABEL_LENGTH, plainTextProblems, slugProblems } from '../text-rules';
import { CatalogService } from './catalog.service';
import { Category, CategoryTranslation } from './category.entity';
import type {
  CategoryTranslationDto,
  CreateCategoryDto,
  CreateSectionDto,
  SectionTranslationDto,
  UpdateCategoryDto,
  UpdateSectionDto,
} from './dto/catalog.dto';
import { Section, SectionTranslation } from './section.entity';

/** What administrators change in the catalogue: categories, sections and their text in each locale. */
@Injectable()
export class CatalogEditor {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly catalog: CatalogService,
  ) {}

  async createCategory(input: CreateCategoryDto): Promise<Category> {
    const problems = [
      ...slugProblems('slug', input.slug),
      ...plainTextProblems('title', input.title, { required: true, max: MAX_LABEL_LENGTH }),
      ...plainTextProblems('description', input.description, { required: false, max: MAX_DESCRIPTION_LENGTH, multiline: true }),
    ];
    if (problems.length > 0) throw ApiError.validationFailed(problems);
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
      if (problems.length > 0) throw ApiError.validationFailed(problems);
    }
    return this.dataSource.transaction(async (manager) => {
      const category = await this.catalog.findCategory(reference, manager, true);
      const changed =
        (input.slug !== undefined && input.slug !== category.slug) ||
        (input.position !== undefined && input.position !== category.position);
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
    if (problems.length > 0) throw ApiError.validationFailed(problems);
    return this.dataSource.transaction(async (manager) => {
      const category = await this.catalog.findCategory(reference, manager, true);
      const title = input.title.trim();
      const description = (input.description ?? '').trim();
      const existing = await manager.findOneBy(CategoryTranslation, { categoryId: category.id, locale });
      if (existing && existing.title === title && existing.description === description) return { changed: false };
      await manager.save(CategoryTranslation, { categoryId: category.id, locale, title, description, updatedAt: new Date() });
      return { changed: true };
    });
  }

  async createSection(categoryReference: string, input: CreateSectionDto): Promise<Section> {
    const problems = [
      ...slugProblems('slug', input.slug),
      ...plainTextProblems('title', input.title, { required: true, max: MAX_LABEL_LENGTH }),
    ];
    if (problems.length > 0) throw ApiError.validationFailed(problems);
    return this.dataSource.transaction(async (manager) => {
      const category = await this.catalog.findCategory(categoryReference, manager, true);
      const now = new Date();
      const position = input.position ?? (await this.nextPosition(manager, 'kb_section', 'category_id = ?', [category.id]));
      const section = Object.assign(new Section(), {
        id: uuidv7(),
        categoryId: category.id,
        slug: input.slug,
        position,
        createdAt: now,
        updatedAt: now,
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
      if (problems.length > 0) throw ApiError.validationFailed(problems);
    }
    return this.dataSource.transaction(async (manager) => {
      const section = await this.catalog.findSection(categoryReference, reference, manager, true);
      const changed =
        (input.slug !== undefined && input.slug !== section.slug) || (input.position !== undefined && input.position !== section.position);
      if (!changed) return section;
      if (
        input.slug !== undefined &&
        input.slug !== section.slug &&
        (await manager.existsBy(Section, { categoryId: section.categoryId, slug: input.slug }))
      ) {
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
    if (problems.length > 0) throw ApiError.validationFailed(problems);
    return this.dataSource.transaction(async (manager) => {
      const section = await this.catalog.findSection(categoryReference, reference, manager, true);
      const title = input.title.trim();
      const existing = await manager.findOneBy(SectionTranslation, { sectionId: section.id, locale });
      if (existing && existing.title === title) return { changed: false };
      await manager.save(SectionTranslation, { sectionId: section.id, locale, title, updatedAt: new Date() });
      return { changed: true };
    });
  }

  private async nextPosition(
    manager: EntityManager,
    table: 'kb_category' | 'kb_section',
    where = '1 = 1',
    params: unknown[] = [],
  ): Promise<number> {
    const [row] = (await manager.query(`SELECT COALESCE(MAX(position), 0) + 1 AS next FROM ${table} WHERE ${where}`, params)) as Array<{
      next: string | number;
    }>;
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
