/**
 * A help-center article the knowledge base suggested for a ticket: one entry of its
 * `ticket_suggestions` list (TicketSuggestions), which keeps them in the order the knowledge base ranked them.
 */
export interface SuggestedArticle {
  articleId: string;
  slug: string;
  title: string;
  locale: string;
  score: number;
}
