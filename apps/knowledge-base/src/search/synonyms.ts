import { analyzeText, isLocale, type SynonymRule } from '@support/domain-knowledge';
import type { FieldProblem } from '@support/platform';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { plainTextProblems } from '../text-rules';

/** Most words a synonym rule's term or one of its synonyms may have. */
export const MAX_SYNONYM_WORDS = 4;
export const MAX_SYNONYM_LENGTH = 100;
export const MAX_SYNONYMS_PER_RULE = 20;

/**
 * The identity of a rule's term within its locale: its stems, so "Bills" and "bill" are the same
 * rule. Empty when the term holds nothing but filler words.
 */
export function synonymKey(term: string, locale: string): string {
  return analyzeText(term, locale)
    .map((w) => w.stem)
    .join(' ');
}

export interface SynonymInput {
  locale?: unknown;
  term?: unknown;
  synonyms?: unknown;
}

/** Every problem of a rule an editor sends, by field. */
export function synonymProblems(input: SynonymInput): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!isLocale(input.locale))
    problems.push({ field: 'locale', message: 'locale must be a supported locale (en, ru, fr, de, es, ja, pt)' });
  const locale = isLocale(input.locale) ? input.locale : 'en';
  const termProblems = plainTextProblems('term', input.term, { required: true, max: MAX_SYNONYM_LENGTH });
  problems.push(...termProblems);
  if (termProblems.length === 0) problems.push(...phraseProblems('term', String(input.term), locale));
  if (!Array.isArray(input.synonyms) || input.synonyms.length === 0 || input.synonyms.length > MAX_SYNONYMS_PER_RULE) {
    problems.push({ field: 'synonyms', message: `synonyms must be a list of 1 to ${MAX_SYNONYMS_PER_RULE} words or short phrases` });
  } else {
    const key = typeof input.term === 'string' ? synonymKey(input.term, locale) : '';
    const seen = new Set<string>();
    input.synonyms.forEach((synonym: unknown, i: number) => {
      const field = `synonyms[${i}]`;
      const own = plainTextProblems(field, synonym, { required: true, max: MAX_SYNONYM_LENGTH });
      if (own.length > 0) return problems.push(...own);
      const phrase = phraseProblems(field, String(synonym), locale);
      if (phrase.length > 0) return problems.push(...phrase);
      const synonymStems = synonymKey(String(synonym), locale);
      if (synonymStems === key) return problems.push({ field, message: `${field} means the same as the term itself` });
      if (seen.has(synonymStems)) return problems.push({ field, message: `${field} repeats an earlier synonym` });
      seen.add(synonymStems);
      return undefined;
    });
  }
  return problems;
}

function phraseProblems(field: string, text: string, locale: string): FieldProblem[] {
  const words = analyzeText(text, locale);
  if (words.length === 0)
    return [{ field, message: `${field} must contain a searchable word (not only filler words like "the", "le", "и")` }];
  if (words.length > MAX_SYNONYM_WORDS) return [{ field, message: `${field} must have at most ${MAX_SYNONYM_WORDS} words` }];
  return [];
}

/**
 * The list a new help center starts with: everyday words for the product's terms, one
 * direction each (what readers type → what articles say). Editors change it through the admin
 * API (/v1/admin/search/synonyms); the migration that created the table inserted these.
 */
