import { EVENT_EXAMPLES, type EventDefinition } from '@support/contracts';

/** The contract's example `data` of an event, typed by its payload class (the diagnostics build their events from them). */
export function exampleOf<T extends object>(definition: EventDefinition<T>): T {
  return EVENT_EXAMPLES.get(definition as unknown as EventDefinition) as T;
}
