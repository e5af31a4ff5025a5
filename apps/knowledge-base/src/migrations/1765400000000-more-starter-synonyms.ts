import { ADDED_STARTER_SYNONYMS, starterRulesMigration } from '../search/synonyms';

/**
 * Adds the rules of ADDED_STARTER_SYNONYMS (issue 12: everyday words readers type for the
 * product's terms) where editors have no rule for the same term of the locale yet: a rule an
 * editor wrote or changed is left as it is (INSERT IGNORE on the (locale, term_key) key).
 */
export const MoreStarterSynonyms1765400000000 = starterRulesMigration('MoreStarterSynonyms1765400000000', ADDED_STARTER_SYNONYMS);
