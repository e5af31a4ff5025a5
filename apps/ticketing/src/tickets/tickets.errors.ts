import { HttpStatus } from '@nestjs/common';
import type { TicketStatus } from '@support/contracts';
import { canSee, workRefusal, type TransitionRefusal } from '@support/domain-ticketing';
import { ApiError, type Principal } from '@support/platform';
import type { Ticket } from './ticket.entity';

/** The tickets feature's refusals, each an ApiError (contracts.md names the codes). */

export function ticketNotFound(id: string): ApiError {
  return ApiError.notFound('ticket', id, 'ticket_not_found');
}

/** The ticket, if the caller may see it; anyone else's is "not found", not "forbidden", so ids leak nothing. */
export function visibleTo(ticket: Ticket | null | undefined, id: string, caller: Principal): Ticket {
  if (!ticket || !canSee(ticket, caller)) throw ticketNotFound(id);
  return ticket;
}

const REFUSALS: Record<TransitionRefusal, string> = {
  unchanged: 'the ticket already has this status',
  closed_final: 'a closed ticket is final; file a new ticket instead',
  not_allowed: 'this transition is not part of the ticket lifecycle for you',
  reopen_window_passed: 'a solved ticket can be reopened by its requester for 7 days only',
};

export function illegalTransition(
  from: TicketStatus,
  to: TicketStatus,
  refusal: TransitionRefusal,
  allowed: TicketStatus[],
  details: Record<string, unknown> = {},
): ApiError {
  const options = allowed.length > 0 ? `allowed from ${from}: ${allowed.join(', ')}` : `nothing is allowed from ${from}`;
  return ApiError.conflict('illegal_transition', `status: ${from} → ${to} is refused (${REFUSALS[refusal]}); ${options}`, {
    from,
    to,
    refusal,
    allowed,
    ...details,
  });
}

/** Closed is final: no change, comment or file reaches a closed ticket. */
export function ticketClosed(id: string, what: string): ApiError {
  return ApiError.conflict('ticket_closed', `ticket ${id} is closed: ${what} is not possible; file a new ticket instead`);
}

/** A requester whose ticket the plan check refused is pointed to self-service, not to this ticket. */
export function ticketRejected(id: string, what: string, reason: string | null): ApiError {
  return ApiError.conflict(
    'ticket_rejected',
    `ticket ${id} was refused by the plan check${reason ? ` (${reason})` : ''}: ${what} is not possible; the help center is at /v1/articles`,
  );
}

/** Refuses `what` (commenting, adding a file) on a ticket that takes no more work from the caller. */
export function assertTakesWork(ticket: Pick<Ticket, 'id' | 'status' | 'statusReason'>, caller: Principal, what: string): void {
  const refusal = workRefusal(ticket.status, caller);
  if (refusal === 'closed') throw ticketClosed(ticket.id, what);
  if (refusal === 'rejected') throw ticketRejected(ticket.id, what, ticket.statusReason);
}

/** A PATCH that names none of the fields it may change. */
export function nothingToChange(fields: readonly string[]): ApiError {
  return ApiError.badRequest('validation_failed', `body: name at least one of ${fields.join(', ')}`, {
    errors: [{ field: 'body', problems: [`must change at least one of ${fields.join(', ')}`] }],
  });
}

export function staffOnlyFields(fields: string[]): ApiError {
  return ApiError.forbidden(`${fields.join(', ')}: only agents and admins change ${fields.length > 1 ? 'these fields' : 'this field'}`, {
    errors: fields.map((field) => ({ field, problems: ['only agents and admins may change it'] })),
  });
}

export function invalidIdempotencyKey(): ApiError {
  return ApiError.badRequest(
    'invalid_idempotency_key',
    'Idempotency-Key: must be 1 to 255 printable ASCII characters, not starting or ending with a space',
    { errors: [{ field: 'Idempotency-Key', problems: ['must be 1 to 255 printable ASCII characters'] }] },
  );
}

export function idempotencyKeyReused(ticketId: string): ApiError {
  return new ApiError(
    HttpStatus.UNPROCESSABLE_ENTITY,
    'idempotency_key_reused',
    `Idempotency-Key: this key already filed ticket ${ticketId} with a different request body; use a new key for a new request`,
    { ticketId },
  );
}

export function invalidCursor(problem: string): ApiError {
  return ApiError.validationFailed([{ field: 'cursor', message: problem }]);
}
