import { GLOSSARY_ADDITIONS } from '../search/starter-glossary';
import { starterRulesMigration } from '../search/synonyms';

/**
 * Adds GLOSSARY_ADDITIONS (everyday words development rounds of reader queries found no article
 * for) where editors have no rule for the same term of the locale yet (INSERT IGNORE on the
 * (locale, term_key) key: an editor's rule stays as it is).
 */
export const GlossaryAdditions1765700000000 = starterRulesMigration('GlossaryAdditions1765700000000', GLOSSARY_ADDITIONS);
