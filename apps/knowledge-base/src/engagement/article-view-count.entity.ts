import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Reads of one article per day, by the locale the reader asked for and the one they were served;
 * rows where the two differ are the demand for a missing translation.
 */
@Entity('kb_article_view_count')
export class ArticleViewCount {
  @PrimaryColumn({ name: 'article_id', type: 'char', length: 36 }) articleId: string;
  @PrimaryColumn({ type: 'date' }) day: string;
  @PrimaryColumn({ name: 'requested_locale', type: 'varchar', length: 8 }) requestedLocale: string;
  @PrimaryColumn({ name: 'served_locale', type: 'varchar', length: 8 }) servedLocale: string;
  @Column({ type: 'int', unsigned: true }) views: number;
}
