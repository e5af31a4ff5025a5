/**
 * Help-center search at scale (issue 9, part 4): a throw-away knowledge-base database with the
 * service's migrations, a generated corpus (search-corpus.ts) bulk-loaded together with its
 * search index (built by the service's own searchDocuments), then the service's own
 * MysqlSearchEngine (the search port) answering reader queries with one client and with 8, and the per-ticket
 * suggestion lookup. `--quick`: 2,000 articles, a few seconds of load.
 */
import 'reflect-metadata';
import { parseDatabaseUrl, dropDatabase } from '@support/persistence';
import { migrateServiceDatabase, serviceDataSourceOptions, type ServiceManifest } from '@support/nest-bootstrap';
import { loadEnvironment } from '@support/platform';
import { suggestionTerms, type Locale } from '@support/domain-knowledge';
import { createConnection, type Connection } from 'mysql2/promise';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { KnowledgeBaseEnvironment } from '../apps/knowledge-base/src/environment';
import { MysqlSearchEngine } from '../apps/knowledge-base/src/search/article-search.service';
import {
  DOCUMENT_COUNT_TERM,
  searchDocuments,
  searchDocumentValues,
  type SearchDocument,
} from '../apps/knowledge-base/src/search/search-index';
import { KNOWLEDGE_BASE_SERVICE } from '../apps/knowledge-base/src/service';
import { CORPUS_CATEGORIES, SearchCorpus, type CorpusArticle } from './search-corpus';
import type { BenchOptions, BenchPart, BenchSection } from './section';

const DAY_MS = 86_400_000;
const CLIENTS = 8;

