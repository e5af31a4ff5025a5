import { readFileSync } from 'node:fs';
import { schemasWithoutId } from '@asyncapi/specs';
import { EVENT_DEFINITIONS, TicketCreatedV1, TOPICS } from '@support/contracts';
import { DLQ_HEADERS } from '@support/messaging';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { buildAsyncApi, payloadSchema } from './asyncapi';
import { ASYNCAPI_FILE } from './generate';

describe('AsyncAPI document', () => {
  type Json = Record<string, any>;
  const document = buildAsyncApi() as Json;

  it('is up to date with the contract classes (regenerate: npx ts-node tools/asyncapi/generate.ts)', () => {
    expect(JSON.parse(readFileSync(ASYNCAPI_FILE, 'utf8'))).toEqual(buildAsyncApi());
  });

  it("is a valid AsyncAPI 3.0.0 document (the specification's JSON schema, offline)", () => {
    const committed = JSON.parse(readFileSync(ASYNCAPI_FILE, 'utf8')) as Record<string, unknown>;
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(schemasWithoutId['3.0.0']);
    expect(validate(committed) ? [] : validate.errors!.map((e) => `${e.instancePath} ${e.message}`)).toEqual([]);
    // the schema rejects what it should: an unknown field of a Kafka binding
    const broken = structuredClone(committed) as { channels: Record<string, { bindings: { kafka: Record<string, unknown> } }> };
    Object.values(broken.channels)[0].bindings.kafka['partition'] = 3;
    expect(validate(broken)).toBe(false);
  });

  it('resolves every $ref, and each operation sends only messages of its own channel', () => {
    const committed = JSON.parse(readFileSync(ASYNCAPI_FILE, 'utf8')) as Json;
    const resolve = (ref: string): unknown =>
      ref
        .replace(/^#\//, '')
        .split('/')
        .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
        .reduce<unknown>((node, part) => (node as Json | undefined)?.[part], committed);
    const unresolved: string[] = [];
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === 'object') {
        const ref = (node as Json)['$ref'];
        if (typeof ref === 'string' && (!ref.startsWith('#/') || resolve(ref) === undefined)) unresolved.push(ref);
        Object.values(node).forEach(walk);
      }
    };
    walk(committed);
    expect(unresolved).toEqual([]);
    for (const [id, operation] of Object.entries(committed.operations as Record<string, Json>)) {
      const channel = operation.channel.$ref as string;
      for (const message of (operation.messages ?? []) as Json[])
        expect([id, message.$ref]).toEqual([id, expect.stringMatching(`^${channel}/messages/`)]);
    }
  });

  it('writes payload and header schemas in JSON Schema draft-07 alone (ajv strict: no unknown keywords)', () => {
    const ajv = new Ajv({ strict: true, allowUnionTypes: true });
    addFormats(ajv);
    const problems: string[] = [];
    for (const [name, message] of Object.entries(document.components.messages as Record<string, Json>)) {
      for (const part of ['payload', 'headers'] as const) {
        try {
          ajv.compile(message[part]);
        } catch (error) {
          problems.push(`${name}.${part}: ${(error as Error).message}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('derives payload schemas from the validation decorators', () => {
    const schema = payloadSchema(TicketCreatedV1) as { required: string[]; properties: Record<string, Record<string, unknown>> };
    expect(schema.properties['priority']).toMatchObject({ enum: ['low', 'normal', 'high', 'urgent'] });
    expect(schema.properties['ccEmails']).toMatchObject({ type: 'array', maxItems: 20, items: { format: 'email' } });
    expect(schema.properties['accountId']['type']).toEqual(['string', 'null']);
    expect(schema.required).toContain('ticketId');
    expect(schema.required).not.toContain('meetingId');
  });

  it('names a development and a production server', () => {
    expect(document.servers.development).toMatchObject({ host: 'localhost:9092', protocol: 'kafka' });
    expect(document.servers.production).toMatchObject({ host: '{bootstrapServers}', protocol: 'kafka' });
    expect(document.servers.production.variables.bootstrapServers.default).toBeTruthy();
  });

  it('gives every topic its Kafka binding and every event its key and an example its payload schema accepts', () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    for (const topic of Object.values(TOPICS)) {
      const channel = document.channels[topic.replace(/\./g, '-')];
      expect(channel.bindings.kafka).toMatchObject({ topic, partitions: expect.any(Number) });
    }
    const messages = Object.values(document.components.messages) as Json[];
    const eventMessages = messages.filter((m) => EVENT_DEFINITIONS.has(m.name));
    expect(eventMessages.map((m) => m.name).sort()).toEqual([...EVENT_DEFINITIONS.keys()].sort());
    for (const message of eventMessages) {
      const definition = EVENT_DEFINITIONS.get(message.name)!;
      expect(message.bindings.kafka.key.type).toBe('string');
      expect(message.examples).toHaveLength(1);
      const [example] = message.examples;
      const validate = ajv.compile(message.payload);
      expect(validate(example.payload) ? [] : validate.errors).toEqual([]);
      expect(ajv.validate(message.headers, example.headers) ? [] : ajv.errors).toEqual([]);
      expect(example.payload.type).toBe(definition.type);
      expect(example.payload.subject).toBe(definition.key(example.payload.data));
    }
    // the ticket's events are keyed by the ticket id
    expect(document.components.messages.TicketCreatedV1.bindings.kafka.key.description).toMatch(/^data\.ticketId/);
    expect(document.components.messages.AccountPlanChangedV1.bindings.kafka.key.description).toMatch(/^data\.accountId/);
  });

  it('describes the dead letter: the original bytes with the dlq-* headers', () => {
    const deadLetter = document.components.messages.DeadLetter as Json;
    expect(document.channels['support-dlq'].messages.DeadLetter).toEqual({ $ref: '#/components/messages/DeadLetter' });
    expect(deadLetter.headers.required.sort()).toEqual(Object.values(DLQ_HEADERS).sort());
    expect(deadLetter.headers.properties[DLQ_HEADERS.reason].enum).toEqual(
      expect.arrayContaining(['unparseable', 'invalid_envelope', 'invalid_payload', 'unknown_type', 'unprocessable', 'handler_failed']),
    );
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    for (const example of deadLetter.examples) {
      expect(ajv.validate(deadLetter.headers, example.headers) ? [] : ajv.errors).toEqual([]);
    }
  });
});
