import { ValidationError as CloudEventValidationError } from 'cloudevents';
import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { v7 as uuidv7 } from 'uuid';
import { checkEnvelopeWithLibrary, isSurelyValidEnvelope } from './envelope-check';
import type { EventDefinition } from './event-definition';
import { payloadCheck } from './payload-check';

/** The CloudEvents 1.0 structured-mode message every service publishes (contracts.md). */
export interface SupportEvent<T = unknown> {
  specversion: '1.0';
  id: string;
  source: string;
  type: string;
  time: string;
  subject: string;
  datacontenttype: 'application/json';
  correlationid: string;
  /** id of the event that caused this one, when there is one */
  causationid?: string;
  data: T;
}

export const CLOUDEVENTS_CONTENT_TYPE = 'application/cloudevents+json; charset=UTF-8';

export interface EventOrigin {
  /** the correlation id carried from the request or event that started the flow */
  correlationId: string;
  /** the id of the event being handled when this one is a reaction to it */
  causationId?: string;
}

export function createEvent<T extends object>(
  definition: EventDefinition<T>,
  data: T,
  options: { source: string; origin: EventOrigin; id?: string; time?: Date },
): SupportEvent<T> {
  return encodeEvent(definition, data, options).event;
}

/**
 * An event in its wire form: the JSON text the outbox stores and the relay sends, with the
 * attributes a writer files it under. `event`, the envelope read back from that text (a plain
 * copy: the caller's payload object is not shared, undefined members are dropped), is parsed on
 * first use only: the outbox's hot path never reads it, and parsing every event it writes cost
 * as much again as serialising it.
 */
export class EncodedEvent<T = unknown> {
  private parsed: SupportEvent<T> | undefined;

  constructor(
    readonly id: string,
    readonly type: string,
    /** the event's `time` attribute */
    readonly time: Date,
    readonly json: string,
  ) {}

  get event(): SupportEvent<T> {
    if (this.parsed === undefined) this.parsed = JSON.parse(this.json) as SupportEvent<T>;
    return this.parsed;
  }
}

/**
 * createEvent, with the event's wire form: the JSON text that `event` is read back from (what
 * the outbox stores and the relay sends), so a writer need not serialise it again.
 */
export function encodeEvent<T extends object>(
  definition: EventDefinition<T>,
  data: T,
  options: { source: string; origin: EventOrigin; id?: string; time?: Date },
): EncodedEvent<T> {
  const problems = validatePayload(definition, data);
  if (problems.length > 0) {
    throw new InvalidEventError('invalid_payload', `${definition.type}: ${problems.join('; ')}`);
  }
  // time-ordered (UUID v7): event ids are keys of the consumers' inboxes (kept 14 days) and of the
  // outbox, where random ones land anywhere in the index (bench/profile-event-ids.ts)
  const id = options.id || uuidv7();
  const time = options.time ?? new Date();
  // the attributes in the order the library's CloudEvent writes them, so the bytes are the same
  const envelope: Record<string, unknown> = {
    id,
    time: time.toISOString(),
    type: definition.type,
    source: options.source,
    specversion: '1.0',
    datacontenttype: 'application/json',
    subject: definition.subject(data),
    data,
    correlationid: options.origin.correlationId,
  };
  if (options.origin.causationId) envelope['causationid'] = options.origin.causationId;
  if (!isSurelyValidEnvelope(envelope)) checkEnvelopeWithLibrary(envelope);
  return new EncodedEvent<T>(id, definition.type, time, JSON.stringify(envelope));
}

export type InvalidEventReason = 'unparseable' | 'invalid_envelope' | 'invalid_payload' | 'unknown_type';

export class InvalidEventError extends Error {
  constructor(
    readonly reason: InvalidEventReason,
    message: string,
  ) {
    super(message);
    this.name = 'InvalidEventError';
  }
}

/** Parses raw message bytes into a CloudEvents envelope, checking the spec's required attributes. */
export function parseEnvelope(raw: Buffer | string | null | undefined): SupportEvent {
  if (raw === null || raw === undefined || raw.length === 0) {
    throw new InvalidEventError('unparseable', 'message has no value');
  }
  let json: unknown;
  try {
    json = JSON.parse(raw.toString());
  } catch (error) {
    throw new InvalidEventError('unparseable', `value is not JSON: ${(error as Error).message}`);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new InvalidEventError('invalid_envelope', 'value is not a CloudEvents JSON object');
  }
  const candidate = json as Record<string, unknown>;
  if (candidate['specversion'] !== '1.0') {
    throw new InvalidEventError('invalid_envelope', `specversion must be "1.0", got ${JSON.stringify(candidate['specversion'])}`);
  }
  try {
    if (!isSurelyValidEnvelope(candidate)) checkEnvelopeWithLibrary(candidate);
  } catch (error) {
    const detail =
      error instanceof CloudEventValidationError && error.errors?.length
        ? error.errors.map((e) => (typeof e === 'string' ? e : `${e.instancePath || '/'} ${e.message}`)).join('; ')
        : (error as Error).message;
    throw new InvalidEventError('invalid_envelope', `not a valid CloudEvent: ${detail}`);
  }
  for (const attribute of ['subject', 'time', 'correlationid'] as const) {
    if (typeof candidate[attribute] !== 'string' || (candidate[attribute] as string).length === 0) {
      throw new InvalidEventError('invalid_envelope', `attribute "${attribute}" is required`);
    }
  }
  if (candidate['datacontenttype'] !== 'application/json' || typeof candidate['data'] !== 'object' || candidate['data'] === null) {
    throw new InvalidEventError('invalid_envelope', 'data must be a JSON object with datacontenttype application/json');
  }
  return candidate as unknown as SupportEvent;
}

/**
 * Validates an event's data against its payload class; returns problems naming each field. Valid
 * data usually gets its answer from the payload class's quick check (`payload-check.ts`); anything
 * else goes through class-transformer and class-validator, which name the problems.
 */
export function validatePayload<T extends object>(definition: EventDefinition<T>, data: unknown): string[] {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return ['data must be an object'];
  if (payloadCheck(definition.payload)?.(data as Record<string, unknown>)) return [];
  const instance = plainToInstance(definition.payload, data);
  return flatten(validateSync(instance as object, { forbidUnknownValues: false }));
}

/** Returns the event with its data as a validated payload instance, or throws InvalidEventError. */
export function readPayload<T extends object>(definition: EventDefinition<T>, event: SupportEvent): SupportEvent<T> {
  const problems = validatePayload(definition, event.data);
  if (problems.length > 0) {
    throw new InvalidEventError('invalid_payload', `${definition.type}: ${problems.join('; ')}`);
  }
  return event as SupportEvent<T>;
}

function flatten(errors: ValidationError[], prefix = ''): string[] {
  return errors.flatMap((error) => {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => `${path}: ${message}`);
    return own.concat(flatten(error.children ?? [], path));
  });
}
