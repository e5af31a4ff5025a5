import { HttpStatus } from '@nestjs/common';
import type { TicketStatus } from '@support/contracts';
import type { TransitionRefusal } from '@support/domain-ticketing';
import { ApiError } from '@support/platform';

export class TicketNotFoundError extends ApiError {
  constructor(id: string) {
    super(HttpStatus.NOT_FOUND, 'ticket_not_found', `ticket ${id} was not found`);
  }
}

const REFUSALS: Record<TransitionRefusal, string> = {
  unchanged: 'the ticket already has this status',
  closed_final: 'a closed ticket is final; file a new ticket instead',
  not_allowed: 'this transition is not part of the ticket lifecycle for you',
  reopen_window_passed: 'a solved ticket can be reopened by its requester for 7 days only',
};

export class IllegalTransitionError extends ApiError {
  constructor(from: TicketStatus, to: TicketStatus, refusal: TransitionRefusal, allowed: TicketStatus[], details: Record<string, unknown> = {}) {
    const options = allowed.length > 0 ? `allowed from ${from}: ${allowed.join(', ')}` : `nothing is allowed from ${from}`;
    super(HttpStatus.CONFLICT, 'illegal_transition', `status: ${from} → ${to} is refused (${REFUSALS[refusal]}); ${options}`, {
      from,
      to,
      refusal,
      allowed,
      ...details,
    });
  }
}

/** Closed is final: no change, comment or file reaches a closed ticket. */
export class TicketClosedError extends ApiError {
  constructor(id: string, what: string) {
    super(HttpStatus.CONFLICT, 'ticket_closed', `ticket ${id} is closed: ${what} is not possible; file a new ticket instead`);
  }
}

/** A requester whose ticket the plan check refused is pointed to self-service, not to this ticket. */
export class TicketRejectedError extends ApiError {
  constructor(id: string, what: string, reason: string | null) {
    super(
      HttpStatus.CONFLICT,
      'ticket_rejected',
      `ticket ${id} was refused by the plan check${reason ? ` (${reason})` : ''}: ${what} is not possible; the help center is at /v1/articles`,
    );
  }
}

export class StaffOnlyFieldsError extends ApiError {
  constructor(fields: string[]) {
    super(HttpStatus.FORBIDDEN, 'forbidden', `${fields.join(', ')}: only agents and admins change ${fields.length > 1 ? 'these fields' : 'this field'}`, {
      errors: fields.map((field) => ({ field, problems: ['only agents and admins may change it'] })),
    });
  }
}

export class InvalidIdempotencyKeyError extends ApiError {
  constructor() {
    super(
      HttpStatus.BAD_REQUEST,
      'invalid_idempotency_key',
      'Idempotency-Key: must be 1 to 255 printable ASCII characters, not starting or ending with a space',
      { errors: [{ field: 'Idempotency-Key', problems: ['must be 1 to 255 printable ASCII characters'] }] },
    );
  }
}

export class IdempotencyKeyReusedError extends ApiError {
  constructor(ticketId: string) {
    super(
      HttpStatus.UNPROCESSABLE_ENTITY,
      'idempotency_key_reused',
      `Idempotency-Key: this key already filed ticket ${ticketId} with a different request body; use a new key for a new request`,
      { ticketId },
    );
  }
}

export class InvalidCursorError extends ApiError {
  constructor(problem: string) {
    super(HttpStatus.BAD_REQUEST, 'validation_failed', `cursor: ${problem}`, { errors: [{ field: 'cursor', problems: [problem] }] });
  }
}
