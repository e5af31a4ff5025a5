import type { TicketChannel } from '@support/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

export interface TicketChannels {
  selfService: boolean;
  ticket: TicketChannel;
  chat: boolean;
  phone: boolean;
}

/**
 * What the ticket's page shows of its plan check beside the ticket's own `entitlement_*` columns:
 * the message for the requester, the plan and the channels it allows. Kept beside the ticket, not
 * on it: these texts made the ticket's row longer when the decision arrived, so InnoDB moved the
 * record, description included, and logged it again (PlanCheckInPlace1765600000000). The ticket
 * keeps the status, reason and time, which its lists and the anti-entropy sweeps read, in place.
 * Written by TicketProjections with the ticket, guarded by the same decision time; read with the
 * ticket's page.
 */
@Entity('ticket_plan_check')
export class TicketPlanCheck {
  @PrimaryColumn({ name: 'ticket_id', type: 'char', length: 36 }) ticketId: string;
  /** the decision's time, so an older decision arriving late changes nothing */
  @Column({ name: 'decided_at', type: 'datetime', precision: 3 }) decidedAt: Date;
  /** the reason in words, for the requester */
  @Column({ type: 'text' }) message: string;
  @Column({ type: 'varchar', length: 16, nullable: true }) plan: string | null;
  @Column({ type: 'json' }) channels: TicketChannels;
}
