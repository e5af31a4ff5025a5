import { ENTITLEMENT_STATUSES, TICKET_CHANNELS, TICKET_DEVICES, TICKET_PRIORITIES, TICKET_STATUSES } from '@support/contracts';
import { ApiFlag, ApiId, ApiInstant, ApiInteger, ApiNested, ApiNumber, ApiOneOf, ApiText, ApiTexts } from '@support/platform';
import { TRANSITION_ACTORS } from '@support/domain-ticketing';
import { AttachmentResponse, CommentResponse } from './ticket-page-parts';

const ENTITLEMENT_STATES = ['pending', ...ENTITLEMENT_STATUSES];

export class TicketChannelsResponse {
  @ApiFlag() selfService!: boolean;
  @ApiOneOf(TICKET_CHANNELS) ticket!: string;
  @ApiFlag() chat!: boolean;
  @ApiFlag() phone!: boolean;
}

export class SelfServiceLinksResponse {
  @ApiText({ example: '/v1/articles' }) helpCenter!: string;
  @ApiText({ example: '/v1/suggestions' }) suggestions!: string;
}

export class TicketEntitlementSummaryResponse {
  @ApiOneOf(ENTITLEMENT_STATES, { description: 'pending until the plan check arrives' }) status!: string;
  @ApiText({ nullable: true, description: 'why (entitled, best_effort, free_plan, end_user, unknown_account, ...)' }) reason!:
    string | null;
}

export class TicketEntitlementResponse extends TicketEntitlementSummaryResponse {
  @ApiText({ nullable: true, description: 'what the requester is told' }) message!: string | null;
  @ApiText({ nullable: true, example: 'pro' }) plan!: string | null;
  @ApiNested(() => TicketChannelsResponse, { nullable: true }) channels!: TicketChannelsResponse | null;
  @ApiInstant({ nullable: true }) decidedAt!: string | null;
  @ApiNested(() => SelfServiceLinksResponse, { required: false, description: 'only when denied: where to help yourself' })
  selfService?: SelfServiceLinksResponse;
}

export class TicketSlaResponse {
  @ApiOneOf(['running', 'stopped'], { nullable: true, description: 'the first-response clock; null before it starts' }) state!:
    string | null;
  @ApiInstant({ nullable: true }) firstResponseDueAt!: string | null;
  @ApiFlag() breached!: boolean;
  @ApiInteger({ minimum: 0 }) escalationLevel!: number;
}

/** One ticket as GET /v1/tickets lists it. */
export class TicketSummaryResponse {
  @ApiId() id!: string;
  @ApiText() subject!: string;
  @ApiOneOf(TICKET_PRIORITIES) priority!: string;
  @ApiOneOf(TICKET_DEVICES) device!: string;
  @ApiOneOf(TICKET_STATUSES) status!: string;
  @ApiText({ nullable: true }) statusReason!: string | null;
  @ApiText() requesterId!: string;
  @ApiText({ nullable: true }) accountId!: string | null;
  @ApiText({ nullable: true }) assigneeId!: string | null;
  @ApiNested(() => TicketEntitlementSummaryResponse) entitlement!: TicketEntitlementSummaryResponse;
  @ApiNested(() => TicketSlaResponse) sla!: TicketSlaResponse;
  @ApiInstant({ nullable: true }) firstRespondedAt!: string | null;
  @ApiInstant() createdAt!: string;
  @ApiInstant() updatedAt!: string;
}

export class TicketPageResponse {
  @ApiNested(() => TicketSummaryResponse, { isArray: true }) items!: TicketSummaryResponse[];
  @ApiText({ nullable: true, description: 'pass as `cursor` for the next page; null on the last' }) nextCursor!: string | null;
}

export class SuggestedArticleResponse {
  @ApiText() articleId!: string;
  @ApiText() slug!: string;
  @ApiText() title!: string;
  @ApiText({ example: 'en' }) locale!: string;
  @ApiNumber() score!: number;
  @ApiText({ example: '/v1/articles/42?locale=en' }) url!: string;
}

export class StatusChangeResponse {
  @ApiOneOf(TICKET_STATUSES, { nullable: true }) previousStatus!: string | null;
  @ApiOneOf(TICKET_STATUSES) status!: string;
  @ApiText({ nullable: true }) reason!: string | null;
  @ApiText({ description: `who: a user id, or one of ${TRANSITION_ACTORS.join(', ')}` }) changedBy!: string;
  @ApiInstant() changedAt!: string;
}

/** One ticket (contracts.md: GET /v1/tickets/:id), as filing, reading and updating answer it. */
export class TicketResponse {
  @ApiId() id!: string;
  @ApiText() subject!: string;
  @ApiText() description!: string;
  @ApiOneOf(TICKET_PRIORITIES) priority!: string;
  @ApiOneOf(TICKET_DEVICES) device!: string;
  @ApiTexts({ format: 'email' }) ccEmails!: string[];
  @ApiText({ nullable: true }) meetingId!: string | null;
  @ApiInstant({ nullable: true }) occurredAt!: string | null;
  @ApiOneOf(TICKET_STATUSES) status!: string;
  @ApiText({ nullable: true }) statusReason!: string | null;
  @ApiInstant({ nullable: true }) solvedAt!: string | null;
  @ApiInstant({ nullable: true, description: 'until when the requester may reopen the solved ticket' }) reopenableUntil!: string | null;
  @ApiText() requesterId!: string;
  @ApiText({ nullable: true }) accountId!: string | null;
  @ApiText({ nullable: true }) assigneeId!: string | null;
  @ApiNested(() => TicketEntitlementResponse) entitlement!: TicketEntitlementResponse;
  @ApiNested(() => TicketSlaResponse) sla!: TicketSlaResponse;
  @ApiInstant({ nullable: true }) firstRespondedAt!: string | null;
  @ApiNested(() => SuggestedArticleResponse, { isArray: true }) suggestedArticles!: SuggestedArticleResponse[];
  @ApiNested(() => AttachmentResponse, { isArray: true }) attachments!: AttachmentResponse[];
  @ApiNested(() => CommentResponse, { isArray: true, description: 'internal notes only for staff' }) comments!: CommentResponse[];
  @ApiNested(() => StatusChangeResponse, { isArray: true }) statusHistory!: StatusChangeResponse[];
  @ApiInstant() createdAt!: string;
  @ApiInstant() updatedAt!: string;
}
