import { HttpStatus } from '@nestjs/common';
import { ApiError } from '@support/platform';

export class TicketNotFoundError extends ApiError {
  constructor(id: string) {
    super(HttpStatus.NOT_FOUND, 'ticket_not_found', `ticket ${id} was not found`);
  }
}

export class OccurredInFutureError extends ApiError {
  constructor() {
    super(HttpStatus.BAD_REQUEST, 'validation_failed', 'occurredAt: must not be in the future', {
      errors: [{ field: 'occurredAt', problems: ['must not be in the future'] }],
    });
  }
}
