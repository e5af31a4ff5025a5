import { ApiId, ApiInstant, ApiInteger, ApiText } from '@support/platform';

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
