import { CloudEvent } from 'cloudevents';
import { createEvent, encodeEvent, InvalidEventError, parseEnvelope } from './envelope';
import { checkEnvelopeWithLibrary, isSurelyValidEnvelope } from './envelope-check';
import { EVENT_EXAMPLES } from './examples';
import { ODD_VALUES as COMMON_ODD_VALUES } from '../test/odd-values';

/** The reference: the library's strict constructor, which parseEnvelope and createEvent used on every event before. */
function libraryAccepts(candidate: Record<string, unknown>): boolean {
  try {
    new CloudEvent(candidate as Record<string, unknown> & { type: string; source: string }, true);
    return true;
  } catch {
    return false;
  }
}

const SOURCE = '/support/ticketing';
const origin = { correlationId: 'corr-1', causationId: '0190a0a0-0000-7000-8000-0000000000c1' };

/** Values a wrong or hostile producer could put in any attribute, and the forms of the platform's own values. */
const ODD_VALUES: unknown[] = [
  ...COMMON_ODD_VALUES,
  '1.0',
  '0.3',
  'application/json',
  'text/plain',
  '2026-12-02T10:15:00.000Z',
  '2026-12-02T10:15:00Z',
  '2026-12-02t10:15:00.000z',
  '2026-12-02 10:15:00.000Z',
  '2026-02-30T10:15:00.000Z',
  '2026-12-02T24:00:00.000Z',
  '2026-12-02T10:15:00.000+01:00',
  '+02026-12-02T10:15:00.000Z',
  'not a time',
  'has spaces and {braces}',
  'https://example.com/a path',
  '//host/%zz',
];

/** Attributes a message may carry besides the platform's own. */
const EXTRA_ATTRIBUTES: Array<[string, unknown]> = [
  ['schemaurl', 'https://example.com/schema'],
  ['dataschema', 'https://example.com/schema'],
  ['dataschema', 'not a uri'],
  ['data_base64', 'Zm9v'],
  ['datacontentencoding', 'base64'],
  ['traceparent', '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01'],
  ['Upper', 'x'],
  ['with-dash', 'x'],
  ['n', 1.5],
  ['o', { a: 1 }],
];

describe('isSurelyValidEnvelope (the quick yes before the cloudevents library)', () => {
  const envelopes = [...EVENT_EXAMPLES].map(
    ([definition, data]) =>
      JSON.parse(JSON.stringify(createEvent(definition, data, { source: SOURCE, origin }))) as Record<string, unknown>,
  );

  it('writes the bytes the library wrote for every example', () => {
    for (const [definition, data] of EVENT_EXAMPLES) {
      const time = new Date('2026-12-02T10:15:00.000Z');
      const { event, json } = encodeEvent(definition, data, { source: SOURCE, origin, id: 'event-1', time });
      const library = new CloudEvent({
        specversion: '1.0',
        id: 'event-1',
        source: SOURCE,
        type: definition.type,
        time: time.toISOString(),
        subject: definition.subject(data),
        datacontenttype: 'application/json',
        correlationid: origin.correlationId,
        causationid: origin.causationId,
        data,
      });
      expect(json).toBe(JSON.stringify(library));
      expect(event).toEqual(JSON.parse(json));
      expect(event.data).not.toBe(data);
    }
  });

  it('says yes to every example once the library has accepted its source', () => {
    for (const envelope of envelopes) expect(isSurelyValidEnvelope(envelope)).toBe(true);
    // a source no envelope the library accepted has carried: the library decides, then it is known
    const elsewhere = { ...envelopes[0], source: 'urn:support:elsewhere' };
    expect(isSurelyValidEnvelope(elsewhere)).toBe(false);
    checkEnvelopeWithLibrary(elsewhere);
    expect(isSurelyValidEnvelope(elsewhere)).toBe(true);
  });

  it('says yes only where the library accepts: every attribute set to odd values, removed, or joined by others', () => {
    let checked = 0;
    let quick = 0;
    for (const envelope of envelopes.slice(0, 4)) {
      const variants: Record<string, unknown>[] = [];
      for (const attribute of Object.keys(envelope)) {
        for (const value of ODD_VALUES) variants.push({ ...envelope, [attribute]: value });
        const { [attribute]: _removed, ...without } = envelope;
        variants.push(without);
      }
      for (const [name, value] of EXTRA_ATTRIBUTES) variants.push({ ...envelope, [name]: value });
      for (const variant of variants) {
        checked += 1;
        if (!isSurelyValidEnvelope(variant)) continue;
        quick += 1;
        expect({ variant, accepted: libraryAccepts(variant) }).toEqual({ variant, accepted: true });
      }
    }
    expect(checked).toBeGreaterThan(1000);
    // the canonical values among the odd ones (a right time, "1.0", "application/json") are quick yeses too
    expect(quick).toBeGreaterThan(0);
  });

  it('leaves to the library what it is not sure of, and parseEnvelope still names the problem', () => {
    const [envelope] = envelopes;
    for (const variant of [
      { ...envelope, time: '2026-12-02T10:15:00Z' },
      { ...envelope, time: '2026-02-30T10:15:00.000Z' },
      { ...envelope, dataschema: 'https://example.com/schema' },
      { ...envelope, schemaurl: 'https://example.com/schema' },
      { ...envelope, source: 'https://example.com/a path' },
      { ...envelope, Upper: 'x' },
    ]) {
      expect(isSurelyValidEnvelope(variant)).toBe(false);
    }
    // valid, though not in the platform's own form: the library accepts it
    expect(() => parseEnvelope(JSON.stringify({ ...envelope, time: '2026-12-02T10:15:00Z' }))).not.toThrow();
    // refused by the library, with its reason
    for (const variant of [
      { ...envelope, schemaurl: 'https://example.com/schema' },
      { ...envelope, Upper: 'x' },
      { ...envelope, time: '2026-02-30T10:15:00.000Z' },
    ]) {
      expect(() => parseEnvelope(JSON.stringify(variant))).toThrow(InvalidEventError);
    }
  });

  it('remembers a bounded number of sources', () => {
    const [envelope] = envelopes;
    for (let index = 0; index < 200; index += 1) checkEnvelopeWithLibrary({ ...envelope, source: `urn:source:${index}` });
    expect(isSurelyValidEnvelope({ ...envelope, source: 'urn:source:199' })).toBe(false);
    expect(isSurelyValidEnvelope(envelope)).toBe(true);
  });
});
