import { CloudEvent } from 'cloudevents';

/**
 * A quick yes for a CloudEvents envelope, in the spirit of `payload-check.ts`: true only when
 * the `cloudevents` library (`new CloudEvent(candidate, true)`, its JSON schema and its attribute
 * rules) would certainly accept it. Anything it is not sure of goes to the library, which decides
 * and names the problem. Constructing the library's event cost 5–10 µs per event (a copy with
 * deletes, a frozen object, the schema's URI and date-time formats), on every event a service
 * produces and consumes.
 *
 * It is sure of an envelope that has only the attributes the platform writes (contracts.md), each
 * a non-empty string (`causationid` may be absent, but not present and undefined: the library refuses that), `specversion` "1.0", `datacontenttype`
 * "application/json", a `time` in the one form `Date#toISOString` writes and that reads back to
 * itself (so a real instant, RFC 3339), and a `source` the library has accepted before in this
 * process (the schema's URI-reference rule is the library's, not copied here). A source is only
 * remembered after the library accepted a whole envelope carrying it, and at most
 * MAX_REMEMBERED_SOURCES of them, so events from many sources cannot grow the set.
 */
export function isSurelyValidEnvelope(candidate: Readonly<Record<string, unknown>>): boolean {
  for (const attribute in candidate) if (!PLATFORM_ATTRIBUTES.has(attribute)) return false;
  const { id, source, type, subject, correlationid, causationid } = candidate;
  return (
    candidate['specversion'] === '1.0' &&
    candidate['datacontenttype'] === 'application/json' &&
    nonEmptyString(id) &&
    nonEmptyString(type) &&
    nonEmptyString(subject) &&
    nonEmptyString(correlationid) &&
    (nonEmptyString(causationid) || !('causationid' in candidate)) &&
    isCanonicalInstant(candidate['time']) &&
    typeof source === 'string' &&
    acceptedSources.has(source)
  );
}

/**
 * Throws the library's error when it refuses the envelope (`CloudEvent`'s strict constructor);
 * when it accepts it, remembers its source for isSurelyValidEnvelope.
 */
export function checkEnvelopeWithLibrary(candidate: Readonly<Record<string, unknown>>): void {
  new CloudEvent(candidate as Record<string, unknown> & { type: string; source: string }, true);
  const source = candidate['source'];
  if (typeof source === 'string' && source.length > 0 && acceptedSources.size < MAX_REMEMBERED_SOURCES) acceptedSources.add(source);
}

/** The attributes the platform's events carry: the spec's, plus the correlationid and causationid extensions. */
const PLATFORM_ATTRIBUTES = new Set([
  'id',
  'time',
  'type',
  'source',
  'specversion',
  'datacontenttype',
  'subject',
  'data',
  'correlationid',
  'causationid',
]);

/** a service has one source; consumers read the few services they listen to */
const MAX_REMEMBERED_SOURCES = 64;
const acceptedSources = new Set<string>();

function nonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0;
}

/** `YYYY-MM-DDTHH:mm:ss.sssZ` that parses to an instant writing back the same text. */
function isCanonicalInstant(value: unknown): boolean {
  if (typeof value !== 'string' || value.length !== 24 || value.charCodeAt(23) !== 90 /* Z */) return false;
  const instant = new Date(value);
  return !Number.isNaN(instant.getTime()) && instant.toISOString() === value;
}
