import { createEvent, EVENT_DEFINITIONS, EVENT_EXAMPLES, TOPICS, type EventDefinition } from '@support/contracts';
import { DLQ_HEADERS } from '@support/messaging';
import { defaultMetadataStorage } from 'class-transformer/cjs/storage';
import { getMetadataStorage } from 'class-validator';

type JsonSchema = Record<string, unknown>;

const PRODUCERS: Record<string, string> = {
  [TOPICS.tickets]: 'ticketing',
  [TOPICS.entitlements]: 'entitlements',
  [TOPICS.sla]: 'sla-escalation',
  [TOPICS.kb]: 'knowledge-base',
};

/**
 * JSON Schema of a payload class, read from its class-validator decorators: the contract classes
 * are the single source, so the document cannot drift from what consumers validate.
 */
export function payloadSchema(payload: new () => object): JsonSchema {
  const metadata = getMetadataStorage().getTargetValidationMetadatas(payload, '', true, false);
  const properties: Record<string, JsonSchema> = {};
  const optional = new Set<string>();
  for (const m of metadata) {
    const schema = (properties[m.propertyName] ??= {});
    const item = m.each ? ((schema['items'] as JsonSchema) ??= {}) : schema;
    const constraints = (m.constraints ?? []) as unknown[];
    switch (m.name ?? m.type) {
      case 'isString':
        item['type'] = 'string';
        break;
      case 'isBoolean':
        item['type'] = 'boolean';
        break;
      case 'isInt':
        item['type'] = 'integer';
        break;
      case 'isNumber':
        item['type'] = 'number';
        break;
      case 'isObject':
        item['type'] = 'object';
        break;
      case 'isArray':
        schema['type'] = 'array';
        break;
      case 'isIn':
        item['enum'] = constraints[0];
        break;
      case 'isEmail':
        Object.assign(item, { type: 'string', format: 'email' });
        break;
      case 'isIso8601':
        Object.assign(item, { type: 'string', format: 'date-time' });
        break;
      case 'isNotEmpty':
        item['minLength'] = 1;
        break;
      case 'maxLength':
        item['maxLength'] = constraints[0];
        break;
      case 'arrayMaxSize':
        schema['maxItems'] = constraints[0];
        break;
      case 'min':
        item['minimum'] = constraints[0];
        break;
      default:
        if (m.type === 'conditionalValidation') optional.add(m.propertyName);
        if (m.type === 'nestedValidation') {
          const nested = defaultMetadataStorage.findTypeMetadata(payload, m.propertyName);
          const target = nested?.typeFunction({ newObject: undefined, object: {}, property: m.propertyName }) as
            (new () => object) | undefined;
          if (target) Object.assign(item, payloadSchema(target));
        }
    }
  }
  for (const name of optional) {
    const schema = properties[name];
    if (typeof schema['type'] === 'string') schema['type'] = [schema['type'], 'null'];
  }
  return {
    type: 'object',
    required: Object.keys(properties)
      .filter((p) => !optional.has(p))
      .sort(),
    properties: Object.fromEntries(Object.entries(properties).sort(([a], [b]) => a.localeCompare(b))),
  };
}

function messageName(type: string): string {
  return (
    type
      .replace(/\.v\d+$/, '')
      .split(/[._]/)
      .slice(1)
      .map((w) => w[0].toUpperCase() + w.slice(1))
      .join('') + 'V1'
  );
}

/** Kafka bindings (asyncapi/bindings kafka 0.5.0). */
const KAFKA_BINDING_VERSION = '0.5.0';
/** What the migrations job creates each topic with (KAFKA_TOPIC_PARTITIONS, default 12). */
const DEFAULT_PARTITIONS = 12;

