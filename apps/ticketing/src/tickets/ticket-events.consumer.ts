import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import {
  EntitlementChecked, KbArticlesSuggested, SlaBreached, SlaClockRetimed, SlaClockStarted, SlaClockStopped, SlaEscalated, TOPICS,
} from '@support/contracts';
import { on, type ReceivedBatch } from '@support/messaging';
import { EventConsumers, type KafkaEventConsumer } from '@support/nest-messaging';
import { TicketsService } from './tickets.service';

/** Keeps each ticket's plan check, SLA state and suggested reading current from the other services' events. */
@Controller()
export class TicketEventsConsumer {
  private readonly entitlementEvents: KafkaEventConsumer;
  private readonly slaEvents: KafkaEventConsumer;
  private readonly kbEvents: KafkaEventConsumer;

  constructor(consumers: EventConsumers, tickets: TicketsService) {
    this.entitlementEvents = consumers.create('entitlements', [
      on(EntitlementChecked, (event, context) => tickets.applyDecision(event, context)),
    ]);
    this.slaEvents = consumers.create('sla', [
      on(SlaClockStarted, (event, context) => tickets.applyClockStarted(event, context)),
      on(SlaClockRetimed, (event, context) => tickets.applyClockRetimed(event, context)),
      on(SlaBreached, (event, context) => tickets.applyBreached(event, context)),
      on(SlaEscalated, (event, context) => tickets.applyEscalated(event, context)),
      on(SlaClockStopped, (event, context) => tickets.applyClockStopped(event, context)),
    ]);
    this.kbEvents = consumers.create('kb', [
      on(KbArticlesSuggested, (event, context) => tickets.applySuggestions(event, context)),
    ]);
  }

  @EventPattern(TOPICS.entitlements)
  onEntitlementEvent(@Payload() batch: ReceivedBatch) {
    return this.entitlementEvents.consume(batch);
  }

  @EventPattern(TOPICS.sla)
  onSlaEvent(@Payload() batch: ReceivedBatch) {
    return this.slaEvents.consume(batch);
  }

  @EventPattern(TOPICS.kb)
  onKbEvent(@Payload() batch: ReceivedBatch) {
    return this.kbEvents.consume(batch);
  }
}
