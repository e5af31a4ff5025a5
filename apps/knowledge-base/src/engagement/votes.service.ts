import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Locale } from '@support/domain-knowledge';
import type { DataSource } from 'typeorm';
import { Article } from '../articles/article.entity';
import { isUuid } from '../catalog/catalog.service';
import { articleNotFound } from '../knowledge-base.errors';
import { ArticleVote } from './article-vote.entity';

export interface VoteTotals {
  articleId: string;
  helpful: number;
  notHelpful: number;
  yourVote: 'helpful' | 'not_helpful';
}

/**
 * "Was this helpful?": one vote per signed-in reader and article, which a new vote replaces. The
 * totals on the article move in the same transaction, so ranking reads them without counting.
 */
@Injectable()
export class VotesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async vote(
    reference: string,
    voter: { accountId: string | null; userId: string },
    helpful: boolean,
    locale: Locale,
  ): Promise<VoteTotals> {
    const key = { voterAccountId: voter.accountId ?? '', userId: voter.userId };
    return this.dataSource.transaction(async (manager) => {
      const article = await manager.getRepository(Article).findOne({
        where: isUuid(reference) ? { id: reference, status: 'published' } : { slug: reference, status: 'published' },
        lock: { mode: 'pessimistic_write' },
      });
      if (!article) throw articleNotFound(reference);
      const previous = await manager.findOneBy(ArticleVote, { articleId: article.id, ...key });
      if (!previous || previous.helpful !== helpful) {
        if (previous) {
          if (previous.helpful) article.helpfulVotes -= 1;
          else article.notHelpfulVotes -= 1;
        }
        if (helpful) article.helpfulVotes += 1;
        else article.notHelpfulVotes += 1;
        await manager.update(Article, { id: article.id }, { helpfulVotes: article.helpfulVotes, notHelpfulVotes: article.notHelpfulVotes });
      }
      await manager.save(ArticleVote, { articleId: article.id, ...key, helpful, locale, votedAt: new Date() });
      return {
        articleId: article.id,
        helpful: article.helpfulVotes,
        notHelpful: article.notHelpfulVotes,
        yourVote: helpful ? 'helpful' : 'not_helpful',
      };
    });
  }
}
