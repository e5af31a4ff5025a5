import { Injectable, type PipeTransform } from '@nestjs/common';
import { ApiError, DescribesParameter } from '@support/platform';

/** Ticket ids are the ticketing service's; anything that could not be one is refused before a query. */
const TICKET_ID = /^[A-Za-z0-9._:-]{1,64}$/;

@Injectable()
@DescribesParameter({ type: 'string', pattern: TICKET_ID.source, maxLength: 64 })
export class TicketIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!TICKET_ID.test(value)) {
      throw ApiError.badRequest('invalid_ticket_id', 'ticketId: expected 1 to 64 letters, digits, ".", "_", ":" or "-"');
    }
    return value;
  }
}
