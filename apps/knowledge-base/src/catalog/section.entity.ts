import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A group of articles inside a category ("Screen sharing" in "Audio and video"). */
@Entity('kb_section')
export class Section {
  @PrimaryColumn({ type: 'char', length: 36 }) id: string;
  @Column({ name: 'category_id', type: 'char', length: 36 }) categoryId: string;
  @Column({ type: 'varchar', length: 100 }) slug: string;
  @Column({ type: 'int' }) position: number;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt: Date;
  @Column({ name: 'updated_at', type: 'datetime', precision: 3 }) updatedAt: Date;
}

@Entity('kb_section_translation')
export class SectionTranslation {
  @PrimaryColumn({ name: 'section_id', type: 'char', length: 36 }) sectionId: string;
  @PrimaryColumn({ type: 'varchar', length: 8 }) locale: string;
  @Column({ type: 'varchar', length: 200 }) title: string;
  @Column({ name: 'updated_at', type: 'datetime', precision: 3 }) updatedAt: Date;
}
