import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Principal } from '@support/platform';
import type { Readable } from 'node:stream';
import { storedInstant } from '@support/persistence';
import type { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import type { AttachmentResponse, PagePart, TicketFiles } from '../tickets/ticket-page-parts';
import { assertTakesWork } from '../tickets/tickets.errors';
import { assertStorableCaller } from '../tickets/storable-caller';
import { TicketsService } from '../tickets/tickets.service';
import { attachmentView } from './attachment.view';
import { attachmentLimitReached, attachmentNotFound, uploadRefused } from './attachments.errors';
import { AttachmentStore } from './storage/attachment-store';
import { TicketAttachment } from './ticket-attachment.entity';
import { inspectUpload, MAX_ATTACHMENTS_PER_TICKET, UploadRefused } from './upload-inspection';

export interface ReceivedFile {
  buffer: Buffer;
  originalname: string;
  mimetype: string;
}

@Injectable()
export class AttachmentsService implements TicketFiles {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tickets: TicketsService,
    private readonly store: AttachmentStore,
  ) {}

  /**
   * Adds a file to a ticket the uploader may see. The bytes are stored before the metadata row
   * (content-addressed, so a file whose row never commits is only an orphan copy, never a
   * wrong one); the count is checked again under the ticket's lock so that ten is a hard limit.
   */
  async attach(ticketId: string, file: ReceivedFile, uploader: Principal): Promise<TicketAttachment> {
    assertStorableCaller(uploader);
    const ticket = await this.tickets.findVisible(ticketId, uploader);
    assertTakesWork(ticket, uploader, 'adding a file');
    const inspected = await inspectUpload({ bytes: file.buffer, filename: file.originalname, declaredContentType: file.mimetype }).catch(
      (error: unknown) => {
        throw error instanceof UploadRefused ? uploadRefused(error) : error;
      },
    );
    const repository = this.dataSource.getRepository(TicketAttachment);
    if ((await repository.countBy({ ticketId: ticket.id })) >= MAX_ATTACHMENTS_PER_TICKET) throw attachmentLimitReached(ticket.id);
    const blob = await this.store.save(file.buffer);

    return this.dataSource.transaction(async (manager) => {
      const locked = await this.tickets.lockVisible(manager, ticket.id, uploader);
      assertTakesWork(locked, uploader, 'adding a file');
      if ((await manager.countBy(TicketAttachment, { ticketId: locked.id })) >= MAX_ATTACHMENTS_PER_TICKET) {
        throw attachmentLimitReached(locked.id);
      }
      const uploadedAt = new Date();
      const attachment = Object.assign(new TicketAttachment(), {
        id: uuidv7(),
        ticketId: locked.id,
        sha256: blob.sha256,
        filename: inspected.filename,
        contentType: inspected.contentType,
        declaredContentType: inspected.declaredContentType,
        sizeBytes: blob.size,
        uploadedBy: uploader.userId,
        uploadedAt,
      } satisfies TicketAttachment);
      await manager.insert(TicketAttachment, attachment);
      locked.updatedAt = uploadedAt;
      await manager.save(locked);
      return attachment;
    });
  }

  /** The ticket's files as its page lists them. */
  attachmentsPart(ticketId: string): PagePart<AttachmentResponse> {
    return {
      select: `SELECT id AS sort_key,
                      JSON_OBJECT('id', id, 'filename', filename, 'contentType', content_type, 'sizeBytes', size_bytes,
                                  'sha256', sha256, 'uploadedBy', uploaded_by, 'uploadedAt', uploaded_at) AS row
                 FROM ticket_attachment WHERE ticket_id = ?`,
      parameters: [ticketId],
      read: (row) => attachmentView(Object.assign(new TicketAttachment(), row, { ticketId, uploadedAt: storedInstant(row['uploadedAt']) })),
    };
  }

  /** The file and its bytes, for a caller who may see the ticket; to anyone else it does not exist. */
  async download(ticketId: string, attachmentId: string, caller: Principal): Promise<{ attachment: TicketAttachment; content: Readable }> {
    const ticket = await this.tickets.findVisible(ticketId, caller);
    const attachment = await this.dataSource.getRepository(TicketAttachment).findOneBy({ id: attachmentId, ticketId: ticket.id });
    if (!attachment) throw attachmentNotFound(ticketId, attachmentId);
    return { attachment, content: await this.store.open(attachment.sha256) };
  }
}
