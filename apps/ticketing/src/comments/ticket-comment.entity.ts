import type { CallerRole } from '@support/platform';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A reply on a ticket. Internal notes (public = false) are written by staff and never shown to requesters. */
@Entity('ticket_comment')
@Index('idx_comment_ticket', ['ticketId', 'id'])
export class TicketComment {
  /** UUIDv7, so the conversation reads in order of its ids */
  @PrimaryColumn({ type: 'char', length: 36 }) id: string;
  @Column({ name: 'ticket_id', type: 'char', length: 36 }) ticketId: string;
  @Column({ name: 'author_id', type: 'varchar', length: 128 }) authorId: string;
  @Column({ name: 'author_role', type: 'varchar', length: 16 }) authorRole: CallerRole;
  @Column({ name: 'is_public', type: 'boolean' }) isPublic: boolean;
  @Column({ type: 'mediumtext' }) body: string;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt: Date;
}