export const STARTER_SYNONYMS: readonly SynonymRule[] = [
  { locale: 'en', term: 'bill', synonyms: ['invoice'] },
  { locale: 'en', term: 'receipt', synonyms: ['invoice'] },
  { locale: 'en', term: 'subscription', synonyms: ['plan'] },
  { locale: 'en', term: 'charge', synonyms: ['payment'] },
  { locale: 'en', term: 'presentation', synonyms: ['screen sharing'] },
  { locale: 'en', term: 'mic', synonyms: ['microphone'] },
  { locale: 'en', term: 'webcam', synonyms: ['camera'] },
  { locale: 'en', term: 'cam', synonyms: ['camera'] },
  { locale: 'en', term: 'sound', synonyms: ['audio'] },
  { locale: 'en', term: 'call', synonyms: ['meeting'] },
  { locale: 'en', term: 'conference', synonyms: ['meeting'] },
  { locale: 'en', term: 'lobby', synonyms: ['waiting room'] },
  { locale: 'en', term: 'login', synonyms: ['sign in'] },
  { locale: 'en', term: 'log in', synonyms: ['sign in'] },
  { locale: 'en', term: '2fa', synonyms: ['two-factor authentication'] },
  { locale: 'en', term: 'mfa', synonyms: ['two-factor authentication'] },
  { locale: 'en', term: 'lag', synonyms: ['unstable connection'] },
  { locale: 'en', term: 'attendees', synonyms: ['participants'] },
  { locale: 'fr', term: 'visio', synonyms: ['réunion'] },
  { locale: 'fr', term: 'visioconférence', synonyms: ['réunion'] },
  { locale: 'fr', term: 'appel', synonyms: ['réunion'] },
  { locale: 'fr', term: 'abonnement', synonyms: ['forfait'] },
  { locale: 'fr', term: 'offre', synonyms: ['forfait'] },
  { locale: 'fr', term: 'webcam', synonyms: ['caméra'] },
  { locale: 'fr', term: 'micro', synonyms: ['microphone'] },
  { locale: 'fr', term: 'son', synonyms: ['audio'] },
  { locale: 'fr', term: 'présentation', synonyms: ["partage d'écran"] },
  { locale: 'fr', term: 'programmer', synonyms: ['planifier'] },
  { locale: 'fr', term: 'reçu', synonyms: ['facture'] },
  { locale: 'fr', term: 'double authentification', synonyms: ['authentification à deux facteurs'] },
  { locale: 'fr', term: 'enregistrer', synonyms: ['record', 'recording'] },
  { locale: 'fr', term: 'support', synonyms: ['assistance'] },
  { locale: 'ru', term: 'встреча', synonyms: ['конференция'] },
  { locale: 'ru', term: 'созвон', synonyms: ['конференция'] },
  { locale: 'ru', term: 'звонок', synonyms: ['конференция'] },
  { locale: 'ru', term: 'аккаунт', synonyms: ['учетная запись'] },
  { locale: 'ru', term: 'вебка', synonyms: ['камера'] },
  { locale: 'ru', term: 'веб-камера', synonyms: ['камера'] },
  { locale: 'ru', term: 'микро', synonyms: ['микрофон'] },
  { locale: 'ru', term: 'презентация', synonyms: ['демонстрация экрана'] },
  { locale: 'ru', term: 'техподдержка', synonyms: ['служба поддержки'] },
  { locale: 'ru', term: 'обращение', synonyms: ['запрос'] },
  { locale: 'ru', term: 'подписка', synonyms: ['тариф'] },
  { locale: 'ru', term: 'счет', synonyms: ['оплата'] },
];

/**
 * Rules the starter list gained after readers' queries were read (migration 1765400000000 adds
 * them where an editor has no rule for the same term yet): everyday words for the product's
 * terms, one direction each, and for French and Russian readers the English terms of the
 * articles they are served in English. Word equivalences only, never a query for an article.
 */
