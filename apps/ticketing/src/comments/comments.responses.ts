import { ApiFlag, ApiId, ApiInstant, ApiOneOf, ApiText, CALLER_ROLES } from '@support/platform';

/** A comment as POST /v1/tickets/:id/comments answers it and a ticket lists it. */
export class CommentResponse {
  @ApiId() id!: string;
  @ApiText() authorId!: string;
  @ApiOneOf(CALLER_ROLES) authorRole!: string;
  @ApiFlag({ description: 'false: an internal note, shown to staff only' }) public!: boolean;
  @ApiText() body!: string;
  @ApiInstant() createdAt!: string;
}
