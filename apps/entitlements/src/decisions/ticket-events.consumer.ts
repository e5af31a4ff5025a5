import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext } from '@nestjs/microservices';
import { TicketCreated, TOPICS } from '@support/contracts';
import { on } from '@support/messaging';
import { EventConsumers, type KafkaEventConsumer } from '@support/nest-messaging';
import { DecisionsService } from './decisions.service';

/** Every new ticket gets a recorded plan check. */
@Controller()
export class TicketEventsConsumer {
  private readonly ticketEvents: KafkaEventConsumer;

  constructor(consumers: EventConsumers, decisions: DecisionsService) {
    this.ticketEvents = consumers.create('tickets', [
      on(TicketCreated, (event, context) => decisions.decideForNewTicket(event, context)),
    ]);
  }

  @EventPattern(TOPICS.tickets)
  onTicketEvent(@Ctx() context: KafkaContext) {
    return this.ticketEvents.consume(context);
  }
}
