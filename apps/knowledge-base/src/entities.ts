import { ArticleTranslation } from './articles/article-translation.entity';
import { Article } from './articles/article.entity';
import { Category, CategoryTranslation } from './catalog/category.entity';
import { Section, SectionTranslation } from './catalog/section.entity';
import { Suggestion } from './deflection/suggestion.entity';
import { ArticleViewCount } from './engagement/article-view-count.entity';
import { ArticleVote } from './engagement/article-vote.entity';
import { TopResource } from './top-resources/top-resource.entity';

/** Every table the knowledge base maps (its migrations create them). */
export const KNOWLEDGE_BASE_ENTITIES = [
  Category,
  CategoryTranslation,
  Section,
  SectionTranslation,
  Article,
  ArticleTranslation,
  TopResource,
  ArticleViewCount,
  ArticleVote,
  Suggestion,
];
