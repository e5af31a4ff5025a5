import { editDistance, learnTranslations, SOURCE_LOCALE, type SynonymRule, type TermDictionary } from '@support/domain-knowledge';
import type { DataSource } from 'typeorm';
import { MIN_CORRECTABLE_FORM } from './search-index';

/** translated articles the word translations are learnt from (the most recently indexed) */
export const LEXICON_ARTICLES = 400;
/** the translations are learnt again at most this often (a few hundred articles' postings are read) */
export const LEXICON_MAX_AGE_MS = 10 * 60_000;
/** which of a language's words translations are learnt for: its own script (the Latin words of a Russian text are English) */
const LEXICON_SOURCE_WORDS: Readonly<Record<string, RegExp>> = { ru: /\p{Script=Cyrillic}/u };

/** answers of similar() and prefixed() kept at most (words; the map starts again when full) */
const MAX_REMEMBERED_ANSWERS = 20_000;

interface FormEntry {
  form: string;
  stem: string;
  length: number;
}

/**
 * What a query is planned with, kept in memory: the indexed words as written (kb_search_form)
 * with their stems' document counts, bucketed by first letter for typo correction, and the
 * synonym rules (kb_search_synonym), and the word translations learnt from the translated
 * articles (learnTranslations of the domain library; relearnt at most every LEXICON_MAX_AGE_MS).
 * Loaded on first use; reloaded before the next search after a synonym write of this replica (invalidate), in the background after an article write (touch) or
 * when older than `maxAgeMs`; so other replicas see an editor's change within
 * `maxAgeMs`. Corrections keep the first letter (as search engines' prefix length 1 does): a
 * typo there is rare, and it keeps each lookup to one small bucket.
 */
