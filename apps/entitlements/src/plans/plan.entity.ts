import type { PlanCode, PlanDefinition } from '@support/domain-entitlements';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The current definition of a plan; every version is also kept in plan_version. */
@Entity('plan')
export class PlanRecord {
  @PrimaryColumn({ type: 'varchar', length: 16 }) code: PlanCode;
  @Column({ type: 'int' }) version: number;
  @Column({ type: 'json' }) definition: PlanDefinition;
  @Column({ name: 'updated_at', type: 'datetime', precision: 3 }) updatedAt: Date;
}

@Entity('plan_version')
export class PlanVersionRecord {
  @PrimaryColumn({ type: 'varchar', length: 16 }) code: PlanCode;
  @PrimaryColumn({ type: 'int' }) version: number;
  @Column({ type: 'json' }) definition: PlanDefinition;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt: Date;
  @Column({ name: 'created_by', type: 'varchar', length: 128 }) createdBy: string;
}