export const run: BenchPart = async (options: BenchOptions): Promise<BenchSection[]> => {
  const size = options.quick
    ? { articles: 2_000, queries: 200, concurrentMs: 3_000, tickets: 100 }
    : { articles: 100_000, queries: 2_000, concurrentMs: 20_000, tickets: 1_000 };
  const prefix = `bsearch_${randomBytes(3).toString('hex')}_`;
  const source = { DATABASE_URL: options.databaseUrl, DB_NAME_PREFIX: prefix };
  const server = parseDatabaseUrl(options.databaseUrl);
  const database = `${prefix}${KNOWLEDGE_BASE_SERVICE.database}`;
  await migrateServiceDatabase(KNOWLEDGE_BASE_SERVICE as unknown as ServiceManifest, 'up', source);
  const env = loadEnvironment(KnowledgeBaseEnvironment, {
    KAFKA_BROKERS: 'unused:9092',
    AUTH_JWT_SECRET: 'unused-by-the-bench-0123456789abcdef',
    ...source,
  });
  const dataSource = new DataSource({ ...serviceDataSourceOptions(KNOWLEDGE_BASE_SERVICE, env), poolSize: CLIENTS + 2 } as never);
  try {
    const corpus = new SearchCorpus();
    const started = Date.now();
    const connection = await createConnection({ ...server, database, timezone: 'Z' });
    let loaded: { articles: number; translations: number };
    try {
      loaded = await load(connection, corpus, size.articles);
    } finally {
      await connection.end();
    }
    const loadSeconds = (Date.now() - started) / 1000;
    await dataSource.initialize();
    const search = new MysqlSearchEngine(dataSource);

    const dictionaryStart = Date.now();
    await search.warmUp(); // the in-memory dictionary (typo correction, synonyms), loaded once per replica
    const dictionaryMs = Date.now() - dictionaryStart;
    const queries = corpus.queries(size.queries);
    // warm up the buffer pool the way a running service would be
    for (const q of queries.slice(0, Math.min(200, queries.length))) await search.query({ terms: words(q.q) }, q.locale as Locale);

    const single: number[] = [];
    for (const q of queries) single.push(await timed(() => search.query({ terms: words(q.q) }, q.locale as Locale)));

    const concurrent: number[] = [];
    let next = 0;
    const until = Date.now() + size.concurrentMs;
    const concurrentStart = Date.now();
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        while (Date.now() < until) {
          const q = queries[next++ % queries.length];
          concurrent.push(await timed(() => search.query({ terms: words(q.q) }, q.locale as Locale)));
        }
      }),
    );
    const concurrentSeconds = (Date.now() - concurrentStart) / 1000;

    const tickets = ticketTexts(corpus, size.tickets);
    const suggestion: number[] = [];
    for (const ticket of tickets) {
      const terms = [
        ...new Set([
          ...suggestionTerms(ticket.subject, { max: 6 }),
          ...suggestionTerms(`${ticket.subject}\n${ticket.description}`, { max: 12 }),
        ]),
      ];
      suggestion.push(await timed(() => search.suggest([{ terms, locale: ticket.locale }], env.KB_SUGGESTION_LIMIT)));
    }

    // search-as-you-type: every prefix (2+ letters) of the last word of each query, as typed;
    // first right after the phases above (their pages fill the buffer pool: "cold"), then, as a
    // service answering completions all the time would be, on the prefixes of 300 other queries
    const completions = size.queries >= 600 ? 300 : Math.floor(size.queries / 2);
    const cold: number[] = [];
    for (const t of typingOf(queries.slice(0, completions))) cold.push(await timed(() => search.autocomplete(t.text, t.locale, 8)));
    const completion: number[] = [];
    for (const t of typingOf(queries.slice(completions, 2 * completions)))
      completion.push(await timed(() => search.autocomplete(t.text, t.locale, 8)));
    const [bufferPool, searchTables] = await Promise.all([
      dataSource.query(`SELECT @@innodb_buffer_pool_size AS bytes`) as Promise<Array<{ bytes: number | string }>>,
      dataSource.query(
        `SELECT SUM(data_length + index_length) AS bytes FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name LIKE 'kb_search_%'`,
      ) as Promise<Array<{ bytes: number | string }>>,
    ]);

    const base = { articles: loaded.articles, translations: loaded.translations };
    return [
      {
        name: 'Help-center search',
        rows: [
          {
            ...base,
            case: 'search',
            clients: 1,
            queries: single.length,
            ...percentiles(single),
            'searches/s': round(single.length / (sum(single) / 1000)),
          },
          {
            ...base,
            case: 'search',
            clients: CLIENTS,
            queries: concurrent.length,
            ...percentiles(concurrent),
            'searches/s': round(concurrent.length / concurrentSeconds),
          },
          {
            ...base,
            case: 'autocomplete (cold: right after the searches)',
            clients: 1,
            queries: cold.length,
            ...percentiles(cold),
            'searches/s': round(cold.length / (sum(cold) / 1000)),
          },
          {
            ...base,
            case: 'autocomplete (warm: after the cold pass, other prefixes)',
            clients: 1,
            queries: completion.length,
            ...percentiles(completion),
            'searches/s': round(completion.length / (sum(completion) / 1000)),
          },
          {
            ...base,
            case: 'ticket suggestion',
            clients: 1,
            queries: suggestion.length,
            ...percentiles(suggestion),
            'searches/s': round(suggestion.length / (sum(suggestion) / 1000)),
          },
        ],
        notes: [
          `Corpus: ${loaded.articles} generated articles (${loaded.translations} translations: English plus one of fr/ru/de/es for ~40 %), Zipf word frequencies, loaded with the search index in ${round(loadSeconds)} s.`,
          'Queries: 1–4 words as readers type them (some with an error code, 30 % in fr/ru/de/es), through the search port (MysqlSearchEngine.query: planned in the process, answered by one SQL statement each; ms include planning and the round trip).',
          `Autocomplete: every prefix of 2+ letters of each query's last word (one indexed statement each), of ${completions} queries right after the searches (cold), then of ${completions} other queries (warm). Dictionary (indexed words and synonyms) loaded in ${dictionaryMs} ms, once per replica.`,
          `MariaDB: innodb_buffer_pool_size ${mb(bufferPool[0]?.bytes)} MB for ${mb(searchTables[0]?.bytes)} MB of kb_search_* tables (data and indexes; the server is shared with whatever else runs).`,
          `Targets (issues 9 and 12): search p95 < 20 ms with 1 client, ≥ 200 searches/s with ${CLIENTS}; autocomplete p95 < 10 ms; ticket suggestions: two indexed statements per run of tickets (MysqlSearchEngine.suggest; timed here for runs of one, the dearest case per ticket).`,
        ],
      },
    ];
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await dropDatabase(server, database);
  }
};

