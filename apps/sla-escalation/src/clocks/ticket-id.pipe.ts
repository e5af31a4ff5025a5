import { PatternParamPipe } from '@support/platform';

/** Ticket ids are the ticketing service's; anything that could not be one is refused before a query. */
export const TicketIdPipe = PatternParamPipe(/^[A-Za-z0-9._:-]{1,64}$/, 'expected 1 to 64 letters, digits, ".", "_", ":" or "-"', {
  code: 'invalid_ticket_id',
  maxLength: 64,
});
