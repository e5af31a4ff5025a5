export * from './kafka-settings';
export * from './key-partitioner';
export * from './kafkajs-idle-timers';
export * from './outbox-message.entity';
export * from './inbox-event.entity';
export * from './messaging.migration';
export * from './outbox';
export * from './outbox-relay';
export * from './polling-loop';
export * from './consistency-counters';
export * from './inbox';
export * from './dead-letter';
export * from './event-consumer';
export * from './consume-stages';
export * from './consumer-failures';
export * from './consumer-failure.entity';
export * from './transient-retry';
export * from './broker-probe';
export * from './consumer-supervisor';
export * from './periodic-offset-commits';
export * from './partition-lanes';
export * from './messaging-telemetry';

import { InboxEvent } from './inbox-event.entity';
import { ConsumerFailure } from './consumer-failure.entity';
import {
  AddOutboxTraceContext1765100000000,
  CreateConsumerFailures1764900000000,
  CreateMessagingTables1763800000000,
  OutboxMarkInPlace1765200000000,
} from './messaging.migration';
import { OutboxMessage } from './outbox-message.entity';
/** Entities and migrations every service registers with its data source. */
export const MESSAGING_ENTITIES = [OutboxMessage, InboxEvent, ConsumerFailure];
export const MESSAGING_MIGRATIONS = [
  CreateMessagingTables1763800000000,
  CreateConsumerFailures1764900000000,
  AddOutboxTraceContext1765100000000,
  OutboxMarkInPlace1765200000000,
];
export * from './topics';
