import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import {
  EntitlementChecked,
  KbArticlesSuggested,
  SlaBreached,
  SlaClockRetimed,
  SlaClockStarted,
  SlaClockStopped,
  SlaEscalated,
  TOPICS,
} from '@support/contracts';
import { onBatch, type ReceivedBatch } from '@support/messaging';
import { EventConsumers, type KafkaEventConsumer } from '@support/nest-messaging';
import { TicketProjections } from './ticket-projections.service';

/** Keeps each ticket's plan check, SLA state and suggested reading current from the other services' events. */
@Controller()
export class TicketEventsConsumer {
  private readonly entitlementEvents: KafkaEventConsumer;
  private readonly slaEvents: KafkaEventConsumer;
  private readonly kbEvents: KafkaEventConsumer;

  constructor(consumers: EventConsumers, projections: TicketProjections) {
    this.entitlementEvents = consumers.create('entitlements', [
      onBatch(EntitlementChecked, (events, context) => projections.applyDecisions(events, context)),
    ]);
    this.slaEvents = consumers.create('sla', [
      onBatch(SlaClockStarted, (events, context) => projections.applyClocksStarted(events, context)),
      onBatch(SlaClockRetimed, (events, context) => projections.applyClocksRetimed(events, context)),
      onBatch(SlaBreached, (events, context) => projections.applyBreaches(events, context)),
      onBatch(SlaEscalated, (events, context) => projections.applyEscalations(events, context)),
      onBatch(SlaClockStopped, (events, context) => projections.applyClocksStopped(events, context)),
    ]);
    this.kbEvents = consumers.create('kb', [
      onBatch(KbArticlesSuggested, (events, context) => projections.applySuggestions(events, context)),
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
