import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** An event waiting to be published: written in the same transaction as the change it reports. */
@Entity('outbox_message')
@Index('idx_outbox_unpublished', ['publishedAt', 'id'])
export class OutboxMessage {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'event_id', type: 'varchar', length: 64, unique: true })
  eventId: string;

  @Column({ type: 'varchar', length: 255 })
  topic: string;

  @Column({ name: 'message_key', type: 'varchar', length: 255 })
  messageKey: string;

  @Column({ type: 'varchar', length: 255 })
  type: string;

  @Column({ name: 'correlation_id', type: 'varchar', length: 128 })
  correlationId: string;

  /** the CloudEvents JSON, exactly as it goes on the wire */
  @Column({ type: 'longtext' })
  payload: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'published_at', type: 'datetime', precision: 3, nullable: true })
  publishedAt: Date | null;

  /** W3C trace context of the write, sent as the message's traceparent/tracestate headers */
  @Column({ type: 'varchar', length: 55, nullable: true })
  traceparent: string | null;

  @Column({ type: 'varchar', length: 512, nullable: true })
  tracestate: string | null;
}