/** Kafka headers every event carries next to its CloudEvents body. */
const EVENT_HEADERS = {
  type: 'object',
  required: ['content-type', 'correlationid'],
  properties: {
    'content-type': { const: 'application/cloudevents+json; charset=UTF-8' },
    correlationid: { type: 'string', description: "repeats the event's correlationid" },
    // W3C Trace Context of the write that produced the event: a consumer continues its trace
    traceparent: {
      type: 'string',
      pattern: '^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$',
      description: 'W3C Trace Context traceparent of the span that wrote the event',
    },
    tracestate: { type: 'string', description: 'W3C Trace Context tracestate, when the trace carries vendor state' },
  },
};

/** The payload field the message key is read from, found by applying the definition's key rule to the example. */
function keyField(definition: EventDefinition, example: Record<string, unknown>): string {
  const key = definition.key(example);
  const field = Object.keys(example).find((name) => example[name] === key);
  if (!field) throw new Error(`${definition.type}: the example's key ${key} is none of its fields`);
  return field;
}

/** When the example's event happened: its last instant that is not a deadline, a plan end or the ticket's filing. */
function eventTime(data: object): string {
  const instants = Object.entries(data).filter(
    (entry): entry is [string, string] =>
      typeof entry[1] === 'string' && /^\d{4}-\d\d-\d\dT/.test(entry[1]) && !/due|warningAt|EndsAt|ticketCreatedAt/i.test(entry[0]),
  );
  return instants[instants.length - 1]?.[1] ?? '2026-12-02T10:15:00.000Z';
}

function exampleEvent(definition: EventDefinition, data: object, index: number) {
  const producer = PRODUCERS[definition.topic];
  const event = createEvent(definition, data, {
    source: `/support/${producer}`,
    origin: {
      correlationId: 'c0ffee00-1234-4abc-9def-0123456789ab',
      ...(definition.topic === TOPICS.tickets ? {} : { causationId: '01938f4e-69f3-7a10-9b1a-2c3d4e5f6a7b' }),
    },
    id: `01938f4e-69f3-7a10-9b1a-${String(index).padStart(12, '0')}`,
    time: new Date(eventTime(data)),
  });
  return {
    name: definition.type
      .replace(/\.v\d+$/, '')
      .split('.')
      .slice(1)
      .join('-'),
    summary: `a ${definition.type} message as ${producer} publishes it`,
    headers: {
      'content-type': 'application/cloudevents+json; charset=UTF-8',
      correlationid: event.correlationid,
      traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
    },
    payload: event,
  };
}

