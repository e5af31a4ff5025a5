import { readFileSync } from 'node:fs';
import { EVENT_DEFINITIONS, TicketCreatedV1, TOPICS } from '@support/contracts';
import { DLQ_HEADERS } from '@support/messaging';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { buildAsyncApi, payloadSchema } from './asyncapi';
import { ASYNCAPI_FILE } from './generate';

describe('AsyncAPI document', () => {
  it('is up to date with the contract classes (regenerate: npx ts-node tools/asyncapi/generate.ts)', () => {
    expect(JSON.parse(readFileSync(ASYNCAPI_FILE, 'utf8'))).toEqual(buildAsyncApi());
  });

  it('derives payload schemas from the validation decorators', () => {
    const schema = payloadSchema(TicketCreatedV1) as { required: string[]; properties: Record<string, Record<string, unknown>> };
    expect(schema.properties['priority']).toMatchObject({ enum: ['low', 'normal', 'high', 'urgent'] });
    expect(schema.properties['ccEmails']).toMatchObject({ type: 'array', maxItems: 20, items: { format: 'email' } });
    expect(schema.properties['accountId']['type']).toEqual(['string', 'null']);
    expect(schema.required).toContain('ticketId');
    expect(schema.required).not.toContain('meetingId');
  });

  type Json = Record<string, any>;
  const document = buildAsyncApi() as Json;

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
