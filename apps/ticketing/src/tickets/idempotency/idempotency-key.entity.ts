import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A caller's (account and user) Idempotency-Key and the ticket its first request filed. The primary key makes a
 * concurrent duplicate wait for the first request's transaction and then fail, so two requests
 * with one key can never both file a ticket.
 */
@Entity('idempotency_key')
export class IdempotencyKey {
  /** the customer account the caller acts for ('' for staff): a customer is (account, user) */
  @PrimaryColumn({ name: 'caller_account_id', type: 'varchar', length: 64 }) callerAccountId: string;
  @PrimaryColumn({ name: 'caller_id', type: 'varchar', length: 128 }) callerId: string;
  @PrimaryColumn({ name: 'idempotency_key', type: 'varchar', length: 255 }) key: string;
  /** SHA-256 of the normalised request body: the same key with another body is refused */
  @Column({ name: 'request_hash', type: 'char', length: 64 }) requestHash: string;
  @Column({ name: 'ticket_id', type: 'char', length: 36 }) ticketId: string;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt: Date;
}
