import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiError } from '@support/platform';
import { isDuplicateKeyError } from '@support/persistence';
import type { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { synonymNotFound } from '../knowledge-base.errors';
import { requireLocale } from '../reader-locale';
import { SearchPort } from './search-port';
import { synonymKey, synonymProblems, type SynonymInput } from './synonyms';

export interface SynonymView {
  id: string;
  locale: string;
  term: string;
  synonyms: string[];
  createdAt: string;
  updatedAt: string;
}

interface SynonymRow {
  id: string;
  locale: string;
  term: string;
  synonyms: string;
  createdAt: Date;
  updatedAt: Date;
}

const COLUMNS = 'id, locale, term, synonyms, created_at AS createdAt, updated_at AS updatedAt';

/**
 * The per-locale synonym rules editors maintain (kb_search_synonym): "bill" → "invoice". A
 * search for the term also finds what its synonyms find, ranked a little below the term's own
 * matches. Changes reach this replica's searches at once and other replicas' within
 * KB_SEARCH_DICTIONARY_MAX_AGE_MS.
 */
@Injectable()
export class SearchSynonymsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly search: SearchPort,
  ) {}

  async list(locale?: string): Promise<{ items: SynonymView[] }> {
    const rows: SynonymRow[] =
      locale === undefined
        ? await this.dataSource.query(`SELECT ${COLUMNS} FROM kb_search_synonym ORDER BY locale, term`)
        : await this.dataSource.query(`SELECT ${COLUMNS} FROM kb_search_synonym WHERE locale = ? ORDER BY term`, [requireLocale(locale)]);
    return { items: rows.map(view) };
  }

  async get(id: string): Promise<SynonymView> {
    return view(await this.row(id));
  }

  async create(input: SynonymInput): Promise<SynonymView> {
    const rule = checked(input);
    const id = uuidv7();
    const now = new Date();
    await this.write(rule, () =>
      this.dataSource.query(
        'INSERT INTO kb_search_synonym (id, locale, term, term_key, synonyms, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
        [id, rule.locale, rule.term, rule.key, JSON.stringify(rule.synonyms), now, now],
      ),
    );
    return this.get(id);
  }

  async replace(id: string, input: SynonymInput): Promise<SynonymView> {
    await this.row(id);
    const rule = checked(input);
    await this.write(rule, () =>
      this.dataSource.query('UPDATE kb_search_synonym SET locale = ?, term = ?, term_key = ?, synonyms = ?, updated_at = ? WHERE id = ?', [
        rule.locale,
        rule.term,
        rule.key,
        JSON.stringify(rule.synonyms),
        new Date(),
        id,
      ]),
    );
    return this.get(id);
  }

  async remove(id: string): Promise<void> {
    await this.row(id);
    await this.dataSource.query('DELETE FROM kb_search_synonym WHERE id = ?', [id]);
    this.search.invalidate();
  }

  private async write(rule: { locale: string; term: string }, statement: () => Promise<unknown>): Promise<void> {
    try {
      await statement();
    } catch (error) {
      if (isDuplicateKeyError(error)) {
        throw ApiError.conflict(
          'synonym_exists',
          `term: the ${rule.locale} locale already has a synonym rule for "${rule.term}"; change that one`,
        );
      }
      throw error;
    }
    this.search.invalidate();
  }

  private async row(id: string): Promise<SynonymRow> {
    const [row]: SynonymRow[] = await this.dataSource.query(`SELECT ${COLUMNS} FROM kb_search_synonym WHERE id = ?`, [id]);
    if (!row) throw synonymNotFound(id);
    return row;
  }
}

function checked(input: SynonymInput): { locale: string; term: string; key: string; synonyms: string[] } {
  const problems = synonymProblems(input);
  if (problems.length > 0) throw ApiError.validationFailed(problems);
  const locale = String(input.locale);
  const term = String(input.term).trim();
  return { locale, term, key: synonymKey(term, locale), synonyms: (input.synonyms as string[]).map((s) => s.trim()) };
}

function view(row: SynonymRow): SynonymView {
  return {
    id: row.id,
    locale: row.locale,
    term: row.term,
    synonyms: JSON.parse(row.synonyms) as string[],
    createdAt: new Date(row.createdAt).toISOString(),
    updatedAt: new Date(row.updatedAt).toISOString(),
  };
}
