import { TOP_RESOURCES_SIZE, type ArticleKind, type Audience } from './article-taxonomy';
import { validateArticleInput } from './article-validation';
import { type Locale, SOURCE_LOCALE, isLocale } from './locale';
import { sanitizeArticleBody } from './sanitize-article-body';
import { isSearchQueryError, parseSearchQuery } from './search-query';

/** Text in the source language and, optionally, in other locales. */
export type LocalizedText = { readonly en: string } & { readonly [L in Exclude<Locale, 'en'>]?: string };

export interface SeedSection {
  slug: string;
  position: number;
  title: LocalizedText;
}

export interface SeedCategory {
  slug: string;
  position: number;
  title: LocalizedText;
  description: LocalizedText;
  sections: readonly SeedSection[];
}

export interface SeedTranslation {
  title: string;
  /** Markdown. */
  body: string;
}

export type SeedTranslations = { readonly en: SeedTranslation } & { readonly [L in Exclude<Locale, 'en'>]?: SeedTranslation };

export interface SeedArticle {
  slug: string;
  /** Slug of a SeedCategory. */
  category: string;
  /** Slug of a section of that category. */
  section: string;
  kind: ArticleKind;
  audience: Audience;
  videoUrl?: string;
  errorCodes?: readonly string[];
  /** YYYY-MM-DD; release notes only. */
  releasedOn?: string;
  /** Place in the front page's top resources list, 1 being first. */
  topResourceRank?: number;
  translations: SeedTranslations;
}

/** A search the seeded help center must answer with a given article first. */
export interface SeedSearchExpectation {
  query: string;
  /** The reader's locale: they search the text they are served (their translation, else English). */
  locale: Locale;
  expectedFirstSlug: string;
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Every inconsistency in a set of seed categories and articles (and, optionally, search
 * expectations), one readable line each; empty when the seed can be loaded as is. Article
 * bodies must already be what the sanitiser would store, so seeding never alters content.
 */
export function validateSeedData(
  categories: readonly SeedCategory[],
  articles: readonly SeedArticle[],
  expectations: readonly SeedSearchExpectation[] = [],
): string[] {
  const problems: string[] = [];
  const sectionsByCategory = new Map<string, Set<string>>();

  checkUnique(
    categories.map((c) => c.slug),
    'category slug',
    problems,
  );
  checkUnique(
    categories.map((c) => String(c.position)),
    'category position',
    problems,
  );
  for (const category of categories) {
    const where = `category ${category.slug}`;
    if (!SLUG.test(category.slug)) problems.push(`${where}: slug must be lower-case words joined by hyphens`);
    checkLocalizedText(category.title, `${where} title`, problems);
    checkLocalizedText(category.description, `${where} description`, problems);
    if (category.sections.length === 0) problems.push(`${where}: has no sections`);
    checkUnique(
      category.sections.map((s) => s.slug),
      `${where} section slug`,
      problems,
    );
    checkUnique(
      category.sections.map((s) => String(s.position)),
      `${where} section position`,
      problems,
    );
    for (const section of category.sections) {
      if (!SLUG.test(section.slug)) problems.push(`${where} section ${section.slug}: slug must be lower-case words joined by hyphens`);
      checkLocalizedText(section.title, `${where} section ${section.slug} title`, problems);
    }
    sectionsByCategory.set(category.slug, new Set(category.sections.map((s) => s.slug)));
  }

  checkUnique(
    articles.map((a) => a.slug),
    'article slug',
    problems,
  );
  const ranks: number[] = [];
  for (const article of articles) {
    const where = `article ${article.slug}`;
    if (!SLUG.test(article.slug)) problems.push(`${where}: slug must be lower-case words joined by hyphens`);
    const sections = sectionsByCategory.get(article.category);
    if (!sections) problems.push(`${where}: unknown category ${article.category}`);
    else if (!sections.has(article.section)) problems.push(`${where}: unknown section ${article.section} in ${article.category}`);

    if (!article.translations[SOURCE_LOCALE]) problems.push(`${where}: has no ${SOURCE_LOCALE} translation`);
    for (const [locale, translation] of Object.entries(article.translations) as [string, SeedTranslation | undefined][]) {
      if (!translation) continue;
      if (!isLocale(locale)) {
        problems.push(`${where}: unsupported locale ${locale}`);
        continue;
      }
      const fieldProblems = validateArticleInput({
        title: translation.title,
        body: translation.body,
        locale,
        kind: article.kind,
        audience: article.audience,
        videoUrl: article.videoUrl,
        errorCodes: article.errorCodes,
        releasedOn: article.releasedOn,
      });
      for (const problem of fieldProblems) problems.push(`${where} (${locale}): ${problem.message}`);
      if (sanitizeArticleBody(translation.body) !== translation.body) {
        problems.push(`${where} (${locale}): body changes when sanitised; store the sanitised form`);
      }
    }

    if (article.topResourceRank !== undefined) {
      const rank = article.topResourceRank;
      if (!Number.isInteger(rank) || rank < 1 || rank > TOP_RESOURCES_SIZE) {
        problems.push(`${where}: topResourceRank must be an integer from 1 to ${TOP_RESOURCES_SIZE}`);
      } else {
        ranks.push(rank);
      }
    }
  }
  checkUnique(ranks.map(String), 'topResourceRank', problems);
  const highest = Math.max(0, ...ranks);
  for (let rank = 1; rank <= highest; rank += 1) {
    if (!ranks.includes(rank)) problems.push(`topResourceRank ${rank} is missing: ranks must run from 1 without gaps`);
  }

  const slugs = new Set(articles.map((a) => a.slug));
  for (const expectation of expectations) {
    const where = `search expectation "${expectation.query}" (${expectation.locale})`;
    if (!isLocale(expectation.locale)) problems.push(`${where}: unsupported locale`);
    if (!slugs.has(expectation.expectedFirstSlug)) problems.push(`${where}: unknown article ${expectation.expectedFirstSlug}`);
    const parsed = parseSearchQuery(expectation.query);
    if (isSearchQueryError(parsed)) problems.push(`${where}: ${parsed.message}`);
  }
  return problems;
}

function checkLocalizedText(text: LocalizedText, where: string, problems: string[]): void {
  if (typeof text[SOURCE_LOCALE] !== 'string' || text[SOURCE_LOCALE].trim() === '') {
    problems.push(`${where}: ${SOURCE_LOCALE} text is required`);
  }
  for (const [locale, value] of Object.entries(text)) {
    if (locale === SOURCE_LOCALE) continue;
    if (!isLocale(locale)) problems.push(`${where}: unsupported locale ${locale}`);
    else if (typeof value !== 'string' || value.trim() === '') problems.push(`${where}: ${locale} text is empty`);
  }
}

function checkUnique(values: readonly string[], what: string, problems: string[]): void {
  const seen = new Set<string>();
  for (const value of values) {
    if (seen.has(value)) problems.push(`${what} ${value} is used more than once`);
    seen.add(value);
  }
}
