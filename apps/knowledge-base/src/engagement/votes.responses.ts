import { ApiId, ApiInteger, ApiOneOf } from '@support/platform';

/** POST /v1/articles/:article/votes: the article's totals after the vote. */
export class VoteTotalsResponse {
  @ApiId() articleId!: string;
  @ApiInteger({ minimum: 0 }) helpful!: number;
  @ApiInteger({ minimum: 0 }) notHelpful!: number;
  @ApiOneOf(['helpful', 'not_helpful']) yourVote!: string;
}
