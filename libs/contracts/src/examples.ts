import { type EventDefinition } from './event-definition';
import { AccountPlanChanged } from './events/account-plan-changed.event';
import { EntitlementChecked } from './events/entitlement-checked.event';
import { KbArticlePublished } from './events/kb-article-published.event';
import { KbArticlesSuggested } from './events/kb-articles-suggested.event';
import { SlaBreached } from './events/sla-breached.event';
import { SlaClockPaused, SlaClockResumed } from './events/sla-clock-paused.event';
import { SlaClockRetimed } from './events/sla-clock-retimed.event';
import { SlaClockStarted } from './events/sla-clock-started.event';
import { SlaClockStopped } from './events/sla-clock-stopped.event';
import { SlaEscalated } from './events/sla-escalated.event';
import { SlaWarning } from './events/sla-warning.event';
import { TicketAssigneeChanged } from './events/ticket-assignee-changed.event';
import { TicketCommented } from './events/ticket-commented.event';
import { TicketCreated } from './events/ticket-created.event';
import { TicketFirstResponded } from './events/ticket-first-responded.event';
import { TicketPriorityChanged } from './events/ticket-priority-changed.event';
import { TicketStatusChanged } from './events/ticket-status-changed.event';

/**
 * One worked example per event type: the `data` of a message as a service publishes it. The
 * AsyncAPI document (tools/asyncapi) shows them, and the payload checks' tests start from them.
 * The story is one ticket: filed by a pro-plan account owner, checked, timed, suggested articles,
 * warned, breached, escalated, answered. Each example is checked against its contract class when
 * the document is built (createEvent refuses an invalid payload).
 */
const TICKET = '01938f4e-69f1-7d2e-8c40-5a1b2c3d4e5f';
const CLOCK = '01938f4e-6a02-7b11-9d3e-0f1e2d3c4b5a';
const ARTICLE = '01938a10-2b3c-7d4e-8f5a-6b7c8d9e0f1a';
const CREATED = '2026-12-02T10:15:00.000Z';
const clock = { clockId: CLOCK, ticketId: TICKET, metric: 'first_response', priority: 'urgent', startedAt: CREATED } as const;
const channels = { selfService: true, ticket: 'sla', chat: true, phone: true } as const;

/** A definition with its example `data`, typed by the contract class. */
function example<T extends object>(definition: EventDefinition<T>, data: T): [EventDefinition, object] {
  return [definition as unknown as EventDefinition, data];
}

