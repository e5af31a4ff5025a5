import { editDistance, type SynonymRule, type TermDictionary } from '@support/domain-knowledge';
import type { DataSource } from 'typeorm';
import { MIN_CORRECTABLE_FORM } from './search-index';

interface FormEntry {
  form: string;
  stem: string;
  length: number;
}

/**
 * What a query is planned with, kept in memory: the indexed words as written (kb_search_form)
 * with their stems' document counts, bucketed by first letter for typo correction, and the
 * synonym rules (kb_search_synonym). Loaded on first use; reloaded before the next search after a
 * synonym write of this replica (invalidate), in the background after an article write (touch) or
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

  documents(stem: string): number {
    return this.counts.get(stem) ?? 0;
  }

  similar(form: string, maxDistance: number) {
    const chars = [...form];
    const found: Array<{ form: string; stem: string; distance: number; documents: number }> = [];
    for (let length = chars.length - maxDistance; length <= chars.length + maxDistance; length += 1) {
      for (const entry of this.byLength.get(`${chars[0] ?? ''}|${length}`) ?? []) {
        const distance = editDistance(form, entry.form, maxDistance);
        if (distance <= maxDistance) found.push({ form: entry.form, stem: entry.stem, distance, documents: this.documents(entry.stem) });
      }
    }
    return found;
  }

  prefixed(prefix: string) {
    const bucket = this.buckets.get([...prefix][0] ?? '') ?? [];
    return bucket
      .filter((entry) => entry.form.startsWith(prefix))
      .map((entry) => ({ form: entry.form, stem: entry.stem, documents: this.documents(entry.stem) }));
  }

  private async load(): Promise<void> {
    this.stale = false;
    const startedAt = Date.now();
    const [forms, rules] = await Promise.all([
      this.dataSource.query(
        `SELECT f.form, f.stem, t.documents FROM kb_search_form f JOIN kb_search_term t ON t.term = f.stem
          WHERE t.documents > 0 AND CHAR_LENGTH(f.form) >= ?`,
        [MIN_CORRECTABLE_FORM],
      ) as Promise<Array<{ form: string; stem: string; documents: number | string }>>,
      this.dataSource.query('SELECT locale, term, synonyms FROM kb_search_synonym ORDER BY locale, term') as Promise<
        Array<{ locale: string; term: string; synonyms: string }>
      >,
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
    this.counts = counts;
    this.rules = rules.map((r) => ({ locale: r.locale, term: r.term, synonyms: JSON.parse(r.synonyms) as string[] }));
    this.loadedAt = startedAt;
  }
}
