import type { AttachmentResponse } from '../tickets/ticket-page-parts';
import type { TicketAttachment } from './ticket-attachment.entity';

export function attachmentView(attachment: TicketAttachment): AttachmentResponse {
  return {
    id: attachment.id,
    filename: attachment.filename,
    contentType: attachment.contentType,
    size: attachment.sizeBytes,
    sha256: attachment.sha256,
    uploadedBy: attachment.uploadedBy,
    uploadedAt: attachment.uploadedAt.toISOString(),
    downloadUrl: `/v1/tickets/${attachment.ticketId}/attachments/${attachment.id}`,
  };
}
