/**
 * A help-center article the knowledge base suggested for a ticket: one entry of the ticket's
 * `suggested_articles` list, which keeps them in the order the knowledge base ranked them.
 */
export interface SuggestedArticle {
  articleId: string;
  slug: string;
  title: string;
  locale: string;
  score: number;
}
