import type { CommentResponse } from '../tickets/ticket-page-parts';
import type { TicketComment } from './ticket-comment.entity';

export function commentView(comment: TicketComment): CommentResponse {
  return {
    id: comment.id,
    authorId: comment.authorId,
    authorRole: comment.authorRole,
    public: comment.isPublic,
    body: comment.body,
    createdAt: comment.createdAt.toISOString(),
  };
}