function deadLetterMessage(): Record<string, unknown> {
  const header = (description: string, extra: Record<string, unknown> = {}) => ({ type: 'string', description, ...extra });
  const ticketCreated = [...EVENT_EXAMPLES].find(([d]) => d.type === 'support.ticket.created.v1');
  const original = ticketCreated ? exampleEvent(ticketCreated[0], ticketCreated[1], 0) : null;
  return {
    name: 'dead-letter',
    title: 'Dead letter',
    summary: 'a message a consumer could not process, parked with the reason',
    description:
      'The original key and value, byte for byte (usually a CloudEvent of another channel, but whatever could not be parsed too), ' +
      'with the original headers and these added. Replay: publish the value with its key back to dlq-origin-topic; consumers de-duplicate by id.',
    contentType: 'application/octet-stream',
    headers: {
      type: 'object',
      required: Object.values(DLQ_HEADERS),
      additionalProperties: { type: 'string', description: "the original message's headers" },
      properties: {
        [DLQ_HEADERS.originTopic]: header('topic the message was read from', {
          enum: Object.values(TOPICS).filter((t) => t !== TOPICS.deadLetter),
        }),
        [DLQ_HEADERS.originPartition]: header('its partition', { pattern: '^[0-9]+$' }),
        [DLQ_HEADERS.originOffset]: header('its offset', { pattern: '^[0-9]+$' }),
        [DLQ_HEADERS.consumer]: header('the consumer (service) that gave up', {
          enum: ['ticketing', 'entitlements', 'sla-escalation', 'knowledge-base'],
        }),
        [DLQ_HEADERS.reason]: header(
          'unparseable, invalid_envelope, invalid_payload or unknown_type: dead-lettered at once; unprocessable: the handler refused it for good; handler_failed: 5 attempts failed',
          { enum: ['unparseable', 'invalid_envelope', 'invalid_payload', 'unknown_type', 'unprocessable', 'handler_failed'] },
        ),
        [DLQ_HEADERS.error]: header('the error message', { maxLength: 2000 }),
        [DLQ_HEADERS.failedAt]: header('when the consumer gave up', { format: 'date-time' }),
      },
    },
    payload: { description: 'the original value, unchanged (may be empty, or not JSON at all)' },
    bindings: { kafka: { key: { type: 'string', description: 'the original key, unchanged' }, bindingVersion: KAFKA_BINDING_VERSION } },
    examples: original
      ? [
          {
            name: 'handler-failed',
            summary: 'a support.ticket.created.v1 message entitlements failed five times to handle',
            headers: {
              ...original.headers,
              [DLQ_HEADERS.originTopic]: TOPICS.tickets,
              [DLQ_HEADERS.originPartition]: '7',
              [DLQ_HEADERS.originOffset]: '10452',
              [DLQ_HEADERS.consumer]: 'entitlements',
              [DLQ_HEADERS.reason]: 'handler_failed',
              [DLQ_HEADERS.error]: "5 attempts: ER_NO_SUCH_TABLE: Table 'support_entitlements.plan' doesn't exist",
              [DLQ_HEADERS.failedAt]: '2026-12-02T10:15:04.118Z',
            },
            payload: original.payload,
          },
        ]
      : [],
  };
}

