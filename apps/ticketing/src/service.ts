import type { ServiceManifest } from '@support/nest-bootstrap';
import { TicketRedrive } from './anti-entropy/ticket-redrive.entity';
import { TicketAttachment } from './attachments/ticket-attachment.entity';
import { TicketComment } from './comments/ticket-comment.entity';
import { TicketingEnvironment } from './environment';
import { CreateTickets1763800000100 } from './migrations/1763800000100-create-tickets';
import { TicketWork1763800000110 } from './migrations/1763800000110-ticket-work';
import { CustomerAccountScope1763800000150 } from './migrations/1763800000150-customer-account-scope';
import { TicketRedrive1763800000160 } from './migrations/1763800000160-ticket-redrive';
import { TicketAwaitingSuggestions1763800000170 } from './migrations/1763800000170-ticket-awaiting-suggestions';
import { SuggestionsOnTicket1763800000180 } from './migrations/1763800000180-suggestions-on-ticket';
import { TicketAwaitingSince1765300000000 } from './migrations/1765300000000-ticket-awaiting-since';
import { SuggestionSets1765400000000 } from './migrations/1765400000000-suggestion-sets';
import { SlaClockInPlace1765500000000 } from './migrations/1765500000000-sla-clock-in-place';
import { PlanCheckInPlace1765600000000 } from './migrations/1765600000000-plan-check-in-place';
import { IdempotencyKey } from './tickets/idempotency/idempotency-key.entity';
import { Ticket } from './tickets/ticket.entity';
import { TicketPlanCheck } from './tickets/ticket-plan-check.entity';
import { TicketStatusChange } from './tickets/ticket-status-change.entity';
import { TicketSuggestions } from './tickets/ticket-suggestions.entity';

/** What the launcher, the migrations job and the tests need to know about this service. */
export const TICKETING_SERVICE: ServiceManifest<TicketingEnvironment> = {
  name: 'ticketing',
  database: 'ticketing',
  portVariable: 'TICKETING_PORT',
  Environment: TicketingEnvironment,
  port: (env: TicketingEnvironment) => env.TICKETING_PORT,
  entities: [
    Ticket,
    TicketStatusChange,
    TicketComment,
    TicketAttachment,
    IdempotencyKey,
    TicketRedrive,
    TicketSuggestions,
    TicketPlanCheck,
  ],
  migrations: [
    CreateTickets1763800000100,
    TicketWork1763800000110,
    CustomerAccountScope1763800000150,
    TicketRedrive1763800000160,
    TicketAwaitingSuggestions1763800000170,
    SuggestionsOnTicket1763800000180,
    TicketAwaitingSince1765300000000,
    SuggestionSets1765400000000,
    SlaClockInPlace1765500000000,
    PlanCheckInPlace1765600000000,
  ],
  consumes: true,
};
