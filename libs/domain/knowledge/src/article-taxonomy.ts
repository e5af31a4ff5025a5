/** What an article is for; the help center lists and filters by these. */
export const ARTICLE_KINDS = ['quick_start', 'faq', 'tutorial', 'troubleshooting', 'release_note'] as const;
export type ArticleKind = (typeof ARTICLE_KINDS)[number];

/**
 * Who an article is written for. FAQs in particular are split between the people who run an
 * account (owners and administrators) and the people who use it or join meetings.
 */
export const AUDIENCES = ['everyone', 'owners_admins', 'users_participants'] as const;
export type Audience = (typeof AUDIENCES)[number];

/** Size of the curated "top resources" list on the help center's front page. */
export const TOP_RESOURCES_SIZE = 20;

/** Product error codes are 3 to 6 digits ("5003", "104101"); readers search for them verbatim. */
export const ERROR_CODE_PATTERN = /^[0-9]{3,6}$/;

export function isArticleKind(value: unknown): value is ArticleKind {
  return typeof value === 'string' && (ARTICLE_KINDS as readonly string[]).includes(value);
}

export function isAudience(value: unknown): value is Audience {
  return typeof value === 'string' && (AUDIENCES as readonly string[]).includes(value);
}
