import type { EventOrigin } from '@support/contracts';
import {
  SOURCE_LOCALE,
  validateSeedData,
  type Locale,
  type LocalizedText,
  type SeedArticle,
  type SeedCategory,
  type SeedTranslation,
} from '@support/domain-knowledge';
import { ApiError } from '@support/platform';
import type { ArticleAdminQueries } from '../articles/article-admin-queries.service';
import type { ArticleAuthoringService } from '../articles/article-authoring.service';
import type { CatalogEditor } from '../catalog/catalog-editor.service';
import type { CatalogService } from '../catalog/catalog.service';
import type { TopResourcesService } from '../top-resources/top-resources.service';

export interface SeedServices {
  catalog: CatalogService;
  catalogEditor: CatalogEditor;
  authoring: ArticleAuthoringService;
  articles: ArticleAdminQueries;
  topResources: TopResourcesService;
}

export interface SeedSummary {
  categoriesCreated: number;
  sectionsCreated: number;
  articlesCreated: number;
  articlesPublished: number;
  /** category, section and article texts and settings written because they differed */
  changes: number;
  topResourcesChanged: boolean;
}

/**
 * Loads seed content through the same services admin requests use, so it is validated,
 * sanitised, stored and announced (support.kb.article_published, via the outbox) exactly as if
 * an administrator had typed it. Idempotent: what already matches is left alone, so a second
 * run changes nothing and announces nothing; a changed seed text is written as a new version.
 * English is written before the other locales, so fresh translations are not outdated.
 */
export async function loadSeed(
  services: SeedServices,
  categories: readonly SeedCategory[],
  articles: readonly SeedArticle[],
  origin: EventOrigin,
): Promise<SeedSummary> {
  const problems = validateSeedData(categories, articles);
  if (problems.length > 0) throw new Error(`the seed data is inconsistent:\n  - ${problems.join('\n  - ')}`);
  const summary: SeedSummary = {
    categoriesCreated: 0,
    sectionsCreated: 0,
    articlesCreated: 0,
    articlesPublished: 0,
    changes: 0,
    topResourcesChanged: false,
  };
  const { catalog, catalogEditor, authoring } = services;

  for (const category of categories) {
    let existing = await orNull(catalog.adminView(category.slug));
    if (!existing) {
      await catalogEditor.createCategory({
        slug: category.slug,
        position: category.position,
        title: category.title.en,
        description: category.description.en,
      });
      summary.categoriesCreated += 1;
      existing = await catalog.adminView(category.slug);
    } else if (existing.position !== category.position) {
      await catalogEditor.updateCategory(category.slug, { position: category.position });
      summary.changes += 1;
    }
    for (const [locale, title] of textsOf(category.title)) {
      const { changed } = await catalogEditor.putCategoryTranslation(category.slug, locale, {
        title,
        description: category.description[locale] ?? '',
      });
      if (changed) summary.changes += 1;
    }
    for (const section of category.sections) {
      const current = existing.sections.find((s) => s.slug === section.slug);
      if (!current) {
        await catalogEditor.createSection(category.slug, { slug: section.slug, position: section.position, title: section.title.en });
        summary.sectionsCreated += 1;
      } else if (current.position !== section.position) {
        await catalogEditor.updateSection(category.slug, section.slug, { position: section.position });
        summary.changes += 1;
      }
      for (const [locale, title] of textsOf(section.title)) {
        const { changed } = await catalogEditor.putSectionTranslation(category.slug, section.slug, locale, { title });
        if (changed) summary.changes += 1;
      }
    }
  }

  for (const article of articles) {
    const metadata = {
      category: article.category,
      section: article.section,
      kind: article.kind,
      audience: article.audience,
      videoUrl: article.videoUrl ?? null,
      errorCodes: [...(article.errorCodes ?? [])],
      releasedOn: article.releasedOn ?? null,
    };
    const existing = await orNull(services.articles.view(article.slug));
    if (!existing) {
      await authoring.create({ slug: article.slug, ...metadata, title: article.translations.en.title, body: article.translations.en.body });
      summary.articlesCreated += 1;
    } else if ((await authoring.update(article.slug, metadata, origin)).changed) {
      summary.changes += 1;
    }
    for (const [locale, translation] of translationsInOrder(article)) {
      if ((await authoring.putTranslation(article.slug, locale, translation, origin)).changed) summary.changes += 1;
    }
    if ((await authoring.publish(article.slug, origin)).changed) summary.articlesPublished += 1;
  }

  const ranked = articles
    .flatMap((a) => (a.topResourceRank === undefined ? [] : [{ slug: a.slug, rank: a.topResourceRank }]))
    .sort((a, b) => a.rank - b.rank)
    .map((a) => a.slug);
  summary.topResourcesChanged = (await services.topResources.replace(SOURCE_LOCALE, ranked)).changed;
  return summary;
}

/** The English text first, then the translations. */
function textsOf(text: LocalizedText): Array<[Locale, string]> {
  const entries = Object.entries(text) as Array<[Locale, string | undefined]>;
  return [
    [SOURCE_LOCALE, text.en],
    ...entries.filter((entry): entry is [Locale, string] => entry[0] !== SOURCE_LOCALE && entry[1] !== undefined),
  ];
}

function translationsInOrder(article: SeedArticle): Array<[Locale, SeedTranslation]> {
  const entries = Object.entries(article.translations) as Array<[Locale, SeedTranslation | undefined]>;
  return [
    [SOURCE_LOCALE, article.translations.en],
    ...entries.filter((entry): entry is [Locale, SeedTranslation] => entry[0] !== SOURCE_LOCALE && entry[1] !== undefined),
  ];
}

async function orNull<T>(lookup: Promise<T>): Promise<T | null> {
  try {
    return await lookup;
  } catch (error) {
    if (error instanceof ApiError && error.getStatus() === 404) return null;
    throw error;
  }
}
