import { ApiFlag, ApiId, ApiInstant, ApiInteger, ApiOneOf, ApiText, CALLER_ROLES } from '@support/platform';

/**
 * The parts of a ticket's page that other features own: its conversation (comments/) and its
 * files (attachments/). Those features depend on tickets, never the reverse: they render their
 * rows into these read models and provide the readers, which the page finds once the app is
 * assembled (TicketDetails).
 */

/** A comment as POST /v1/tickets/:id/comments answers it and a ticket lists it. */
export class CommentResponse {
  @ApiId() id!: string;
  @ApiText() authorId!: string;
  @ApiOneOf(CALLER_ROLES) authorRole!: string;
  @ApiFlag({ description: 'false: an internal note, shown to staff only' }) public!: boolean;
  @ApiText() body!: string;
  @ApiInstant() createdAt!: string;
}

/** An attachment as its upload answers it and a ticket lists it. */
export class AttachmentResponse {
  @ApiId() id!: string;
  @ApiText() filename!: string;
  @ApiText({ description: 'the type sniffed from the bytes', example: 'application/pdf' }) contentType!: string;
  @ApiInteger({ description: 'bytes' }) size!: number;
  @ApiText({ pattern: '^[0-9a-f]{64}$' }) sha256!: string;
  @ApiText() uploadedBy!: string;
  @ApiInstant() uploadedAt!: string;
  @ApiText({ example: '/v1/tickets/0193.../attachments/0193...' }) downloadUrl!: string;
}

/**
 * One part of a ticket's page, read together with the others in ONE statement (TicketDetails):
 * `select` is a SELECT of two columns, `sort_key` (ASCII text; the part's rows come in its order)
 * and `row` (a `JSON_OBJECT` of one row), and `read` turns one such object
 * into what the page shows (`storedInstant` of @support/persistence reads its DATETIMEs). Reading
 * each part with a query of its own cost a GET four round trips and about 1.2 ms of ticketing's
 * CPU.
 */
export interface PagePart<T> {
  select: string;
  parameters: unknown[];
  read(row: Record<string, unknown>): T;
}

/** The comments of one ticket in the order they were written; internal notes only when asked. */
export abstract class TicketConversation {
  abstract commentsPart(ticketId: string, withInternalNotes: boolean): PagePart<CommentResponse>;
}

/** The files of one ticket in the order they were uploaded. */
export abstract class TicketFiles {
  abstract attachmentsPart(ticketId: string): PagePart<AttachmentResponse>;
}
