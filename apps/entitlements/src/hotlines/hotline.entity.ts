import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The hotline directory as a whole: replaced in one piece, versioned so edits cannot cross. */
@Entity('hotline_directory')
export class HotlineDirectoryRecord {
  @PrimaryColumn({ type: 'tinyint' }) id: number;
  @Column({ type: 'int' }) version: number;
  @Column({ name: 'updated_at', type: 'datetime', precision: 3 }) updatedAt: Date;
  @Column({ name: 'updated_by', type: 'varchar', length: 128 }) updatedBy: string;
}

@Entity('hotline')
export class HotlineRecord {
  /** The order in which the directory lists its lines. */
  @PrimaryColumn({ type: 'int' }) position: number;
  @Column({ type: 'char', length: 2 }) country: string;
  @Column({ name: 'country_name', type: 'varchar', length: 100 }) countryName: string;
  @Column({ type: 'varchar', length: 32, unique: true }) number: string;
  @Column({ type: 'varchar', length: 6 }) extension: string;
  @Column({ type: 'varchar', length: 16 }) language: string;
  @Column({ name: 'toll_free', type: 'boolean' }) tollFree: boolean;
}
