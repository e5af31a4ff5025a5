import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * An article's text in one locale. The English row is the source; `updatedAt` of a translation
 * older than the English row's marks it outdated. `searchTitle` and `searchBody` are the words a
 * reader sees (Markdown and markup removed), with the error codes in the title, one space apart
 * and padded with spaces so that a LIKE '% word%' finds a word start for tokens too short for
 * the FULLTEXT index.
 */
@Entity('kb_article_translation')
export class ArticleTranslation {
  @PrimaryColumn({ name: 'article_id', type: 'char', length: 36 }) articleId: string;
  @PrimaryColumn({ type: 'varchar', length: 8 }) locale: string;
  @Column({ type: 'varchar', length: 200 }) title: string;
  /** sanitised Markdown */
  @Column({ type: 'mediumtext' }) body: string;
  @Column({ name: 'search_title', type: 'text', select: false }) searchTitle: string;
  @Column({ name: 'search_body', type: 'mediumtext', select: false }) searchBody: string;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt: Date;
  @Column({ name: 'updated_at', type: 'datetime', precision: 3 }) updatedAt: Date;
}
