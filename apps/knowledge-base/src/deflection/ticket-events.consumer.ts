import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { TicketCreated, TOPICS } from '@support/contracts';
import { onBatch, type ReceivedBatch } from '@support/messaging';
import { EventConsumers, type KafkaEventConsumer } from '@support/nest-messaging';
import { TicketSuggestionsService } from './ticket-suggestions.service';

/** Every new ticket is answered with the help-center articles most likely to solve it. */
@Controller()
export class TicketEventsConsumer {
  private readonly ticketEvents: KafkaEventConsumer;

  constructor(consumers: EventConsumers, suggestions: TicketSuggestionsService) {
    this.ticketEvents = consumers.create('tickets', [
      onBatch(TicketCreated, (events, context) => suggestions.suggestForTickets(events, context)),
    ]);
  }

  @EventPattern(TOPICS.tickets)
  onTicketEvent(@Payload() batch: ReceivedBatch) {
    return this.ticketEvents.consume(batch);
  }
}
