import { ARTICLE_KINDS, TOP_RESOURCES_SIZE, validateSeedData } from '@support/domain-knowledge';
import { SEED_ARTICLES, SEED_CATEGORIES, SEED_SEARCH_EXPECTATIONS } from './seed-data';

describe('the help center seed', () => {
  it('is consistent: categories, sections, articles, translations and search expectations', () => {
    expect(validateSeedData(SEED_CATEGORIES, SEED_ARTICLES, SEED_SEARCH_EXPECTATIONS)).toEqual([]);
  });

  it(`ranks exactly ${TOP_RESOURCES_SIZE} articles as top resources`, () => {
    expect(SEED_ARTICLES.filter((a) => a.topResourceRank !== undefined)).toHaveLength(TOP_RESOURCES_SIZE);
  });

  it('covers every category and kind, with Russian and French translations of a part', () => {
    expect(SEED_ARTICLES.length).toBeGreaterThanOrEqual(60);
    expect(new Set(SEED_ARTICLES.map((a) => a.category))).toEqual(new Set(SEED_CATEGORIES.map((c) => c.slug)));
    expect(new Set(SEED_ARTICLES.map((a) => a.kind))).toEqual(new Set(ARTICLE_KINDS));
    for (const locale of ['ru', 'fr'] as const) {
      const translated = SEED_ARTICLES.filter((a) => a.translations[locale]).length;
      expect(translated).toBeGreaterThan(0);
      expect(translated).toBeLessThan(SEED_ARTICLES.length);
    }
  });
});