export class SearchDictionary implements TermDictionary {
  /** forms by first letter (prefix lookups) */
  private buckets = new Map<string, FormEntry[]>();
  /** forms by first letter and length (typo lookups read only the lengths within reach) */
  private byLength = new Map<string, FormEntry[]>();
  private counts = new Map<string, number>();
  private rules: SynonymRule[] = [];
  private lexicons: ReadonlyMap<string, ReadonlyMap<string, string>> = new Map();
  /** answers of similar() and prefixed() for the words seen since the last load */
  private answers = new Map<string, readonly unknown[]>();
  private lexiconLoadedAt = 0;
  private loadedAt = 0;
  private stale = true;
  private mustReload = false;
  private loading: Promise<void> | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly maxAgeMs: number,
  ) {}

  /** Ready to plan with: loads the first time and after invalidate(), else refreshes in the background. */
  async ready(): Promise<this> {
    if (this.loadedAt === 0 || this.mustReload) {
      this.mustReload = false;
      await this.refresh();
    } else if (this.stale || Date.now() - this.loadedAt > this.maxAgeMs) {
      void this.refresh().catch(() => undefined); // the current copy serves until the new one is in
    }
    return this;
  }

  /** The next search reloads first (after a synonym write of this replica: editors see it at once). */
  invalidate(): void {
    this.mustReload = true;
  }

  /** The next search reloads in the background (after an article write: new words, new counts). */
  touch(): void {
    this.stale = true;
  }

  refresh(): Promise<void> {
    this.loading ??= this.load().finally(() => {
      this.loading = null;
    });
    return this.loading;
  }

  synonyms(): readonly SynonymRule[] {
    return this.rules;
  }

  /** per language, its stems with the English stem each translates to */
  translations(): ReadonlyMap<string, ReadonlyMap<string, string>> {
    return this.lexicons;
  }

  documents(stem: string): number {
    return this.counts.get(stem) ?? 0;
  }

  similar(form: string, maxDistance: number): ReadonlyArray<{ form: string; stem: string; distance: number; documents: number }> {
    return this.remember(`s${maxDistance}|${form}`, () => {
      const chars = [...form];
      const found: Array<{ form: string; stem: string; distance: number; documents: number }> = [];
      for (let length = chars.length - maxDistance; length <= chars.length + maxDistance; length += 1) {
        for (const entry of this.byLength.get(`${chars[0] ?? ''}|${length}`) ?? []) {
          const distance = editDistance(form, entry.form, maxDistance);
          if (distance <= maxDistance) found.push({ form: entry.form, stem: entry.stem, distance, documents: this.documents(entry.stem) });
        }
      }
      return found;
    });
  }

  prefixed(prefix: string): ReadonlyArray<{ form: string; stem: string; documents: number }> {
    return this.remember(`p|${prefix}`, () => {
      const bucket = this.buckets.get([...prefix][0] ?? '') ?? [];
      return bucket
        .filter((entry) => entry.form.startsWith(prefix))
        .map((entry) => ({ form: entry.form, stem: entry.stem, documents: this.documents(entry.stem) }));
    });
  }

  /**
   * An answer of similar() or prefixed(), kept until the next load: the words of tickets and
   * searches repeat (their frequencies are Zipfian), and scanning a bucket with an edit distance
   * per entry costs far more than a lookup (it was most of a ticket's query plan).
   */
  private remember<T>(key: string, compute: () => readonly T[]): readonly T[] {
    const known = this.answers.get(key);
    if (known) return known as readonly T[];
    const answer = compute();
    if (this.answers.size >= MAX_REMEMBERED_ANSWERS) this.answers.clear();
    this.answers.set(key, answer);
    return answer;
  }

  private async load(): Promise<void> {
    this.stale = false;
    const startedAt = Date.now();
    const lexiconDue = startedAt - this.lexiconLoadedAt > LEXICON_MAX_AGE_MS;
    const [forms, rules, lexicons] = await Promise.all([
      this.dataSource.query(
        `SELECT f.form, f.stem, t.documents FROM kb_search_form f JOIN kb_search_term t ON t.term = f.stem
          WHERE t.documents > 0 AND CHAR_LENGTH(f.form) >= ?`,
        [MIN_CORRECTABLE_FORM],
      ) as Promise<Array<{ form: string; stem: string; documents: number | string }>>,
      this.dataSource.query('SELECT locale, term, synonyms FROM kb_search_synonym ORDER BY locale, term') as Promise<
        Array<{ locale: string; term: string; synonyms: string }>
      >,
      lexiconDue ? this.learnTranslations() : Promise.resolve(this.lexicons),
    ]);
    const buckets = new Map<string, FormEntry[]>();
    const byLength = new Map<string, FormEntry[]>();
    const counts = new Map<string, number>();
    const add = (map: Map<string, FormEntry[]>, key: string, entry: FormEntry) => {
      const list = map.get(key);
      if (list) list.push(entry);
      else map.set(key, [entry]);
    };
    for (const row of forms) {
      const first = [...row.form][0];
      const entry = { form: row.form, stem: row.stem, length: [...row.form].length };
      add(buckets, first, entry);
      add(byLength, `${first}|${entry.length}`, entry);
      counts.set(row.stem, Number(row.documents));
    }
    this.buckets = buckets;
    this.byLength = byLength;
    this.answers = new Map();
    this.counts = counts;
    this.rules = rules.map((r) => ({ locale: r.locale, term: r.term, synonyms: JSON.parse(r.synonyms) as string[] }));
    this.lexicons = lexicons;
    if (lexiconDue) this.lexiconLoadedAt = startedAt;
    this.loadedAt = startedAt;
  }

  /** Word translations per language, from the stems of the most recently indexed translated articles and of their English sources. */
  private async learnTranslations(): Promise<Map<string, Map<string, string>>> {
    const rows: Array<{ articleId: string; locale: string; term: string }> = await this.dataSource.query(
      `SELECT d.article_id AS articleId, d.locale, p.term
         FROM (SELECT article_id FROM kb_search_document WHERE locale = ? AND other_locales <> '' ORDER BY id DESC LIMIT ${LEXICON_ARTICLES}) s
         JOIN kb_search_document d ON d.article_id = s.article_id
         JOIN kb_search_posting p ON p.document_id = d.id`,
      [SOURCE_LOCALE],
    );
    const texts = new Map<string, Map<string, Set<string>>>();
    for (const row of rows) {
      const article = texts.get(row.articleId) ?? new Map<string, Set<string>>();
      texts.set(row.articleId, article);
      const terms = article.get(row.locale) ?? new Set<string>();
      article.set(row.locale, terms);
      terms.add(row.term);
    }
    const pairs = new Map<string, Array<{ source: Set<string>; target: Set<string> }>>();
    for (const article of texts.values()) {
      const target = article.get(SOURCE_LOCALE);
      if (!target) continue;
      for (const [locale, source] of article) {
        if (locale === SOURCE_LOCALE) continue;
        const list = pairs.get(locale) ?? [];
        pairs.set(locale, list);
        list.push({ source, target });
      }
    }
    return new Map([...pairs].map(([locale, list]) => [locale, learnTranslations(list, { sourceWords: LEXICON_SOURCE_WORDS[locale] })]));
  }
}
