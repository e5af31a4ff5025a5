import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { TicketCreated, TicketPriorityChanged, TicketStatusChanged, TOPICS } from '@support/contracts';
import { on, onBatch, type ReceivedBatch } from '@support/messaging';
import { EventConsumers, type KafkaEventConsumer } from '@support/nest-messaging';
import { DecisionsService } from './decisions.service';
import { TicketSnapshotsService } from './ticket-snapshots.service';

/**
 * Every new ticket gets a recorded plan check; its later status and priority are kept so that a
 * plan change can re-decide the tickets still open.
 */
@Controller()
export class TicketEventsConsumer {
  private readonly ticketEvents: KafkaEventConsumer;

  constructor(consumers: EventConsumers, decisions: DecisionsService, snapshots: TicketSnapshotsService) {
    this.ticketEvents = consumers.create('tickets', [
      onBatch(TicketCreated, (events, context) => decisions.decideForNewTickets(events, context)),
      on(TicketStatusChanged, (event, context) => snapshots.applyStatusChange(event, context)),
      on(TicketPriorityChanged, (event, context) => snapshots.applyPriorityChange(event, context)),
    ]);
  }

  @EventPattern(TOPICS.tickets)
  onTicketEvent(@Payload() batch: ReceivedBatch) {
    return this.ticketEvents.consume(batch);
  }
}
