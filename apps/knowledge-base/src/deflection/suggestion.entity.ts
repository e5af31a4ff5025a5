import { Column, Entity, PrimaryColumn } from 'typeorm';

export const SUGGESTION_CHANNELS = ['ticket', 'typed'] as const;
/** ticket: offered for a filed ticket; typed: offered while a requester types a question */
export type SuggestionChannel = (typeof SUGGESTION_CHANNELS)[number];

/** A set of articles shown to a requester, and the one they marked as answering their question. */
@Entity('kb_suggestion')
export class Suggestion {
  @PrimaryColumn({ type: 'char', length: 36 }) id: string;
  @Column({ type: 'varchar', length: 16 }) channel: SuggestionChannel;
  @Column({ name: 'ticket_id', type: 'varchar', length: 64, nullable: true, unique: true }) ticketId: string | null;
  /** who may mark the answer; null for an anonymous reader of the help center */
  @Column({ name: 'requester_id', type: 'varchar', length: 128, nullable: true }) requesterId: string | null;
  /** the requester's customer account (null for staff and anonymous readers): a requester is (account, user) */
  @Column({ name: 'requester_account_id', type: 'varchar', length: 64, nullable: true }) requesterAccountId: string | null;
  @Column({ type: 'varchar', length: 8 }) locale: string;
  @Column({ name: 'search_terms', type: 'varchar', length: 500 }) searchTerms: string;
  /** the articles shown, best first (possibly none); stored with the set, never changed after */
  @Column({ type: 'json' }) articles: SuggestionItem[];
  @Column({ name: 'answered_article_id', type: 'char', length: 36, nullable: true }) answeredArticleId: string | null;
  @Column({ name: 'answered_at', type: 'datetime', precision: 3, nullable: true }) answeredAt: Date | null;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt: Date;
}

/**
 * One article of a shown set, as `kb_suggestion.articles` stores it (its rank is its place in the
 * list). One JSON list on the set's row, not a row per article: a ticket's set is written once, with
 * the set, and read whole; the help-center statistics unpack the lists with `JSON_TABLE`.
 */
export interface SuggestionItem {
  articleId: string;
  /** the locale the article was shown in */
  servedLocale: string;
  score: number;
}
