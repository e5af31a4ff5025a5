import { migrateServiceDatabase, serviceDataSourceOptions } from '@support/nest-bootstrap';
import type { QueryPlan } from '@support/domain-knowledge';
import { loadEnvironment } from '@support/platform';
import { dropDatabasesWithPrefix, TEST_DATABASE_URL, throwawayPrefix } from '@support/testing';
import { DataSource, type Logger } from 'typeorm';
import { KnowledgeBaseEnvironment } from '../src/environment';
import { CANDIDATES_PER_TERM, MAX_MATCHES, matchStatement, MysqlSearchEngine } from '../src/search/article-search.service';
import { sqlServerOf } from '../src/search/match-statement';
import { RefinedSearchAnalysis1765500000000 } from '../src/migrations/1765500000000-refined-search-analysis';
import { SearchDictionary } from '../src/search/search-dictionary';
import { reindexArticle } from '../src/search/search-index';
import { synonymKey } from '../src/search/synonyms';
import { KNOWLEDGE_BASE_SERVICE } from '../src/service';

/** Counts the SQL statements the data source sends; the rest of the log is not needed here. */
class StatementCounter implements Logger {
  statements: string[] = [];
  logQuery(query: string): void {
    this.statements.push(query);
  }
  logQueryError = ignore;
  logQuerySlow = ignore;
  logSchemaBuild = ignore;
  logMigration = ignore;
  log = ignore;
}

function ignore(): void {
  // nothing to record
}

const CATEGORY = '00000000-0000-7000-8001-000000000001';
const SECTION = '00000000-0000-7000-8002-000000000001';
const articleId = (n: number) => `00000000-0000-7000-8000-${String(n).padStart(12, '0')}`;

