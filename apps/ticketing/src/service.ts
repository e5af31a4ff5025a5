import { CreateTickets1763800000100 } from './migrations/1763800000100-create-tickets';
import { Ticket } from './tickets/ticket.entity';
import { TicketingEnvironment } from './environment';

/** What the launcher, the migrations job and the tests need to know about this service. */
export const TICKETING_SERVICE = {
  name: 'ticketing',
  database: 'ticketing',
  Environment: TicketingEnvironment,
  port: (env: TicketingEnvironment) => env.TICKETING_PORT,
  entities: [Ticket],
  migrations: [CreateTickets1763800000100],
  consumes: true,
};
