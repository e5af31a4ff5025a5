import type { SynonymRule } from '@support/domain-knowledge';
import { ADDITIONS_TO_OLDER_STARTER_RULES, GLOSSARY_ADDITIONS, GLOSSARY_STARTER_SYNONYMS } from './starter-glossary';
import { ADDED_STARTER_SYNONYMS, STARTER_SYNONYMS, synonymKey, synonymProblems } from './synonyms';

const LISTS: ReadonlyArray<[string, readonly SynonymRule[]]> = [
  ['STARTER_SYNONYMS', STARTER_SYNONYMS],
  ['ADDED_STARTER_SYNONYMS', ADDED_STARTER_SYNONYMS],
  ['GLOSSARY_STARTER_SYNONYMS', GLOSSARY_STARTER_SYNONYMS],
  ['GLOSSARY_ADDITIONS', GLOSSARY_ADDITIONS],
];
const ALL_RULES = LISTS.flatMap(([list, rules]) => rules.map((rule) => ({ list, rule })));

/**
 * Pairs the two older lists already had before the glossary: with today's analysis (migration
 * 1765500000000) "enregistrer" and "enregistrement" have the same stems. Both rules stay as their
 * migrations wrote them (the database keeps the older key for one of them); nothing else may share.
 */
const KNOWN_SHARED_KEYS: ReadonlyArray<[string, string[]]> = [
  ['fr enregistr', ['STARTER_SYNONYMS: enregistrer', 'ADDED_STARTER_SYNONYMS: enregistrement']],
];

describe('starter glossary', () => {
  it('holds only rules an editor could save: every rule of the starter lists passes synonymProblems', () => {
    const rejected = ALL_RULES.map(({ list, rule }) => ({ list, rule, problems: synonymProblems(rule) })).filter(
      (r) => r.problems.length > 0,
    );
    expect(rejected).toEqual([]);
  });

  it('never gives a term two rules: beyond the one pair the older lists had, no two rules share a locale and a term key', () => {
    const owners = new Map<string, string[]>();
    for (const { list, rule } of ALL_RULES) {
      const key = `${rule.locale} ${synonymKey(rule.term, rule.locale)}`;
      owners.set(key, [...(owners.get(key) ?? []), `${list}: ${rule.term}`]);
    }
    const shared = [...owners.entries()].filter(([, terms]) => terms.length > 1);
    expect(shared).toEqual(KNOWN_SHARED_KEYS);
  });

  it.each(['en', 'fr', 'ru'])('has at least 50 rules for %s', (locale) => {
    expect(GLOSSARY_STARTER_SYNONYMS.filter((rule) => rule.locale === locale).length).toBeGreaterThanOrEqual(50);
  });

  it('adds terms only to older starter rules, which stay rules an editor could save', () => {
    const older = [...STARTER_SYNONYMS, ...ADDED_STARTER_SYNONYMS];
    const extended = ADDITIONS_TO_OLDER_STARTER_RULES.map((addition) => {
      const rule = older.find((r) => r.locale === addition.locale && r.term === addition.term);
      return { addition, rule, problems: rule ? synonymProblems({ ...rule, synonyms: [...rule.synonyms, ...addition.synonyms] }) : [] };
    });
    expect(extended.filter((e) => !e.rule || e.problems.length > 0)).toEqual([]);
  });
});