describe('search at scale: one statement per search, and the candidate limit keeps the best match (real MariaDB)', () => {
  const prefix = throwawayPrefix('kbsearch');
  const counter = new StatementCounter();
  let dataSource: DataSource;
  let search: MysqlSearchEngine;

  async function article(n: number, texts: Record<string, { title: string; body: string }>, votes = { helpful: 0, notHelpful: 0 }) {
    const id = articleId(n);
    const at = new Date(Date.UTC(2026, 0, 1) + n * 1000);
    await dataSource.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO kb_article (id, slug, section_id, kind, audience, error_codes, status, version, published_at, helpful_votes, not_helpful_votes, created_at, updated_at)
         VALUES (?, ?, ?, 'faq', 'everyone', '[]', 'published', 1, ?, ?, ?, ?, ?)`,
        [id, `a-${n}`, SECTION, at, votes.helpful, votes.notHelpful, at, at],
      );
      for (const [locale, text] of Object.entries(texts)) {
        await manager.query(
          'INSERT INTO kb_article_translation (article_id, locale, title, body, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
          [id, locale, text.title, text.body, at, at],
        );
      }
      await reindexArticle(manager, id);
    });
    return id;
  }

  beforeAll(async () => {
    const source = { DATABASE_URL: TEST_DATABASE_URL, DB_NAME_PREFIX: prefix };
    await migrateServiceDatabase(KNOWLEDGE_BASE_SERVICE, 'up', source);
    const env = loadEnvironment(KnowledgeBaseEnvironment, {
      KAFKA_BROKERS: 'unused:9092',
      AUTH_JWT_SECRET: 'unused-by-this-test-0123456789abcdef',
      ...source,
    });
    dataSource = new DataSource({ ...serviceDataSourceOptions(KNOWLEDGE_BASE_SERVICE, env), logging: ['query'], logger: counter } as never);
    await dataSource.initialize();
    search = new MysqlSearchEngine(dataSource);
    const now = new Date();
    await dataSource.query("INSERT INTO kb_category (id, slug, position, created_at, updated_at) VALUES (?, 'meetings', 0, ?, ?)", [
      CATEGORY,
      now,
      now,
    ]);
    await dataSource.query(
      "INSERT INTO kb_section (id, category_id, slug, position, created_at, updated_at) VALUES (?, ?, 'general', 0, ?, ?)",
      [SECTION, CATEGORY, now, now],
    );

    // More articles than the candidate limit mention "meeting" more often than the best matches do,
    // and each has a French translation, so French readers are not served its English text.
    const crowd = CANDIDATES_PER_TERM + 50;
    for (let n = 1; n <= crowd; n += 1) {
      await article(n, {
        en: {
          title: `Meeting meeting planner ${n}`,
          body: 'Meeting meeting meeting: every meeting has a meeting link and a meeting room.',
        },
        fr: { title: `Planificateur ${n}`, body: 'Une réunion a un lien.' },
      });
    }
  }, 300_000);

  afterAll(async () => {
    await dataSource?.destroy();
    await dropDatabasesWithPrefix(prefix);
  });

  it('finds the best match of a two-word query although hundreds of heavier rows match one of its words', async () => {
    const best = await article(1001, {
      en: { title: 'Echo in a meeting', body: 'An echo in the meeting comes from a speaker near a microphone.' },
    });
    const ranked = await search.rank({ terms: ['meeting', 'echo'] }, 'en');
    expect(ranked[0].articleId).toBe(best);
    expect(ranked).toHaveLength(MAX_MATCHES);
  });

  it('applies the reader-locale filter while reading candidates, so the served match is not cut off', async () => {
    // ranks below every crowd row for "meeting", but the crowd is served to French readers in French
    const served = await article(1002, { en: { title: 'Calendar sync', body: 'Each meeting of your calendar shows up.' } });
    const french = await search.rank({ terms: ['meeting'] }, 'fr');
    expect(french.map((r) => r.articleId)).toContain(served);
    expect(french.every((r) => r.servedLocale === 'en')).toBe(true);
    expect(french.some((r) => r.articleId === articleId(1))).toBe(false);
  });

  it('matches a word as the start of a longer one, and breaks equal scores by helpfulness', async () => {
    const liked = await article(1003, { en: { title: 'Hotlines by country', body: 'Call us.' } }, { helpful: 40, notHelpful: 2 });
    const plain = await article(1004, { en: { title: 'Hotlines by country', body: 'Call us.' } });
    const ranked = await search.rank({ terms: ['hotline'] }, 'en');
    expect(ranked.map((r) => r.articleId).slice(0, 2)).toEqual([liked, plain]);
  });

  it('answers a search and a filtered search with one SQL statement each', async () => {
    for (const call of [
      () => search.rank({ terms: ['meeting', 'echo', 'tv'] }, 'fr'),
      () => search.rank({ terms: ['meeting'] }, 'ru', { category: 'meetings', kind: 'faq', audience: 'everyone' }),
    ]) {
      await search.warmUp(); // the dictionary of indexed words is loaded once and kept in memory, not read per search
      counter.statements = [];
      const result = await call();
      expect(counter.statements).toHaveLength(1);
      expect(result.length).toBeGreaterThan(0);
    }
    const [[suggestion]] = await search.suggest([{ terms: ['echo'], locale: 'en' }], 5);
    expect(suggestion).toMatchObject({ slug: 'a-1001', title: 'Echo in a meeting', servedLocale: 'en', relevance: expect.any(Number) });
  });

  it('suggests for a run of tickets in two SQL statements, each ticket answered as it would be alone', async () => {
    const requests = [
      // "meeting" is held by more documents than are read per term: its best postings are cut, then looked up
      { terms: ['echo', 'meeting', 'participants', 'hear', 'voice', 'speak', 'yesterday'], locale: 'en' as const },
      { terms: ['meeting', 'planner', 'echo'], locale: 'en' as const },
      { terms: ['réunion', 'lien', 'meeting'], locale: 'fr' as const },
      { terms: ['hotline', 'country', 'calendar'], locale: 'ru' as const },
      { terms: ['the', 'and'], locale: 'en' as const },
    ];
    await search.warmUp();
    counter.statements = [];
    const together = await search.suggest(requests, 5);
    expect(counter.statements).toHaveLength(2);
    expect(together).toHaveLength(requests.length);
    for (const [index, request] of requests.entries()) {
      const [alone] = await search.suggest([request], 5);
      expect(together[index]).toEqual(alone);
    }
    expect(together[0][0]).toMatchObject({ slug: 'a-1001', title: 'Echo in a meeting' });
    expect(together[2].length).toBeGreaterThan(0);
    expect(together[2].every((match) => match.servedLocale === 'fr' || match.servedLocale === 'en')).toBe(true);
    expect(together[4]).toEqual([]);
  });

  it('passes any planned term through the table of alternatives of the statement: quotes, a backslash, longer than an indexed term', async () => {
    const odd = ['"echo"', 'echo\\', 'é'.repeat(70), 'x'.repeat(300)];
    const plan = {
      alternatives: [
        { slot: 0, term: 'echo', factor: 1, kind: 'stem' },
        ...odd.map((term) => ({ slot: 1, term, factor: 0.8, kind: 'stem' })),
      ],
      forms: ['echo', 'odd'],
      stems: ['echo', ...odd],
      slots: 2,
    } as unknown as QueryPlan;
    const [{ version }] = await dataSource.query('SELECT VERSION() AS version');
    const statement = matchStatement(plan, 'en', {}, 30, 20, 20, sqlServerOf(version));
    const rows: Array<{ articleId: string; seen: string }> = await dataSource.query(statement.sql, statement.params);
    expect(rows.map((r) => r.articleId)).toEqual([articleId(1001)]);
    expect(rows[0].seen).toMatch(/^0:[\d.]+$/);
  });

  it('re-indexes and re-keys the synonym rules when the analysis changes (migration 1765500000000)', async () => {
    const now = new Date();
    // keys as the previous analysis wrote them: "frozen" was its own stem before irregular forms were read as their base
    const rules = [
      { id: '00000000-0000-7000-8003-000000000001', term: 'frozen screen', key: 'frozen screen' },
      { id: '00000000-0000-7000-8003-000000000002', term: 'froze', key: 'froze' },
      { id: '00000000-0000-7000-8003-000000000003', term: 'freeze', key: 'freez' },
    ];
    for (const rule of rules) {
      await dataSource.query(
        "INSERT INTO kb_search_synonym (id, locale, term, term_key, synonyms, created_at, updated_at) VALUES (?, 'en', ?, ?, '[\"lag\"]', ?, ?)",
        [rule.id, rule.term, rule.key, now, now],
      );
    }
    const frozen = await article(1005, { en: { title: 'Frozen picture', body: 'The picture froze.' } });
    await dataSource.query('DELETE FROM kb_search_term');
    const runner = dataSource.createQueryRunner();
    try {
      await new RefinedSearchAnalysis1765500000000().up(runner);
    } finally {
      await runner.release();
    }
    const keys: Array<{ id: string; key: string }> = await dataSource.query(
      'SELECT id, term_key AS `key` FROM kb_search_synonym WHERE id IN (?, ?, ?) ORDER BY id',
      rules.map((r) => r.id),
    );
    // re-keyed; "froze" now means "freeze", whose rule exists: it keeps its old key, both stay listed
    expect(keys.map((k) => k.key)).toEqual([synonymKey('frozen screen', 'en'), 'froze', 'freez']);
    expect(synonymKey('frozen screen', 'en')).toBe('freez screen');
    // the index is written again (term counts included) with the new analysis
    const [count] = await dataSource.query("SELECT documents FROM kb_search_term WHERE term = 'freez'");
    expect(Number(count.documents)).toBeGreaterThanOrEqual(1);
    search.invalidate();
    const ranked = await search.rank({ terms: ['freezes'] }, 'en');
    expect(ranked[0]?.articleId).toBe(frozen);
    await dataSource.query(
      'DELETE FROM kb_search_synonym WHERE id IN (?, ?, ?)',
      rules.map((r) => r.id),
    );
  });

  it('answers a repeated typo or prefix lookup from memory until the dictionary reloads, then from the new words', async () => {
    const dictionary = new SearchDictionary(dataSource, 60_000);
    await dictionary.ready();
    const first = dictionary.similar('kaleidoscpe', 2);
    expect(first).toEqual([]);
    expect(dictionary.similar('kaleidoscpe', 2)).toBe(first);
    expect(dictionary.prefixed('kaleido')).toBe(dictionary.prefixed('kaleido'));
    await article(1006, { en: { title: 'Kaleidoscope backgrounds', body: 'A kaleidoscope effect.' } });
    await dictionary.refresh();
    expect(dictionary.similar('kaleidoscpe', 2).map((c) => c.form)).toEqual(['kaleidoscope']);
    expect(dictionary.prefixed('kaleido').map((c) => c.form)).toEqual(['kaleidoscope']);
  });
});