export const EVENT_EXAMPLES: ReadonlyMap<EventDefinition, object> = new Map<EventDefinition, object>([
  example(TicketCreated, {
    ticketId: TICKET,
    accountId: 'acme',
    requesterId: 'alice',
    subject: 'Cannot join meeting',
    description: 'Error 5003 when joining from the desktop client',
    priority: 'urgent',
    device: 'desktop',
    ccEmails: ['it@acme.example'],
    meetingId: '81234567890',
    occurredAt: '2026-12-02T10:05:00.000Z',
    createdAt: CREATED,
  }),
  example(TicketPriorityChanged, {
    ticketId: TICKET,
    accountId: 'acme',
    previousPriority: 'urgent',
    priority: 'high',
    changedBy: 'agent-7',
    changedAt: '2026-12-02T10:20:00.000Z',
  }),
  example(TicketStatusChanged, {
    ticketId: TICKET,
    accountId: 'acme',
    previousStatus: 'new',
    status: 'open',
    reason: null,
    changedBy: 'agent-7',
    changedAt: '2026-12-02T10:20:00.000Z',
  }),
  example(TicketCommented, {
    ticketId: TICKET,
    accountId: 'acme',
    commentId: '01938f60-1111-7222-8333-444455556666',
    authorId: 'agent-7',
    authorRole: 'agent',
    public: true,
    body: 'Please update the client to 6.3 and try again.',
    createdAt: '2026-12-02T11:30:00.000Z',
  }),
  example(TicketFirstResponded, {
    ticketId: TICKET,
    accountId: 'acme',
    commentId: '01938f60-1111-7222-8333-444455556666',
    agentId: 'agent-7',
    respondedAt: '2026-12-02T11:30:00.000Z',
    ticketCreatedAt: CREATED,
  }),
  example(TicketAssigneeChanged, {
    ticketId: TICKET,
    accountId: 'acme',
    previousAssigneeId: null,
    assigneeId: 'agent-7',
    changedBy: 'lead-1',
    changedAt: '2026-12-02T10:18:00.000Z',
  }),
  example(EntitlementChecked, {
    decisionId: '01938f4e-6990-7aaa-8bbb-cccddd000111',
    ticketId: TICKET,
    accountId: 'acme',
    requesterId: 'alice',
    priority: 'urgent',
    ticketCreatedAt: CREATED,
    status: 'entitled',
    reason: 'entitled',
    message: 'Your pro plan includes ticket support with a first response within PT1H.',
    plan: 'pro',
    planVersion: 3,
    role: 'owner',
    channels,
    slaTarget: 'PT1H',
    slaTargets: { low: 'PT24H', normal: 'PT8H', high: 'PT4H', urgent: 'PT1H' },
    servicePriority: 20,
    trigger: 'ticket_created',
    decidedAt: '2026-12-02T10:15:00.412Z',
  }),
  example(AccountPlanChanged, {
    accountId: 'acme',
    previousPlan: 'free',
    plan: 'pro',
    planVersion: 3,
    status: 'active',
    planEndsAt: '2027-12-01T00:00:00.000Z',
    changedBy: 'admin-1',
    changedAt: '2026-12-01T09:00:00.000Z',
  }),
  example(SlaClockStarted, {
    ...clock,
    dueAt: '2026-12-02T11:15:00.000Z',
    warningAt: '2026-12-02T11:00:00.000Z',
    target: 'PT1H',
    policyId: 'default',
    targetSource: 'plan',
  }),
  example(SlaClockRetimed, {
    ...clock,
    priority: 'high',
    previousPriority: 'urgent',
    previousDueAt: '2026-12-02T11:15:00.000Z',
    dueAt: '2026-12-02T14:15:00.000Z',
    target: 'PT4H',
    targetSource: 'plan',
    retimedAt: '2026-12-02T10:20:00.000Z',
  }),
  example(SlaClockPaused, { ...clock, metric: 'resolution', pausedAt: '2026-12-02T12:00:00.000Z' }),
  example(SlaClockResumed, { ...clock, metric: 'resolution', resumedAt: '2026-12-02T13:00:00.000Z', dueAt: '2026-12-03T11:15:00.000Z' }),
  example(SlaWarning, { ...clock, dueAt: '2026-12-02T11:15:00.000Z', warnedAt: '2026-12-02T11:00:00.031Z', lateByMs: 31 }),
  example(SlaBreached, { ...clock, dueAt: '2026-12-02T11:15:00.000Z', breachedAt: '2026-12-02T11:15:00.027Z', lateByMs: 27 }),
  example(SlaEscalated, { ...clock, level: 1, dueAt: '2026-12-02T11:15:00.000Z', escalatedAt: '2026-12-02T11:45:00.040Z', lateByMs: 40 }),
  example(SlaClockStopped, {
    ...clock,
    stoppedAt: '2026-12-02T11:30:00.000Z',
    dueAt: '2026-12-02T11:15:00.000Z',
    outcome: 'breached',
    reason: 'first_responded',
  }),
  example(KbArticlePublished, {
    articleId: ARTICLE,
    slug: 'error-5003-joining-meeting',
    locale: 'en',
    title: 'Error 5003 when joining a meeting',
    kind: 'troubleshooting',
    category: 'meetings',
    version: 4,
    publishedAt: '2026-11-30T08:00:00.000Z',
  }),
  example(KbArticlesSuggested, {
    ticketId: TICKET,
    locale: 'en',
    suggestions: [
      { articleId: ARTICLE, slug: 'error-5003-joining-meeting', title: 'Error 5003 when joining a meeting', locale: 'en', score: 0.912 },
    ],
    suggestedAt: '2026-12-02T10:15:00.380Z',
  }),
]);
