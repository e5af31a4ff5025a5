import {
  EVENT_DEFINITIONS,
  InvalidEventError,
  parseEnvelope,
  readPayload,
  type EventDefinition,
  type SupportEvent,
} from '@support/contracts';
import type { ReceivedMessage } from './dead-letter';

/**
 * The pure stages of the consume step, in the order a message meets them:
 * parse → validate → de-duplicate (within the batch here; against the inbox in the transaction)
 * → handle (in runs of one type) → dead-letter. Each is a small function; EventConsumer strings
 * them together with the database and the broker.
 */

export interface Admitted<B> {
  message: ReceivedMessage;
  event: SupportEvent<object>;
  binding: B;
}

export type Admission<B> =
  | { kind: 'handle'; admitted: Admitted<B> }
  | { kind: 'ignore'; type: string }
  /** `type`: the event type when the envelope could be read */
  | { kind: 'dead_letter'; reason: string; detail: string; type?: string };

/** parse: the CloudEvents envelope; anything else is dead-lettered as it came. */
export function parseStage(message: ReceivedMessage): SupportEvent | InvalidEventError {
  try {
    return parseEnvelope(message.value);
  } catch (error) {
    if (error instanceof InvalidEventError) return error;
    throw error;
  }
}

/** validate: a type this consumer handles, with a payload its contract class accepts. */
export function validateStage<B extends { definition: EventDefinition }>(
  message: ReceivedMessage,
  event: SupportEvent,
  handlers: ReadonlyMap<string, B>,
): Admission<B> {
  const binding = handlers.get(event.type);
  // Topics carry several types; a known type this consumer does not handle is not an error.
  if (!binding) {
    if (EVENT_DEFINITIONS.has(event.type)) return { kind: 'ignore', type: event.type };
    return { kind: 'dead_letter', reason: 'unknown_type', detail: `unknown event type "${event.type}"`, type: event.type };
  }
  try {
    readPayload(binding.definition, event);
  } catch (error) {
    if (error instanceof InvalidEventError) return { kind: 'dead_letter', reason: error.reason, detail: error.message, type: event.type };
    throw error;
  }
  return { kind: 'handle', admitted: { message, event: event as SupportEvent<object>, binding } };
}

export function admit<B extends { definition: EventDefinition }>(message: ReceivedMessage, handlers: ReadonlyMap<string, B>): Admission<B> {
  const parsed = parseStage(message);
  if (parsed instanceof InvalidEventError) return { kind: 'dead_letter', reason: parsed.reason, detail: parsed.message };
  return validateStage(message, parsed, handlers);
}

/** de-duplicate within a batch: a producer retry can put one event id twice in one fetch. */
export function distinctEvents<B>(admitted: readonly Admitted<B>[]): { distinct: Admitted<B>[]; repeats: number } {
  const seen = new Set<string>();
  const distinct = admitted.filter((item) => {
    if (seen.has(item.event.id)) return false;
    seen.add(item.event.id);
    return true;
  });
  return { distinct, repeats: admitted.length - distinct.length };
}

/** handle: consecutive events of one type go to their handler together, so order is kept. */
export function runsOfOneType<B>(admitted: readonly Admitted<B>[]): Array<{ binding: B; events: SupportEvent<object>[] }> {
  const runs: Array<{ binding: B; events: SupportEvent<object>[] }> = [];
  for (const item of admitted) {
    const last = runs[runs.length - 1];
    if (last && last.binding === item.binding) last.events.push(item.event);
    else runs.push({ binding: item.binding, events: [item.event] });
  }
  return runs;
}
