/**
 * What the knowledge base's ticket suggestions cost in its process: `MysqlSearchEngine.suggest`
 * (plan, candidate statement, first scores, kept statement, exact scores, title matches) over the
 * seeded help center in a throw-away database of the real server, for tickets as the consumer
 * builds them (`ticketTerms`, `guessTextLocale`). For runs of 1, 10 and 50 tickets it prints the
 * process's CPU per ticket (user + system) and the bytes it allocates per ticket (V8's sampling
 * heap profiler, dead objects included, in a second pass so that the sampling does not count in
 * the CPU), for two sets of texts: the pipeline's five tickets (`PIPELINE_TICKETS`) and a ticket
 * made of each seed article's title and opening in each of its languages.
 *
 *   npx ts-node --transpile-only bench/profile-suggestions.ts [--rounds=20] [--dump=<file>] [--compare=<file>]
 *
 * `--dump` writes every seed ticket's suggestions (article slug, locale, tier, relevance) to a file;
 * `--compare` checks them against such a file to the last bit and exits non-zero on any
 * difference: a change to the suggestion path must not change what a ticket is shown.
 * A diagnostic, not part of `npm run bench`.
 */
import 'reflect-metadata';
import { dropDatabasesWithPrefix, throwawayPrefix } from '@support/testing-core';
import { readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { DataSource } from 'typeorm';
import { ticketTerms } from '../apps/knowledge-base/src/deflection/suggestion-rows';
import { guessTextLocale } from '../apps/knowledge-base/src/deflection/text-language';
import { MysqlSearchEngine } from '../apps/knowledge-base/src/search/article-search.service';
import type { SuggestionRequest } from '../apps/knowledge-base/src/search/search-port';
import { openKnowledgeBaseDatabase, seedKnowledgeBase } from '../apps/knowledge-base/src/seed/seed';
import { SEED_ARTICLES } from '../apps/knowledge-base/src/seed/seed-data';
import { cliArgument, runDiagnostic } from './cli';
import { PIPELINE_TICKETS } from './pipeline/load-protocol';

const ROUNDS = Number(cliArgument('rounds', '20'));
const DUMP = cliArgument('dump', '');
const COMPARE = cliArgument('compare', '');
const DATABASE_URL = process.env['DATABASE_URL'] ?? 'mysql://root@127.0.0.1:3306';
/** how much of a seed article's body its ticket's description takes */
const OPENING_CHARACTERS = 400;

function request(subject: string, description: string): SuggestionRequest {
  return { locale: guessTextLocale(`${subject}\n${description}`), terms: ticketTerms(subject, description) };
}

/** The pipeline's tickets, numbered as the load generator numbers their subjects. */
function pipelineRequests(count: number): SuggestionRequest[] {
  return Array.from({ length: count }, (_, index) => {
    const [subject, description] = PIPELINE_TICKETS[index % PIPELINE_TICKETS.length];
    return request(`${subject} (${index})`, description);
  });
}

/** A ticket of each seed article's title and opening, in each language it is written in. */
function seedRequests(): SuggestionRequest[] {
  const requests: SuggestionRequest[] = [];
  for (const article of SEED_ARTICLES) {
    for (const translation of Object.values(article.translations)) {
      if (translation) requests.push(request(translation.title, translation.body.slice(0, OPENING_CHARACTERS)));
    }
  }
  return requests;
}

function runs(requests: SuggestionRequest[], size: number): SuggestionRequest[][] {
  const list: SuggestionRequest[][] = [];
  for (let start = 0; start < requests.length; start += size) list.push(requests.slice(start, start + size));
  return list;
}

const cpuMicros = () => {
  const usage = process.cpuUsage();
  return usage.user + usage.system;
};

/** Bytes allocated while `work` runs (sampled every 4 KB, collected objects included). */
async function allocatedBytes(session: Session, work: () => Promise<void>): Promise<number> {
  await session.post('HeapProfiler.startSampling', {
    samplingInterval: 4096,
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: true,
  });
  await work();
  const { profile } = await session.post('HeapProfiler.stopSampling');
  let total = 0;
  const stack = [profile.head];
  for (let node = stack.pop(); node; node = stack.pop()) {
    total += node.selfSize;
    stack.push(...node.children);
  }
  return total;
}

async function main(): Promise<void> {
  const prefix = throwawayPrefix('profsugg');
  const source = { DATABASE_URL, DB_NAME_PREFIX: prefix };
  let dataSource: DataSource | undefined;
  try {
    await seedKnowledgeBase(source);
    const opened = await openKnowledgeBaseDatabase(source);
    dataSource = opened.dataSource;
    const env = opened.env;
    const engine = new MysqlSearchEngine(dataSource, env);
    await engine.warmUp();
    const limit = env.KB_SUGGESTION_LIMIT;
    const sets = { pipeline: pipelineRequests(50), seed: seedRequests() };

    const results = await engine.suggest(sets.seed, limit);
    const shown = sets.seed.map((asked, index) => ({
      terms: asked.terms,
      locale: asked.locale,
      matches: results[index].map((m) => [m.slug, m.servedLocale, m.tier, m.relevance]),
    }));
    if (DUMP) writeFileSync(DUMP, JSON.stringify(shown));
    if (COMPARE) {
      const before = JSON.parse(readFileSync(COMPARE, 'utf8')) as typeof shown;
      const differing = shown.filter((now, index) => JSON.stringify(now) !== JSON.stringify(before[index]));
      console.log(
        `compared with ${COMPARE}: ${shown.length - differing.length} of ${shown.length} seed tickets shown the same suggestions`,
      );
      for (const now of differing.slice(0, 5)) console.log(`  differs: ${now.locale} ${now.terms.join(' ')}`);
      if (differing.length > 0 || before.length !== shown.length) process.exitCode = 1;
    }

    const session = new Session();
    session.connect();
    console.log('tickets   run  runs  process µs/ticket  allocated KB/ticket');
    for (const [name, requests] of Object.entries(sets)) {
      for (const size of [1, 10, 50]) {
        const list = runs(requests, size);
        const round = async () => {
          for (const run of list) await engine.suggest(run, limit);
        };
        for (let warm = 0; warm < 3; warm += 1) await round();
        const started = cpuMicros();
        for (let r = 0; r < ROUNDS; r += 1) await round();
        const cpu = (cpuMicros() - started) / (ROUNDS * requests.length);
        const bytes = await allocatedBytes(session, round);
        console.log(
          `${name.padEnd(8)} ${String(size).padStart(4)}  ${String(list.length).padStart(4)}  ${cpu.toFixed(0).padStart(17)}  ${(bytes / requests.length / 1024).toFixed(1).padStart(19)}`,
        );
      }
    }
    session.disconnect();
  } finally {
    await dataSource?.destroy();
    await dropDatabasesWithPrefix(prefix, DATABASE_URL);
  }
}

runDiagnostic(main);
