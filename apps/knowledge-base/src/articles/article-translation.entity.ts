import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * An article's text in one locale. The English row is the source; `updatedAt` of a translation
 * older than the English row's marks it outdated. Search reads its own index
 * (search/search-index.ts), which every write through ArticleAuthoringService keeps in step.
 */
@Entity('kb_article_translation')
export class ArticleTranslation {
  @PrimaryColumn({ name: 'article_id', type: 'char', length: 36 }) articleId: string;
  @PrimaryColumn({ type: 'varchar', length: 8 }) locale: string;
  @Column({ type: 'varchar', length: 200 }) title: string;
  /** sanitised Markdown */
  @Column({ type: 'mediumtext' }) body: string;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt: Date;
  @Column({ name: 'updated_at', type: 'datetime', precision: 3 }) updatedAt: Date;
}
