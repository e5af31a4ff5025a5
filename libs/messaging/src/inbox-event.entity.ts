import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A consumed event's id, recorded in the same transaction as its effect (idempotent inbox). */
@Entity('inbox_event')
export class InboxEvent {
  @PrimaryColumn({ type: 'varchar', length: 100 })
  consumer: string;

  @PrimaryColumn({ name: 'event_id', type: 'varchar', length: 64 })
  eventId: string;

  @Column({ type: 'varchar', length: 255 })
  type: string;

  @Column({ type: 'varchar', length: 255 })
  topic: string;

  @Column({ name: 'processed_at', type: 'datetime', precision: 3 })
  processedAt: Date;
}
