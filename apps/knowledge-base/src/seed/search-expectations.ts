import type { SeedSearchExpectation } from '@support/domain-knowledge';

/**
 * Searches the seeded help center must answer with a given article first. Each reader searches
 * the text they are served: the translation in their locale where one exists, English otherwise.
 * Every expected article carries all query words in its title and no other served title does,
 * so any keyword ranking that weighs titles above bodies puts it first.
 */
export const SEED_SEARCH_EXPECTATIONS: readonly SeedSearchExpectation[] = [
  { query: 'echo', locale: 'en', expectedFirstSlug: 'fix-audio-echo' },
  { query: 'error 5003', locale: 'en', expectedFirstSlug: 'error-5003-cannot-connect' },
  { query: 'waiting room', locale: 'en', expectedFirstSlug: 'use-the-waiting-room' },
  { query: 'hotline', locale: 'en', expectedFirstSlug: 'contact-support' },
  { query: 'camera not detected', locale: 'en', expectedFirstSlug: 'camera-not-detected' },
  { query: '104101', locale: 'en', expectedFirstSlug: 'error-104101-connection-lost' },
  { query: 'virtual background', locale: 'en', expectedFirstSlug: 'virtual-background' },
  { query: 'transfer ownership', locale: 'en', expectedFirstSlug: 'transfer-account-ownership' },
  { query: 'error 1132', locale: 'en', expectedFirstSlug: 'error-1132-account-cannot-join' },
  { query: 'priority response times', locale: 'en', expectedFirstSlug: 'support-priority-levels' },
  { query: 'salle d’attente', locale: 'fr', expectedFirstSlug: 'use-the-waiting-room' },
  { query: 'arrière-plan virtuel', locale: 'fr', expectedFirstSlug: 'virtual-background' },
  { query: 'эхо', locale: 'ru', expectedFirstSlug: 'fix-audio-echo' },
  { query: 'горячие линии', locale: 'ru', expectedFirstSlug: 'contact-support' },
  { query: 'уровни приоритета', locale: 'ru', expectedFirstSlug: 'support-priority-levels' },
  // English queries from readers whose locale has no translation of the article.
  { query: 'breakout rooms', locale: 'ru', expectedFirstSlug: 'breakout-rooms' },
  { query: 'single sign-on', locale: 'fr', expectedFirstSlug: 'set-up-single-sign-on' },
  { query: 'usage reports', locale: 'de', expectedFirstSlug: 'usage-reports' },
];
