import { reopenDeadline } from '@support/domain-ticketing';
import type { SuggestedArticle } from './suggested-article';
import type { AttachmentResponse, CommentResponse } from './ticket-page-parts';
import type { Ticket } from './ticket.entity';
import type { TicketPlanCheck } from './ticket-plan-check.entity';
import type { TicketStatusChange } from './ticket-status-change.entity';

/** The self-service channels a refused requester is pointed to. */
export const SELF_SERVICE = { helpCenter: '/v1/articles', suggestions: '/v1/suggestions' } as const;

/** What a ticket shows besides its own row, already narrowed to what the caller may see. */
export interface TicketRelations {
  statusHistory: TicketStatusChange[];
  comments: CommentResponse[];
  attachments: AttachmentResponse[];
  suggestedArticles: SuggestedArticle[];
  /** the plan check's message, plan and channels; null until it arrived */
  planCheck: TicketPlanCheck | null;
}

const iso = (date: Date | null) => date?.toISOString() ?? null;

/** The first-response clock as the SLA service last announced it. */
function slaView(ticket: Ticket) {
  return {
    state: ticket.slaClockState,
    firstResponseDueAt: iso(ticket.slaFirstResponseDueAt),
    breached: ticket.slaBreached,
    escalationLevel: ticket.slaEscalationLevel,
  };
}

/** The fields a list shows for each ticket. */
export function ticketSummary(ticket: Ticket) {
  return {
    id: ticket.id,
    subject: ticket.subject,
    priority: ticket.priority,
    device: ticket.device,
    status: ticket.status,
    statusReason: ticket.statusReason,
    requesterId: ticket.requesterId,
    accountId: ticket.accountId,
    assigneeId: ticket.assigneeId,
    entitlement: {
      status: ticket.entitlementStatus,
      reason: ticket.entitlementReason,
    },
    sla: slaView(ticket),
    firstRespondedAt: iso(ticket.firstRespondedAt),
    createdAt: ticket.createdAt.toISOString(),
    updatedAt: ticket.updatedAt.toISOString(),
  };
}

export type TicketSummary = ReturnType<typeof ticketSummary>;

/** The JSON a caller sees for one ticket (contracts.md: GET /v1/tickets/:id). */
export function ticketView(ticket: Ticket, relations: TicketRelations) {
  // written with the ticket's decision, in the same transaction; a ticket not decided shows none
  const planCheck = ticket.entitlementDecidedAt ? relations.planCheck : null;
  return {
    id: ticket.id,
    subject: ticket.subject,
    description: ticket.description,
    priority: ticket.priority,
    device: ticket.device,
    ccEmails: ticket.ccEmails,
    meetingId: ticket.meetingId,
    occurredAt: iso(ticket.occurredAt),
    status: ticket.status,
    statusReason: ticket.statusReason,
    solvedAt: iso(ticket.solvedAt),
    /** until when the requester may reopen the solved ticket */
    reopenableUntil: ticket.status === 'solved' && ticket.solvedAt ? reopenDeadline(ticket.solvedAt).toISOString() : null,
    requesterId: ticket.requesterId,
    accountId: ticket.accountId,
    assigneeId: ticket.assigneeId,
    entitlement: {
      status: ticket.entitlementStatus,
      reason: ticket.entitlementReason,
      message: planCheck?.message ?? null,
      plan: planCheck?.plan ?? null,
      channels: planCheck?.channels ?? null,
      decidedAt: iso(ticket.entitlementDecidedAt),
      ...(ticket.entitlementStatus === 'denied' ? { selfService: SELF_SERVICE } : {}),
    },
    sla: slaView(ticket),
    firstRespondedAt: iso(ticket.firstRespondedAt),
    suggestedArticles: relations.suggestedArticles.map((article) => ({
      articleId: article.articleId,
      slug: article.slug,
      title: article.title,
      locale: article.locale,
      score: article.score,
      url: `/v1/articles/${encodeURIComponent(article.articleId)}?locale=${encodeURIComponent(article.locale)}`,
    })),
    attachments: relations.attachments,
    comments: relations.comments,
    statusHistory: relations.statusHistory.map((change) => ({
      previousStatus: change.previousStatus,
      status: change.status,
      reason: change.reason,
      changedBy: change.changedBy,
      changedAt: change.changedAt.toISOString(),
    })),
    createdAt: ticket.createdAt.toISOString(),
    updatedAt: ticket.updatedAt.toISOString(),
  };
}

export type TicketView = ReturnType<typeof ticketView>;
