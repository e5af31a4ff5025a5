import { readFileSync } from 'node:fs';
import { TicketCreatedV1 } from '@support/contracts';
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
});
