import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import {
  EntitlementChecked,
  TicketCommented,
  TicketFirstResponded,
  TicketPriorityChanged,
  TicketStatusChanged,
  TOPICS,
} from '@support/contracts';
import { onBatch, type ReceivedBatch } from '@support/messaging';
import { EventConsumers, type KafkaEventConsumer } from '@support/nest-messaging';
import { ClocksService } from './clocks.service';

/** Plan decisions start and stop clocks; ticket events stop, pause, resume and re-time them. */
@Controller()
export class ClockEventsConsumer {
  private readonly entitlementEvents: KafkaEventConsumer;
  private readonly ticketEvents: KafkaEventConsumer;

  constructor(consumers: EventConsumers, clocks: ClocksService) {
    this.entitlementEvents = consumers.create('entitlements', [
      onBatch(EntitlementChecked, (events, context) => clocks.applyDecisions(events, context)),
    ]);
    this.ticketEvents = consumers.create('tickets', [
      onBatch(TicketPriorityChanged, (events, context) => clocks.applyPriorityChanges(events, context)),
      onBatch(TicketStatusChanged, (events, context) => clocks.applyStatusChanges(events, context)),
      onBatch(TicketFirstResponded, (events, context) => clocks.applyFirstResponses(events, context)),
      onBatch(TicketCommented, (events, context) => clocks.applyComments(events, context)),
    ]);
  }

  @EventPattern(TOPICS.entitlements)
  onEntitlementEvent(@Payload() batch: ReceivedBatch) {
    return this.entitlementEvents.consume(batch);
  }

  @EventPattern(TOPICS.tickets)
  onTicketEvent(@Payload() batch: ReceivedBatch) {
    return this.ticketEvents.consume(batch);
  }
}
