import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A file on a ticket: its metadata here, its bytes in the attachment store under their SHA-256. */
@Entity('ticket_attachment')
@Index('idx_attachment_ticket', ['ticketId', 'id'])
export class TicketAttachment {
  @PrimaryColumn({ type: 'char', length: 36 }) id: string;
  @Column({ name: 'ticket_id', type: 'char', length: 36 }) ticketId: string;
  @Column({ type: 'char', length: 64 }) sha256: string;
  @Column({ type: 'varchar', length: 255 }) filename: string;
  /** what the bytes are, as sniffed on upload: the only type the download is served with */
  @Column({ name: 'content_type', type: 'varchar', length: 127 }) contentType: string;
  /** what the client said it was, kept for support staff looking into a refused or odd upload */
  @Column({ name: 'declared_content_type', type: 'varchar', length: 127, nullable: true }) declaredContentType: string | null;
  @Column({ name: 'size_bytes', type: 'int', unsigned: true }) sizeBytes: number;
  @Column({ name: 'uploaded_by', type: 'varchar', length: 128 }) uploadedBy: string;
  @Column({ name: 'uploaded_at', type: 'datetime', precision: 3 }) uploadedAt: Date;
}
