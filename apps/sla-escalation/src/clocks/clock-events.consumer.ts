import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import {
  EntitlementChecked, TicketCommented, TicketFirstResponded, TicketPriorityChanged, TicketStatusChanged, TOPICS,
} from '@support/contracts';
import { on, type ReceivedBatch } from '@support/messaging';
import { EventConsumers, type KafkaEventConsumer } from '@support/nest-messaging';
import { ClocksService } from './clocks.service';

/** Plan decisions start and stop clocks; ticket events stop, pause, resume and re-time them. */
@Controller()
export class ClockEventsConsumer {
  private readonly entitlementEvents: KafkaEventConsumer;
  private readonly ticketEvents: KafkaEventConsumer;

  constructor(consumers: EventConsumers, clocks: ClocksService) {
    this.entitlementEvents = consumers.create('entitlements', [
      on(EntitlementChecked, (event, context) => clocks.applyDecision(event, context)),
    ]);
    this.ticketEvents = consumers.create('tickets', [
      on(TicketPriorityChanged, (event, context) => clocks.applyPriorityChange(event, context)),
      on(TicketStatusChanged, (event, context) => clocks.applyStatusChange(event, context)),
      on(TicketFirstResponded, (event, context) => clocks.applyFirstResponse(event, context)),
      on(TicketCommented, (event, context) => clocks.applyComment(event, context)),
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
