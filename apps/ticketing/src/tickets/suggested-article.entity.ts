import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A help-center article the knowledge base suggested for a ticket, in the order it ranked them. */
@Entity('ticket_suggested_article')
export class SuggestedArticle {
  @PrimaryColumn({ name: 'ticket_id', type: 'char', length: 36 }) ticketId: string;
  @PrimaryColumn({ type: 'int' }) position: number;
  @Column({ name: 'article_id', type: 'varchar', length: 255 }) articleId: string;
  @Column({ type: 'text' }) slug: string;
  @Column({ type: 'text' }) title: string;
  @Column({ type: 'varchar', length: 35 }) locale: string;
  @Column({ type: 'double' }) score: number;
  @Column({ name: 'suggested_at', type: 'datetime', precision: 3 }) suggestedAt: Date;
}
