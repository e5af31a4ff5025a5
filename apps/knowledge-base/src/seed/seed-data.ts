import type { SeedArticle } from '@support/domain-knowledge';
import { ACCOUNT_ADMINISTRATION_ARTICLES } from './articles/account-administration';
import { AUDIO_VIDEO_ARTICLES } from './articles/audio-video';
import { BILLING_PLANS_ARTICLES } from './articles/billing-plans';
import { GETTING_STARTED_ARTICLES } from './articles/getting-started';
import { MEETINGS_WEBINARS_ARTICLES } from './articles/meetings-webinars';
import { MESSAGING_CHAT_ARTICLES } from './articles/messaging-chat';
import { TROUBLESHOOTING_ERRORS_ARTICLES } from './articles/troubleshooting-errors';
import { WHATS_NEW_ARTICLES } from './articles/whats-new';

export type { SeedArticle, SeedCategory, SeedSearchExpectation, SeedSection, SeedTranslation } from '@support/domain-knowledge';
export { SEED_CATEGORIES } from './categories';
export { SEED_SEARCH_EXPECTATIONS } from './search-expectations';

/**
 * The help center's starting content. Every article is written in English; about a third have
 * Russian or French translations (different sets), so readers of those locales see both their
 * own language and the English fallback.
 */
export const SEED_ARTICLES: readonly SeedArticle[] = [
  ...GETTING_STARTED_ARTICLES,
  ...MEETINGS_WEBINARS_ARTICLES,
  ...MESSAGING_CHAT_ARTICLES,
  ...AUDIO_VIDEO_ARTICLES,
  ...ACCOUNT_ADMINISTRATION_ARTICLES,
  ...BILLING_PLANS_ARTICLES,
  ...TROUBLESHOOTING_ERRORS_ARTICLES,
  ...WHATS_NEW_ARTICLES,
];
