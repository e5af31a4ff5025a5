import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A support topic of the help center ("Audio and video"); its text lives in translations. */
@Entity('kb_category')
export class Category {
  @PrimaryColumn({ type: 'char', length: 36 }) id: string;
  @Column({ type: 'varchar', length: 100, unique: true }) slug: string;
  @Column({ type: 'int' }) position: number;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt: Date;
  @Column({ name: 'updated_at', type: 'datetime', precision: 3 }) updatedAt: Date;
}

@Entity('kb_category_translation')
export class CategoryTranslation {
  @PrimaryColumn({ name: 'category_id', type: 'char', length: 36 }) categoryId: string;
  @PrimaryColumn({ type: 'varchar', length: 8 }) locale: string;
  @Column({ type: 'varchar', length: 200 }) title: string;
  @Column({ type: 'text' }) description: string;
  @Column({ name: 'updated_at', type: 'datetime', precision: 3 }) updatedAt: Date;
}
