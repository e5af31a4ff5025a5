import { Column, Entity, PrimaryColumn } from 'typeorm';

/** How often one consumed message has failed in a handler (see ConsumerFailures). */
@Entity('consumer_failure')
export class ConsumerFailure {
  @PrimaryColumn({ type: 'varchar', length: 100 })
  consumer: string;

  @PrimaryColumn({ type: 'varchar', length: 255 })
  topic: string;

  @PrimaryColumn({ name: 'topic_partition', type: 'int' })
  partition: number;

  @PrimaryColumn({ name: 'message_offset', type: 'bigint' })
  offset: string;

  @Column({ type: 'int' })
  attempts: number;

  @Column({ name: 'last_error', type: 'text' })
  lastError: string;

  @Column({ name: 'failed_at', type: 'datetime', precision: 3 })
  failedAt: Date;
}
