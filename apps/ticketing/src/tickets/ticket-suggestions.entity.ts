import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { SuggestedArticle } from './suggested-article';

/**
 * The knowledge base's latest suggestions for a ticket, replaced as a whole by a newer set (or one
 * of the same time: a re-announcement carries the recorded time). Kept beside the ticket, not on
 * it: written on the ticket, the list made its row longer, so InnoDB moved the record, description
 * included, and logged it again. The ticket keeps `awaiting_suggestions` for the anti-entropy
 * sweep. Written by TicketProjections.applySuggestions, read with the ticket's page.
 */
@Entity('ticket_suggestions')
export class TicketSuggestions {
  @PrimaryColumn({ name: 'ticket_id', type: 'char', length: 36 }) ticketId: string;
  /** the set's time, so an older set arriving late changes nothing */
  @Column({ name: 'suggested_at', type: 'datetime', precision: 3 }) suggestedAt: Date;
  /** best first, at most ten */
  @Column({ type: 'json' }) articles: SuggestedArticle[];
}
