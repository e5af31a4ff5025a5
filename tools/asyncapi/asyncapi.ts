import { EVENT_DEFINITIONS, TOPICS, type EventDefinition } from '@support/contracts';
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
      case 'isString': item['type'] = 'string'; break;
      case 'isBoolean': item['type'] = 'boolean'; break;
      case 'isInt': item['type'] = 'integer'; break;
      case 'isNumber': item['type'] = 'number'; break;
      case 'isObject': item['type'] = 'object'; break;
      case 'isArray': schema['type'] = 'array'; break;
      case 'isIn': item['enum'] = constraints[0]; break;
      case 'isEmail': Object.assign(item, { type: 'string', format: 'email' }); break;
      case 'isIso8601': Object.assign(item, { type: 'string', format: 'date-time' }); break;
      case 'isNotEmpty': item['minLength'] = 1; break;
      case 'maxLength': item['maxLength'] = constraints[0]; break;
      case 'arrayMaxSize': schema['maxItems'] = constraints[0]; break;
      case 'min': item['minimum'] = constraints[0]; break;
      default:
        if (m.type === 'conditionalValidation') optional.add(m.propertyName);
        if (m.type === 'nestedValidation') {
          const nested = defaultMetadataStorage.findTypeMetadata(payload, m.propertyName);
          const target = nested?.typeFunction() as (new () => object) | undefined;
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
    required: Object.keys(properties).filter((p) => !optional.has(p)).sort(),
    properties: Object.fromEntries(Object.entries(properties).sort(([a], [b]) => a.localeCompare(b))),
  };
}

function messageName(type: string): string {
  return type.replace(/\.v\d+$/, '').split(/[._]/).slice(1).map((w) => w[0].toUpperCase() + w.slice(1)).join('') + 'V1';
}

export function buildAsyncApi(): Record<string, unknown> {
  const definitions = [...EVENT_DEFINITIONS.values()] as EventDefinition[];
  const channels: Record<string, unknown> = {};
  const operations: Record<string, unknown> = {};
  const messages: Record<string, unknown> = {};
  for (const topic of Object.values(TOPICS)) {
    const ofTopic = definitions.filter((d) => d.topic === topic);
    const channelId = topic.replace(/\./g, '-');
    channels[channelId] = {
      address: topic,
      description:
        topic === TOPICS.deadLetter
          ? 'Messages a consumer could not process, byte for byte, with headers dlq-origin-topic, dlq-origin-partition, dlq-origin-offset, dlq-consumer, dlq-reason, dlq-error, dlq-failed-at.'
          : `Events of ${PRODUCERS[topic]}. Key: the aggregate id (the ticket id for everything about a ticket).`,
      messages: Object.fromEntries(ofTopic.map((d) => [messageName(d.type), { $ref: `#/components/messages/${messageName(d.type)}` }])),
    };
    if (ofTopic.length > 0) {
      operations[`publish-${channelId}`] = {
        action: 'send',
        channel: { $ref: `#/channels/${channelId}` },
        summary: `${PRODUCERS[topic]} publishes through its transactional outbox`,
      };
    }
    for (const d of ofTopic) {
      messages[messageName(d.type)] = {
        name: d.type,
        contentType: 'application/cloudevents+json',
        summary: d.type,
        headers: {
          type: 'object',
          properties: {
            'content-type': { const: 'application/cloudevents+json; charset=UTF-8' },
            correlationid: { type: 'string' },
            // W3C Trace Context of the write that produced the event: a consumer continues its trace
            traceparent: { type: 'string', pattern: '^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$', description: 'W3C Trace Context traceparent of the span that wrote the event' },
            tracestate: { type: 'string', description: 'W3C Trace Context tracestate, when the trace carries vendor state' },
          },
        },
        payload: {
          type: 'object',
          required: ['specversion', 'id', 'source', 'type', 'time', 'subject', 'datacontenttype', 'correlationid', 'data'],
          properties: {
            specversion: { const: '1.0' },
            id: { type: 'string', description: 'unique; consumers deduplicate by it' },
            source: { type: 'string', example: `/support/${PRODUCERS[topic]}` },
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
    channels,
    operations,
    components: { messages },
  };
}
