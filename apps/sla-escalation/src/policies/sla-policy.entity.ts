import type { SlaPolicy } from '@support/domain-sla';
import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('sla_policy')
export class SlaPolicyRecord {
  @PrimaryColumn({ type: 'varchar', length: 64 }) id: string;
  @Column({ type: 'int' }) version: number;
  @Column({ type: 'json' }) definition: SlaPolicy;
  @Column({ name: 'updated_at', type: 'datetime', precision: 3 }) updatedAt: Date;
}
