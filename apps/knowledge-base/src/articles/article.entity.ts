import type { ArticleKind, Audience } from '@support/domain-knowledge';
import { Column, Entity, PrimaryColumn } from 'typeorm';

export const ARTICLE_STATUSES = ['draft', 'published'] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

/** What an article is, independent of language; its text lives in ArticleTranslation rows. */
@Entity('kb_article')
export class Article {
  @PrimaryColumn({ type: 'char', length: 36 }) id: string;
  @Column({ type: 'varchar', length: 120, unique: true }) slug: string;
  @Column({ name: 'section_id', type: 'char', length: 36 }) sectionId: string;
  @Column({ type: 'varchar', length: 20 }) kind: ArticleKind;
  @Column({ type: 'varchar', length: 24 }) audience: Audience;
  @Column({ name: 'video_url', type: 'varchar', length: 2048, nullable: true }) videoUrl: string | null;
  @Column({ name: 'error_codes', type: 'json' }) errorCodes: string[];
  /** YYYY-MM-DD, release notes only */
  @Column({ name: 'released_on', type: 'date', nullable: true }) releasedOn: string | null;
  @Column({ type: 'varchar', length: 16 }) status: ArticleStatus;
  /** content revision: every change to the article or one of its translations adds one */
  @Column({ type: 'int' }) version: number;
  @Column({ name: 'published_at', type: 'datetime', precision: 3, nullable: true }) publishedAt: Date | null;
  @Column({ name: 'helpful_votes', type: 'int', default: 0 }) helpfulVotes: number;
  @Column({ name: 'not_helpful_votes', type: 'int', default: 0 }) notHelpfulVotes: number;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt: Date;
  @Column({ name: 'updated_at', type: 'datetime', precision: 3 }) updatedAt: Date;
}
