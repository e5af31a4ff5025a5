import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { TicketCreated, TOPICS } from '@support/contracts';
import { on, type ReceivedBatch } from '@support/messaging';
import { EventConsumers, type KafkaEventConsumer } from '@support/nest-messaging';
import { DeflectionService } from './deflection.service';

/** Every new ticket is answered with the help-center articles most likely to solve it. */
@Controller()
export class TicketEventsConsumer {
  private readonly ticketEvents: KafkaEventConsumer;

  constructor(consumers: EventConsumers, deflection: DeflectionService) {
    this.ticketEvents = consumers.create('tickets', [
      on(TicketCreated, (event, context) => deflection.suggestForTicket(event, context)),
    ]);
  }

  @EventPattern(TOPICS.tickets)
  onTicketEvent(@Payload() batch: ReceivedBatch) {
    return this.ticketEvents.consume(batch);
  }
}
