import type { ServiceManifest } from '@support/nest-bootstrap';
import { KNOWLEDGE_BASE_ENTITIES } from './entities';
import { KnowledgeBaseEnvironment } from './environment';
import { CreateKnowledgeBase1763800000400 } from './migrations/1763800000400-create-knowledge-base';
import { SearchIndex1763800000500 } from './migrations/1763800000500-search-index';
import { CustomerAccountScope1763800000550 } from './migrations/1763800000550-customer-account-scope';
import { LanguageAwareSearch1763800000600 } from './migrations/1763800000600-language-aware-search';
import { MoreStarterSynonyms1765400000000 } from './migrations/1765400000000-more-starter-synonyms';
import { SearchScopeInIndex1765400000100 } from './migrations/1765400000100-search-scope-in-index';
import { RefinedSearchAnalysis1765500000000 } from './migrations/1765500000000-refined-search-analysis';
import { StarterGlossary1765600000000 } from './migrations/1765600000000-starter-glossary';
import { GlossaryAdditions1765700000000 } from './migrations/1765700000000-glossary-additions';
import { SuggestionArticlesOnSet1765800000000 } from './migrations/1765800000000-suggestion-articles-on-set';

/** What the launcher, the migrations job and the tests need to know about this service. */
export const KNOWLEDGE_BASE_SERVICE: ServiceManifest<KnowledgeBaseEnvironment> = {
  name: 'knowledge-base',
  database: 'kb',
  portVariable: 'KB_PORT',
  Environment: KnowledgeBaseEnvironment,
  port: (env: KnowledgeBaseEnvironment) => env.KB_PORT,
  entities: KNOWLEDGE_BASE_ENTITIES,
  migrations: [
    CreateKnowledgeBase1763800000400,
    SearchIndex1763800000500,
    CustomerAccountScope1763800000550,
    LanguageAwareSearch1763800000600,
    MoreStarterSynonyms1765400000000,
    SearchScopeInIndex1765400000100,
    RefinedSearchAnalysis1765500000000,
    StarterGlossary1765600000000,
    GlossaryAdditions1765700000000,
    SuggestionArticlesOnSet1765800000000,
  ],
  consumes: true,
};
