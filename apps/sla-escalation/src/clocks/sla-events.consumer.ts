import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext } from '@nestjs/microservices';
import { EntitlementChecked, TOPICS } from '@support/contracts';
import { on } from '@support/messaging';
import { EventConsumers, type KafkaEventConsumer } from '@support/nest-messaging';
import { ClocksService } from './clocks.service';

/** Plan decisions start and stop first-response clocks. */
@Controller()
export class EntitlementEventsConsumer {
  private readonly entitlementEvents: KafkaEventConsumer;

  constructor(consumers: EventConsumers, clocks: ClocksService) {
    this.entitlementEvents = consumers.create('entitlements', [
      on(EntitlementChecked, (event, context) => clocks.applyDecision(event, context)),
    ]);
  }

  @EventPattern(TOPICS.entitlements)
  onEntitlementEvent(@Ctx() context: KafkaContext) {
    return this.entitlementEvents.consume(context);
  }
}
