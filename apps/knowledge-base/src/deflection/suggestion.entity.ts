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
  @Column({ name: 'answered_article_id', type: 'char', length: 36, nullable: true }) answeredArticleId: string | null;
  @Column({ name: 'answered_at', type: 'datetime', precision: 3, nullable: true }) answeredAt: Date | null;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt: Date;
}

@Entity('kb_suggestion_item')
export class SuggestionItem {
  @PrimaryColumn({ name: 'suggestion_id', type: 'char', length: 36 }) suggestionId: string;
  @PrimaryColumn({ type: 'tinyint', unsigned: true }) position: number;
  @Column({ name: 'article_id', type: 'char', length: 36 }) articleId: string;
  @Column({ name: 'served_locale', type: 'varchar', length: 8 }) servedLocale: string;
  @Column({ type: 'double' }) score: number;
}
