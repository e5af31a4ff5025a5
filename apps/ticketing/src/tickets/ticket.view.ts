import type { Ticket } from './ticket.entity';

/** The self-service channels a refused requester is pointed to. */
export const SELF_SERVICE = { helpCenter: '/v1/articles', suggestions: '/v1/suggestions' } as const;

/** The JSON a caller sees for one ticket (contracts.md: GET /v1/tickets/:id). */
export function ticketView(ticket: Ticket) {
  return {
    id: ticket.id,
    subject: ticket.subject,
    description: ticket.description,
    priority: ticket.priority,
    device: ticket.device,
    ccEmails: ticket.ccEmails,
    meetingId: ticket.meetingId,
    occurredAt: ticket.occurredAt?.toISOString() ?? null,
    status: ticket.status,
    statusReason: ticket.statusReason,
    requesterId: ticket.requesterId,
    accountId: ticket.accountId,
    assigneeId: ticket.assigneeId,
    entitlement: {
      status: ticket.entitlementStatus,
      reason: ticket.entitlementReason,
      message: ticket.entitlementMessage,
      plan: ticket.entitlementPlan,
      channels: ticket.entitlementChannels,
      decidedAt: ticket.entitlementDecidedAt?.toISOString() ?? null,
      ...(ticket.entitlementStatus === 'denied' ? { selfService: SELF_SERVICE } : {}),
    },
    sla: {
      state: ticket.slaClockState,
      firstResponseDueAt: ticket.slaFirstResponseDueAt?.toISOString() ?? null,
      breached: ticket.slaBreached,
      escalationLevel: ticket.slaEscalationLevel,
    },
    suggestedArticles: [] as unknown[],
    attachments: [] as unknown[],
    createdAt: ticket.createdAt.toISOString(),
    updatedAt: ticket.updatedAt.toISOString(),
  };
}

export type TicketView = ReturnType<typeof ticketView>;
