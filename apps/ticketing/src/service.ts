import type { ServiceManifest } from '@support/nest-messaging';
import { CreateTickets1763800000100 } from './migrations/1763800000100-create-tickets';
import { Ticket } from './tickets/ticket.entity';
import { TicketingEnvironment } from './environment';

/** What the launcher, the migrations job and the tests need to know about this service. */
export const TICKETING_SERVICE: ServiceManifest<TicketingEnvironment> = {
  name: 'ticketing',
  database: 'ticketing',
  portVariable: 'TICKETING_PORT',
  Environment: TicketingEnvironment,
  port: (env: TicketingEnvironment) => env.TICKETING_PORT,
  entities: [Ticket],
  migrations: [CreateTickets1763800000100],
  consumes: true,
};