export function buildAsyncApi(): Record<string, unknown> {
  const definitions = [...EVENT_DEFINITIONS.values()] as EventDefinition[];
  const channels: Record<string, unknown> = {};
  const operations: Record<string, unknown> = {};
  const messages: Record<string, unknown> = {};
  for (const topic of Object.values(TOPICS)) {
    const ofTopic = definitions.filter((d) => d.topic === topic);
    const channelId = topic.replace(/\./g, '-');
    const isDeadLetter = topic === TOPICS.deadLetter;
    channels[channelId] = {
      address: topic,
      description: isDeadLetter
        ? `Messages a consumer could not process, byte for byte, with headers ${Object.values(DLQ_HEADERS).join(', ')} (docs/events.md, Dead letters).`
        : `Events of ${PRODUCERS[topic]}. Key: the aggregate id (the ticket id for everything about a ticket), so one key's events stay in one partition, in commit order.`,
      messages: isDeadLetter
        ? { DeadLetter: { $ref: '#/components/messages/DeadLetter' } }
        : Object.fromEntries(ofTopic.map((d) => [messageName(d.type), { $ref: `#/components/messages/${messageName(d.type)}` }])),
      bindings: {
        kafka: {
          topic,
          partitions: DEFAULT_PARTITIONS,
          topicConfiguration: { 'cleanup.policy': ['delete'] },
          bindingVersion: KAFKA_BINDING_VERSION,
        },
      },
    };
    if (isDeadLetter) {
      operations['park-dead-letters'] = {
        action: 'send',
        channel: { $ref: `#/channels/${channelId}` },
        summary: 'every consumer parks what it cannot process',
        messages: [{ $ref: `#/channels/${channelId}/messages/DeadLetter` }],
      };
      messages['DeadLetter'] = deadLetterMessage();
    }
    if (ofTopic.length > 0) {
      operations[`publish-${channelId}`] = {
        action: 'send',
        channel: { $ref: `#/channels/${channelId}` },
        summary: `${PRODUCERS[topic]} publishes through its transactional outbox`,
      };
    }
    for (const d of ofTopic) {
      const example = EVENT_EXAMPLES.get(d) as Record<string, unknown> | undefined;
      if (!example) throw new Error(`${d.type} has no example in tools/asyncapi/examples.ts`);
      const key = keyField(d, example);
      messages[messageName(d.type)] = {
        name: d.type,
        contentType: 'application/cloudevents+json',
        summary: d.type,
        correlationId: { $ref: '#/components/correlationIds/correlationid' },
        headers: EVENT_HEADERS,
        bindings: {
          kafka: {
            key: {
              type: 'string',
              description: `data.${key}${key === 'ticketId' ? ' (the ticket id)' : ''}: one ${key.replace(/Id$/, '')}'s events stay in one partition, in order`,
            },
            bindingVersion: KAFKA_BINDING_VERSION,
          },
        },
        examples: [exampleEvent(d, example, [...EVENT_EXAMPLES.keys()].indexOf(d) + 1)],
        payload: {
          type: 'object',
          required: ['specversion', 'id', 'source', 'type', 'time', 'subject', 'datacontenttype', 'correlationid', 'data'],
          properties: {
            specversion: { const: '1.0' },
            id: { type: 'string', description: 'unique; consumers deduplicate by it' },
            source: { type: 'string', examples: [`/support/${PRODUCERS[topic]}`] },
            type: { const: d.type },
            time: { type: 'string', format: 'date-time' },
            subject: { type: 'string', description: 'the aggregate id' },
            datacontenttype: { const: 'application/json' },
            correlationid: { type: 'string', description: 'the id shared by every event of one flow' },
            causationid: { type: 'string', description: 'the id of the event this one reacts to' },
            data: payloadSchema(d.payload as new () => object),
          },
        },
      };
    }
  }
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Support desk events',
      version: '1.0.0',
      description:
        'CloudEvents 1.0 structured-mode JSON messages. Delivery is at least once; deduplicate by id. An event exists if and only if the change that caused it was committed (transactional outbox). Generated from libs/contracts by `npx ts-node tools/asyncapi/generate.ts`.',
    },
    defaultContentType: 'application/cloudevents+json',
    servers: {
      development: {
        host: 'localhost:9092',
        protocol: 'kafka',
        description:
          "The development broker `npm start` runs when KAFKA_BROKERS is unset (librdkafka's mock cluster through kcat; it keeps nothing across restarts, and auto-creates topics). Plaintext, no authentication.",
        tags: [{ name: 'env:development' }],
      },
      production: {
        host: '{bootstrapServers}',
        protocol: 'kafka',
        description:
          "The platform team's cluster: the services read it from KAFKA_BROKERS. TLS with KAFKA_SSL=true (KAFKA_SSL_CA_FILE, KAFKA_SSL_REJECT_UNAUTHORIZED); SASL with KAFKA_SASL_MECHANISM (plain, scram-sha-256, scram-sha-512), KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD. Topics are created by the migrations job with KAFKA_TOPIC_PARTITIONS partitions (default 12) and KAFKA_TOPIC_REPLICATION_FACTOR.",
        variables: {
          bootstrapServers: {
            default: 'kafka-1:9092',
            description: 'one bootstrap server of KAFKA_BROKERS (comma-separated host:port list)',
          },
        },
        security: [{ $ref: '#/components/securitySchemes/saslScram' }, { $ref: '#/components/securitySchemes/saslPlain' }],
        tags: [{ name: 'env:production' }],
      },
    },
    channels,
    operations,
    components: {
      messages,
      correlationIds: {
        correlationid: {
          description:
            'shared by every event of one flow (the HTTP request that started it, then each reaction); also in the correlationid header',
          location: '$message.payload#/correlationid',
        },
      },
      securitySchemes: {
        saslScram: {
          type: 'scramSha512',
          description: 'KAFKA_SASL_MECHANISM=scram-sha-512 (or scram-sha-256), usually with KAFKA_SSL=true',
        },
        saslPlain: { type: 'plain', description: 'KAFKA_SASL_MECHANISM=plain; only over TLS (KAFKA_SSL=true)' },
      },
    },
  };
}
