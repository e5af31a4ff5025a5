import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One signed-in reader's "was this helpful?" answer for an article; a new vote replaces it. */
@Entity('kb_article_vote')
export class ArticleVote {
  @PrimaryColumn({ name: 'article_id', type: 'char', length: 36 }) articleId: string;
  /** the voter's customer account ('' for staff): a reader is (account, user) */
  @PrimaryColumn({ name: 'voter_account_id', type: 'varchar', length: 64 }) voterAccountId: string;
  @PrimaryColumn({ name: 'user_id', type: 'varchar', length: 128 }) userId: string;
  @Column({ type: 'boolean' }) helpful: boolean;
  @Column({ type: 'varchar', length: 8 }) locale: string;
  @Column({ name: 'voted_at', type: 'datetime', precision: 3 }) votedAt: Date;
}
