import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One place on a locale's curated front-page list. */
@Entity('kb_top_resource')
export class TopResource {
  @PrimaryColumn({ type: 'varchar', length: 8 }) locale: string;
  @PrimaryColumn({ type: 'tinyint', unsigned: true }) position: number;
  @Column({ name: 'article_id', type: 'char', length: 36 }) articleId: string;
  @Column({ name: 'updated_at', type: 'datetime', precision: 3 }) updatedAt: Date;
}
