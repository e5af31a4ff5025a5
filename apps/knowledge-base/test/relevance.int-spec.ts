import { parseSearchQuery, isSearchQueryError, stemWord, type Locale } from '@support/domain-knowledge';
import { dropDatabasesWithPrefix, TEST_DATABASE_URL, throwawayPrefix } from '@support/testing';
import { DataSource } from 'typeorm';
import { MysqlSearchEngine } from '../src/search/article-search.service';
import { RELEVANCE_QUERIES, type RelevanceQuery } from '../src/seed/relevance-queries';
import { BLIND_RELEVANCE_QUERIES } from '../src/seed/relevance-queries-blind';
import { HELDOUT_RELEVANCE_QUERIES } from '../src/seed/relevance-queries-heldout';
import { openKnowledgeBaseDatabase, seedKnowledgeBase } from '../src/seed/seed';
import { SEED_ARTICLES } from '../src/seed/seed-data';

/** success@3 the relevance set must reach (issue 12) */
const REQUIRED_SUCCESS_AT_3 = 0.9;

/**
 * success@3 the BLIND set (relevance-queries-blind.ts, written without reading the engine) must reach.
 * The goal is 0.9, like the first set. The blind set does NOT reach it: when it was added (2026-12-03) it
 * measured 0.875 success@3 (MRR 0.832; en 0.818, fr 0.94, ru 0.872). So that CI stays green while a regression
 * still fails, the threshold is that figure rounded DOWN to the nearest 5 %: 0.85. This is a floor, not the
 * goal: raise it towards 0.9 as the engine improves in general — never by editing the blind queries.
 * Its misses were then read to improve the engine (so it is a development set now, like the first one): 0.895
 * (MRR 0.837; en 0.836, fr 0.94, ru 0.915). The starter glossary (starter-glossary.ts) then brought it to 0.914
 * (MRR 0.841), 0.921 after development rounds, and 0.967 (MRR 0.883) once its own misses had been read again
 * and given glossary words, so the floor is 0.95. The held-out set below is the measure that stays blind.
 */
const BLIND_REQUIRED_SUCCESS_AT_3 = 0.95;

/**
 * success@3 the HELD-OUT set (relevance-queries-heldout.ts) must reach. Once the blind set's misses had been read to
 * improve the engine (2026-12-03: irregular English forms, stop-word forms, word translations learnt from the
 * translated articles), the blind set was no longer blind; a second set was written by someone who had
 * read neither the engine nor the other sets, and its misses are NOT read, so that it keeps measuring how the engine
 * does on queries nobody tuned it for. It measured 0.807 before those changes and 0.827 after them — the honest
 * figure, below the 0.9 goal. A starter glossary written from the articles only, never from a query
 * (starter-glossary.ts), then measured 0.867 (MRR 0.780; en 0.90, fr 0.88, ru 0.82), and 0.880 (MRR 0.791; en 0.90,
 * fr 0.90, ru 0.84) once older French and Russian starter rules also named the English term, and 0.893 (MRR 0.802)
 * after development rounds on queries of our own (2026-12-03), still 0.893 (MRR 0.805) after rules for the blind
 * set's misses. Two more development rounds of our own (filler words, English readings of French and Russian words
 * that no indexed word has, 27 glossary rules; 2026-12-03) brought it to 0.900 (MRR 0.811; en 0.92, fr 0.90, ru 0.88),
 * the goal. Threshold: that figure rounded down to 5 %.
 */
const HELDOUT_REQUIRED_SUCCESS_AT_3 = 0.9;

