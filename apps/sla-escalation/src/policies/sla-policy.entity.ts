import type { SlaPolicy } from '@support/domain-sla';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The version of a policy in force for new clocks. */
@Entity('sla_policy')
export class SlaPolicyRecord {
  @PrimaryColumn({ type: 'varchar', length: 64 }) id: string;
  @Column({ type: 'int' }) version: number;
  @Column({ type: 'json' }) definition: SlaPolicy;
  @Column({ name: 'updated_at', type: 'datetime', precision: 3 }) updatedAt: Date;
  @Column({ name: 'updated_by', type: 'varchar', length: 64 }) updatedBy: string;
}

/** Every version a policy has had; clocks point at the one they started under. */
@Entity('sla_policy_version')
export class SlaPolicyVersionRecord {
  @PrimaryColumn({ name: 'policy_id', type: 'varchar', length: 64 }) policyId: string;
  @PrimaryColumn({ type: 'int' }) version: number;
  @Column({ type: 'json' }) definition: SlaPolicy;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt: Date;
  @Column({ name: 'created_by', type: 'varchar', length: 64 }) createdBy: string;
}