export const ADDED_STARTER_SYNONYMS: readonly SynonymRule[] = [
  { locale: 'en', term: 'save', synonyms: ['record'] },
  { locale: 'en', term: 'capture', synonyms: ['record'] },
  { locale: 'en', term: 'invite', synonyms: ['add'] },
  { locale: 'en', term: 'employee', synonyms: ['user'] },
  { locale: 'en', term: 'colleague', synonyms: ['user'] },
  { locale: 'en', term: 'coworker', synonyms: ['user'] },
  { locale: 'en', term: 'staff', synonyms: ['user'] },
  { locale: 'en', term: 'meeting number', synonyms: ['meeting id'] },
  { locale: 'en', term: 'invalid', synonyms: ['not valid'] },
  { locale: 'en', term: 'silence', synonyms: ['mute'] },
  { locale: 'en', term: 'alert', synonyms: ['notification'] },
  { locale: 'en', term: 'speed', synonyms: ['bandwidth'] },
  { locale: 'en', term: 'hear', synonyms: ['audio', 'sound'] },
  { locale: 'fr', term: 'inviter', synonyms: ['ajouter', 'add'] },
  { locale: 'fr', term: 'collègue', synonyms: ['utilisateur', 'user'] },
  { locale: 'fr', term: 'diviser', synonyms: ['répartir', 'split'] },
  { locale: 'fr', term: 'équipe', synonyms: ['groupe'] },
  { locale: 'fr', term: 'réunion', synonyms: ['meeting'] },
  { locale: 'fr', term: 'mot de passe', synonyms: ['password'] },
  { locale: 'fr', term: 'compte', synonyms: ['account'] },
  { locale: 'fr', term: 'utilisateur', synonyms: ['user'] },
  { locale: 'fr', term: 'écran', synonyms: ['screen'] },
  { locale: 'fr', term: 'enregistrement', synonyms: ['recording'] },
  { locale: 'ru', term: 'пароль', synonyms: ['password'] },
  { locale: 'ru', term: 'собеседник', synonyms: ['участник'] },
  { locale: 'ru', term: 'слышать', synonyms: ['звук'] },
  { locale: 'ru', term: 'войти', synonyms: ['вход'] },
  { locale: 'ru', term: 'номер конференции', synonyms: ['идентификатор конференции'] },
];

/**
 * Adds starter rules for a migration where editors have no rule for the same term of the locale
 * yet: a rule an editor wrote or changed is left as it is (INSERT IGNORE on the (locale, term_key)
 * key).
 */
export async function insertStarterRules(queryRunner: QueryRunner, rules: readonly SynonymRule[]): Promise<void> {
  const now = new Date();
  for (const rule of rules) {
    await queryRunner.query(
      'INSERT IGNORE INTO kb_search_synonym (id, locale, term, term_key, synonyms, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      [uuidv7(), rule.locale, rule.term, synonymKey(rule.term, rule.locale), JSON.stringify(rule.synonyms), now, now],
    );
  }
}

/** Takes back what insertStarterRules added: only rules still exactly as it wrote them. */
export async function deleteStarterRules(queryRunner: QueryRunner, rules: readonly SynonymRule[]): Promise<void> {
  for (const rule of rules) {
    await queryRunner.query('DELETE FROM kb_search_synonym WHERE locale = ? AND term_key = ? AND synonyms = ?', [
      rule.locale,
      synonymKey(rule.term, rule.locale),
      JSON.stringify(rule.synonyms),
    ]);
  }
}

/**
 * A migration that adds a list of starter rules (insertStarterRules) and whose `down` takes back
 * those still exactly as it wrote them: `name` is the migration's, with its timestamp.
 */
export function starterRulesMigration(name: string, rules: readonly SynonymRule[]): new () => MigrationInterface {
  return class implements MigrationInterface {
    name = name;

    async up(queryRunner: QueryRunner): Promise<void> {
      await insertStarterRules(queryRunner, rules);
    }

    async down(queryRunner: QueryRunner): Promise<void> {
      await deleteStarterRules(queryRunner, rules);
    }
  };
}

/**
 * Appends `additions` (each naming an older rule by locale and term) to the synonyms of those
 * rules, where the rule is still exactly as `older` has it (an editor's change wins); `undo` takes
 * back only what is still exactly as this wrote it.
 */
export async function extendStarterRules(
  queryRunner: QueryRunner,
  older: readonly SynonymRule[],
  additions: readonly SynonymRule[],
  undo = false,
): Promise<void> {
  const now = new Date();
  for (const addition of additions) {
    const rule = older.find((r) => r.locale === addition.locale && r.term === addition.term);
    if (!rule) throw new Error(`no starter rule "${addition.term}" (${addition.locale}) to extend`);
    const before = JSON.stringify(rule.synonyms);
    const after = JSON.stringify([...rule.synonyms, ...addition.synonyms]);
    await queryRunner.query(
      'UPDATE kb_search_synonym SET synonyms = ?, updated_at = ? WHERE locale = ? AND term_key = ? AND synonyms = ?',
      [undo ? before : after, now, rule.locale, synonymKey(rule.term, rule.locale), undo ? after : before],
    );
  }
}