/** Every prefix (2+ letters) of each query's last word, after the words before it, as typed. */
function typingOf(queries: ReadonlyArray<{ q: string; locale: string }>): Array<{ text: string; locale: Locale }> {
  return queries.flatMap((q) => {
    const last = q.q.split(/\s+/).filter(Boolean).pop() ?? '';
    const before = q.q.slice(0, q.q.length - last.length);
    return [...Array(Math.max(0, [...last].length - 1)).keys()].map((k) => ({
      text: before + [...last].slice(0, k + 2).join(''),
      locale: q.locale as Locale,
    }));
  });
}

const mb = (bytes: number | string | undefined) => Math.round(Number(bytes ?? 0) / 1_048_576);

function words(q: string): string[] {
  return q.split(/\s+/).filter(Boolean);
}

async function timed(action: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await action();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function percentiles(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => round(sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0);
  return { 'p50 ms': at(0.5), 'p95 ms': at(0.95), 'p99 ms': at(0.99) };
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
const round = (value: number) => Math.round(value * 10) / 10;

/** Tickets as requesters file them: a short subject from the reader queries, a description from an article's words. */
function ticketTexts(corpus: SearchCorpus, count: number): Array<{ subject: string; description: string; locale: Locale }> {
  const subjects = corpus.queries(count, corpus.seed + 7);
  return subjects.map((s, i) => {
    const article = corpus.article((i * 7919) % 5_000);
    const text = article.texts.find((t) => t.locale === s.locale) ?? article.texts[0];
    return { subject: s.q, description: text.body.split('\n\n')[0].slice(0, 400), locale: s.locale as Locale };
  });
}

const articleId = (n: number) => `00000000-0000-7000-8000-${n.toString(16).padStart(12, '0')}`;
const categoryId = (n: number) => `00000000-0000-7000-8001-${n.toString(16).padStart(12, '0')}`;
const sectionId = (n: number) => `00000000-0000-7000-8002-${n.toString(16).padStart(12, '0')}`;

/** Bulk-loads the corpus: catalog, articles, translations and their search index entries. */
export async function load(connection: Connection, corpus: SearchCorpus, count: number) {
  await connection.query('SET SESSION foreign_key_checks = 0, unique_checks = 0');
  const now = Date.now();
  const categoryRows = CORPUS_CATEGORIES.map((slug, i) => [categoryId(i), slug, i, new Date(now), new Date(now)]);
  await connection.query('INSERT INTO kb_category (id, slug, position, created_at, updated_at) VALUES ?', [categoryRows]);
  await connection.query('INSERT INTO kb_category_translation (category_id, locale, title, description, updated_at) VALUES ?', [
    CORPUS_CATEGORIES.map((slug, i) => [categoryId(i), 'en', slug, '', new Date(now)]),
  ]);
  await connection.query('INSERT INTO kb_section (id, category_id, slug, position, created_at, updated_at) VALUES ?', [
    CORPUS_CATEGORIES.map((slug, i) => [sectionId(i), categoryId(i), slug, 0, new Date(now), new Date(now)]),
  ]);
  await connection.query('INSERT INTO kb_section_translation (section_id, locale, title, updated_at) VALUES ?', [
    CORPUS_CATEGORIES.map((slug, i) => [sectionId(i), 'en', slug, new Date(now)]),
  ]);

  const termCounts = new Map<string, number>();
  const forms = new Map<string, [string, string]>();
  let documentId = 0;
  let translations = 0;
  const BATCH = 500;
  for (let start = 0; start < count; start += BATCH) {
    const articles: CorpusArticle[] = [];
    for (let n = start; n < Math.min(count, start + BATCH); n += 1) articles.push(corpus.article(n));
    const articleRows: unknown[][] = [];
    const translationRows: unknown[][] = [];
    const documentRows: unknown[][] = [];
    const postingRows: unknown[][] = [];
    const titleWordRows: unknown[][] = [];
    for (const article of articles) {
      const id = articleId(article.n);
      const updatedAt = new Date(now - article.ageDays * DAY_MS);
      articleRows.push([
        id,
        `article-${article.n}`,
        sectionId(article.category),
        article.kind,
        article.audience,
        JSON.stringify(article.errorCodes),
        'published',
        1,
        updatedAt,
        article.helpfulVotes,
        article.notHelpfulVotes,
        updatedAt,
        updatedAt,
      ]);
      const texts = article.texts.map((t) => ({ locale: t.locale, title: t.title, body: t.body, updatedAt }));
      for (const t of texts) translationRows.push([id, t.locale, t.title, t.body, updatedAt, updatedAt]);
      translations += texts.length;
      const documents: SearchDocument[] = searchDocuments({
        id,
        status: 'published',
        kind: article.kind,
        audience: article.audience,
        categoryId: categoryId(article.category),
        errorCodes: article.errorCodes,
        translations: texts,
      });
      for (const document of documents) {
        documentId += 1;
        documentRows.push([documentId, ...searchDocumentValues(document)]);
        for (const [term, weight] of document.terms) {
          postingRows.push([documentId, term, weight, document.locale, document.otherLocales]);
          termCounts.set(term, (termCounts.get(term) ?? 0) + 1);
        }
        for (const form of document.titleWords) titleWordRows.push([form, documentId, document.locale, document.otherLocales]);
        for (const [form, stem] of document.forms) forms.set(`${form}\u0000${stem}`, [form, stem]);
      }
    }
    await connection.query(
      `INSERT INTO kb_article (id, slug, section_id, kind, audience, error_codes, status, version, published_at, helpful_votes, not_helpful_votes, created_at, updated_at) VALUES ?`,
      [articleRows],
    );
    await connection.query('INSERT INTO kb_article_translation (article_id, locale, title, body, created_at, updated_at) VALUES ?', [
      translationRows,
    ]);
    await connection.query(
      'INSERT INTO kb_search_document (id, article_id, locale, other_locales, kind, audience, category_id, title, updated_at) VALUES ?',
      [documentRows],
    );
    for (let i = 0; i < postingRows.length; i += 5_000) {
      await connection.query('INSERT INTO kb_search_posting (document_id, term, weight, locale, other_locales) VALUES ?', [
        postingRows.slice(i, i + 5_000),
      ]);
    }
    for (let i = 0; i < titleWordRows.length; i += 5_000) {
      await connection.query('INSERT IGNORE INTO kb_search_title_word (form, document_id, locale, other_locales) VALUES ?', [
        titleWordRows.slice(i, i + 5_000),
      ]);
    }
  }
  const formRows = [...forms.values()];
  for (let i = 0; i < formRows.length; i += 5_000) {
    await connection.query('INSERT IGNORE INTO kb_search_form (form, stem) VALUES ?', [formRows.slice(i, i + 5_000)]);
  }
  termCounts.set(DOCUMENT_COUNT_TERM, documentId);
  const terms = [...termCounts];
  for (let i = 0; i < terms.length; i += 5_000) {
    await connection.query('INSERT INTO kb_search_term (term, documents) VALUES ? ON DUPLICATE KEY UPDATE documents = VALUES(documents)', [
      terms.slice(i, i + 5_000),
    ]);
  }
  await connection.query('ANALYZE TABLE kb_search_posting, kb_search_document, kb_search_term, kb_search_title_word, kb_search_form');
  return { articles: count, translations };
}

if (require.main === module) {
  const quick = process.argv.includes('--quick');
  run({ quick, databaseUrl: process.env['DATABASE_URL'] ?? 'mysql://root@127.0.0.1:3306' })
    .then((sections) => {
      for (const section of sections) {
        process.stdout.write(`\n${section.name}\n`);
        console.table(section.rows);
        for (const note of section.notes ?? []) process.stdout.write(`  ${note}\n`);
      }
    })
    .catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    });
}
