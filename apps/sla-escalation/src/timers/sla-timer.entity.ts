import type { SlaTimer } from '@support/domain-sla';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * The next pending warning, breach or escalation of one clock (`owedTimers`: at most one row per
 * clock), replaced in the transaction of every change of that clock. The scheduler claims due
 * rows and fires whatever the clock has due by then.
 */
@Entity('sla_timer')
@Index('uq_timer_clock_kind_level', ['clockId', 'kind', 'level'], { unique: true })
@Index('idx_timer_due', ['dueAt', 'id'])
export class SlaTimerRecord {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id: string;
  @Column({ name: 'clock_id', type: 'char', length: 36 }) clockId: string;
  @Column({ name: 'ticket_id', type: 'varchar', length: 64 }) ticketId: string;
  @Column({ type: 'varchar', length: 16 }) kind: SlaTimer['kind'];
  /** the escalation level; 0 for warnings and breaches */
  @Column({ type: 'int' }) level: number;
  @Column({ name: 'due_at', type: 'datetime', precision: 3 }) dueAt: Date;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt: Date;
}