describe('relevance: readers’ queries in en, fr and ru find their article in the first three (seeded help center, real MariaDB)', () => {
  const prefix = throwawayPrefix('kbrel');
  let dataSource: DataSource;
  let search: MysqlSearchEngine;

  beforeAll(async () => {
    const source = { DATABASE_URL: TEST_DATABASE_URL, DB_NAME_PREFIX: prefix };
    await seedKnowledgeBase(source);
    const opened = await openKnowledgeBaseDatabase(source);
    dataSource = opened.dataSource;
    search = new MysqlSearchEngine(dataSource, opened.env);
  }, 300_000);

  afterAll(async () => {
    await dataSource?.destroy();
    await dropDatabasesWithPrefix(prefix);
  });

  it('holds at least 90 queries, 30 or more per language, each naming a seeded article', () => {
    expect(RELEVANCE_QUERIES.length).toBeGreaterThanOrEqual(90);
    for (const locale of ['en', 'fr', 'ru']) expect(RELEVANCE_QUERIES.filter((q) => q.locale === locale).length).toBeGreaterThanOrEqual(30);
    const slugs = new Set(SEED_ARTICLES.map((a) => a.slug));
    expect(RELEVANCE_QUERIES.filter((q) => !slugs.has(q.expected))).toEqual([]);
  });

  it(`reaches ${REQUIRED_SUCCESS_AT_3 * 100} % success@3 (prints success@3 and MRR per language)`, async () => {
    const { table } = await measure(search, RELEVANCE_QUERIES, 'Relevance set');
    expect(table['all']['success@3']).toBeGreaterThanOrEqual(REQUIRED_SUCCESS_AT_3);
  });

  it('blind set: at least 120 queries, 40 or more per language, each naming a seeded article', () => {
    expect(BLIND_RELEVANCE_QUERIES.length).toBeGreaterThanOrEqual(120);
    for (const locale of ['en', 'fr', 'ru'])
      expect(BLIND_RELEVANCE_QUERIES.filter((q) => q.locale === locale).length).toBeGreaterThanOrEqual(40);
    const slugs = new Set(SEED_ARTICLES.map((a) => a.slug));
    expect(BLIND_RELEVANCE_QUERIES.filter((q) => !slugs.has(q.expected))).toEqual([]);
  });

  it(`blind set reaches ${BLIND_REQUIRED_SUCCESS_AT_3 * 100} % success@3 (prints success@3 and MRR per language and kind)`, async () => {
    const { table } = await measure(search, BLIND_RELEVANCE_QUERIES, 'BLIND relevance set', true);
    expect(table['all']['success@3']).toBeGreaterThanOrEqual(BLIND_REQUIRED_SUCCESS_AT_3);
  });

  it('held-out set: 150 queries, 50 per language, each naming a seeded article', () => {
    expect(HELDOUT_RELEVANCE_QUERIES.length).toBeGreaterThanOrEqual(150);
    for (const locale of ['en', 'fr', 'ru']) expect(HELDOUT_RELEVANCE_QUERIES.filter((q) => q.locale === locale).length).toBe(50);
    const slugs = new Set(SEED_ARTICLES.map((a) => a.slug));
    expect(HELDOUT_RELEVANCE_QUERIES.filter((q) => !slugs.has(q.expected))).toEqual([]);
  });

  it(`held-out set reaches ${HELDOUT_REQUIRED_SUCCESS_AT_3 * 100} % success@3 (prints the figures per language and kind, never its misses)`, async () => {
    const { table } = await measure(search, HELDOUT_RELEVANCE_QUERIES, 'HELD-OUT relevance set', true, false);
    expect(table['all']['success@3']).toBeGreaterThanOrEqual(HELDOUT_REQUIRED_SUCCESS_AT_3);
  });

  it('learns word translations from the translated articles, so a Russian reader finds an English-only article in their own words', async () => {
    await search.warmUp();
    const plan = await search.plan(['черный', 'экран'], 'ru');
    expect(plan.alternatives).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ slot: 0, term: stemWord('black', 'en'), kind: 'translation' }),
        expect.objectContaining({ slot: 1, term: stemWord('screen', 'en'), kind: 'translation' }),
      ]),
    );
    const englishOnly = SEED_ARTICLES.find((a) => a.slug === 'screen-sharing-black-screen');
    expect(Object.keys(englishOnly?.translations ?? {})).toEqual(['en']);
    const parsed = parseSearchQuery('черный экран у зрителей при демонстрации');
    if (isSearchQueryError(parsed)) throw new Error(parsed.message);
    const slugs = (await search.rank(parsed, 'ru')).map((m) => m.slug);
    expect(slugs).toContain('screen-sharing-black-screen');
  });
});

interface Ranked {
  locale: string;
  kind: string;
  query: string;
  expected: string;
  rank: number;
  top: string[];
}

/** Runs a query set through the search port, prints success@1/@3 and MRR per language (and per kind) and the misses. */
async function measure(search: MysqlSearchEngine, queries: readonly RelevanceQuery[], label: string, byKind = false, showMisses = true) {
  const results: Ranked[] = [];
  for (const q of queries) {
    const parsed = parseSearchQuery(q.query);
    if (isSearchQueryError(parsed)) throw new Error(`relevance query "${q.query}" does not parse: ${parsed.message}`);
    const matches = await search.rank(parsed, q.locale as Locale);
    const slugs = matches.map((m) => m.slug);
    results.push({
      locale: q.locale,
      kind: q.kind,
      query: q.query,
      expected: q.expected,
      rank: slugs.indexOf(q.expected) + 1,
      top: slugs.slice(0, 3),
    });
  }
  const summary = (list: Ranked[]) => ({
    queries: list.length,
    'success@1': round(list.filter((r) => r.rank === 1).length / list.length),
    'success@3': round(list.filter((r) => r.rank >= 1 && r.rank <= 3).length / list.length),
    MRR: round(list.reduce((sum, r) => sum + (r.rank > 0 ? 1 / r.rank : 0), 0) / list.length),
  });
  const table: Record<string, ReturnType<typeof summary>> = Object.fromEntries(
    ['en', 'fr', 'ru'].map((l) => [l, summary(results.filter((r) => r.locale === l))]),
  );
  table['all'] = summary(results);
  const kinds = byKind ? [...new Set(results.map((r) => r.kind))] : [];
  const kindTable = Object.fromEntries(kinds.map((k) => [k, summary(results.filter((r) => r.kind === k))]));
  const misses = results.filter((r) => r.rank === 0 || r.rank > 3);
  process.stdout.write(
    `\n${label} (${results.length} queries)\n` +
      Object.entries(table)
        .map(([l, s]) => `  ${l.padEnd(3)} ${JSON.stringify(s)}`)
        .join('\n') +
      (byKind
        ? '\n  by kind:\n' +
          Object.entries(kindTable)
            .map(([k, s]) => `    ${k.padEnd(9)} ${JSON.stringify(s)}`)
            .join('\n')
        : '') +
      (showMisses ? `\n  not in the first three:\n` : `\n  (${misses.length} not in the first three; not printed: the set stays unread)`) +
      (showMisses ? misses : [])
        .map(
          (m) => `    [${m.locale}] "${m.query}" → expected ${m.expected} (rank ${m.rank || 'none'}), got ${m.top.join(', ') || 'nothing'}`,
        )
        .join('\n') +
      '\n',
  );
  return { results, table, misses };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
