import { queryDatabase, waitFor } from '@support/testing';
import { TicketingHarness, validForm } from './support/ticketing-harness';

describe('filing a ticket (ticketing alone, real Kafka and MariaDB)', () => {
  let harness: TicketingHarness;
  let alice: string;
  let bob: string;

  beforeAll(async () => {
    harness = await TicketingHarness.start('filing');
    alice = await TicketingHarness.token({ sub: 'alice', role: 'customer', account_id: 'acct-pro' });
    bob = await TicketingHarness.token({ sub: 'bob', role: 'customer', account_id: 'acct-pro' });
  });

  afterAll(async () => {
    await harness?.stop();
  });

  const post = (token: string, body: unknown, headers: Record<string, string> = {}) =>
    harness.call('POST', '/v1/tickets', token, body, headers);

  async function ticketCount(requester: string): Promise<number> {
    const rows = await queryDatabase(harness.database, 'SELECT COUNT(*) AS n FROM ticket WHERE requester_id = ?', [requester]);
    return Number(rows[0].n);
  }

  describe('the form', () => {
    it('files a valid ticket for the caller and announces it keyed by the ticket id', async () => {
      const response = await post(alice, validForm({ priority: 'high', device: 'web' }));
      expect(response.status).toBe(201);
      const ticket = response.body;
      expect(ticket).toMatchObject({
        status: 'new',
        statusReason: null,
        priority: 'high',
        device: 'web',
        requesterId: 'alice',
        accountId: 'acct-pro',
        entitlement: { status: 'pending' },
        sla: { firstResponseDueAt: null, breached: false, escalationLevel: 0 },
        suggestedArticles: [],
        attachments: [],
        comments: [],
      });
      expect(ticket.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-/);
      expect(ticket.statusHistory).toEqual([
        { previousStatus: null, status: 'new', reason: null, changedBy: 'alice', changedAt: ticket.createdAt },
      ]);

      const created = await harness.probe.waitForEvent<any>('support.ticket.created.v1', (e) => e.subject === ticket.id);
      expect(created.data).toMatchObject({
        ticketId: ticket.id,
        requesterId: 'alice',
        accountId: 'acct-pro',
        priority: 'high',
        createdAt: ticket.createdAt,
      });
      expect(created.source).toBe('/support/ticketing');
      const message = harness.probe.messages.find((m) => m.event?.id === created.id)!;
      expect(message.key).toBe(ticket.id);

      const read = await harness.call('GET', `/v1/tickets/${ticket.id}`, alice);
      expect(read.status).toBe(200);
      expect(read.body).toEqual(ticket);
    });

    it('trims the subject, drops repeated CC addresses whatever their case, and keeps only the meeting ID digits', async () => {
      const ticket = await harness.fileTicket(alice, {
        subject: '   Echo on every call \t',
        ccEmails: ['Boss@Example.com', ' ops@example.com ', 'boss@example.COM', 'OPS@example.com'],
        meetingId: ' 123-456 7890 ',
        occurredAt: '2026-01-05T09:30:00+01:00',
      });
      expect(ticket.subject).toBe('Echo on every call');
      expect(ticket.ccEmails).toEqual(['Boss@Example.com', 'ops@example.com']);
      expect(ticket.meetingId).toBe('1234567890');
      expect(ticket.occurredAt).toBe('2026-01-05T08:30:00.000Z');
    });

    it('names every invalid field, and every unknown one, in a single 400', async () => {
      const response = await post(alice, {
        subject: '    ',
        description: '',
        priority: 'whenever',
        device: 'fax',
        ccEmails: ['not-an-address'],
        meetingId: '12-34',
        occurredAt: new Date(Date.now() + 3600_000).toISOString(),
        requesterId: 'mallory',
        status: 'solved',
      });
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('validation_failed');
      const fields = response.body.errors.map((e: { field: string }) => e.field).sort();
      expect(fields).toEqual([
        'ccEmails',
        'description',
        'device',
        'meetingId',
        'occurredAt',
        'priority',
        'requesterId',
        'status',
        'subject',
      ]);
      for (const field of fields) expect(response.body.message).toContain(`${field}:`);
      expect(response.body.message).toContain('occurredAt must not be in the future');
      expect(response.body.message).toContain('property requesterId should not exist');
    });

    it.each([
      ['a missing subject', { subject: undefined }, 'subject'],
      ['a missing description', { description: undefined }, 'description'],
      ['a missing priority', { priority: undefined }, 'priority'],
      ['a missing device', { device: undefined }, 'device'],
      ['a 256-character subject', { subject: 'x'.repeat(256) }, 'subject'],
      ['a description over 64 KiB of UTF-8', { description: 'é'.repeat(32 * 1024) + 'x' }, 'description'],
      ['a blank description', { description: ' \n\t ' }, 'description'],
      ['21 distinct CC addresses', { ccEmails: Array.from({ length: 21 }, (_, i) => `cc${i}@example.com`) }, 'ccEmails'],
      ['CC that is not a list', { ccEmails: 'boss@example.com' }, 'ccEmails'],
      ['an 8-digit meeting ID', { meetingId: '1234 5678' }, 'meetingId'],
      ['a 12-digit meeting ID', { meetingId: '123-456-789-012' }, 'meetingId'],
      ['a meeting ID with letters', { meetingId: '123abc789' }, 'meetingId'],
      ['an occurrence without an offset', { occurredAt: '2026-01-05T09:30:00' }, 'occurredAt'],
      ['an occurrence that is not a date', { occurredAt: 'yesterday' }, 'occurredAt'],
      ['an occurrence before 1970', { occurredAt: '0500-01-01T00:00:00Z' }, 'occurredAt'],
      ['an occurrence an hour ahead', { occurredAt: new Date(Date.now() + 3600_000).toISOString() }, 'occurredAt'],
    ])('refuses %s naming the field', async (_what, change, field) => {
      const before = await ticketCount('alice');
      const response = await post(alice, validForm(change));
      expect(response.status).toBe(400);
      expect(response.body.errors.map((e: { field: string }) => e.field)).toEqual([field]);
      expect(await ticketCount('alice')).toBe(before);
    });

    it.each([
      ['a 255-character subject counted in characters, not UTF-16 units', { subject: '🎧'.repeat(255) }],
      ['a description of exactly 64 KiB of UTF-8', { description: 'é'.repeat(32 * 1024) }],
      [
        '20 distinct CC addresses among 25 with repeats',
        {
          ccEmails: [
            ...Array.from({ length: 20 }, (_, i) => `cc${i}@example.com`),
            'CC1@example.com',
            'cc2@EXAMPLE.com',
            'cc3@example.com',
            'Cc4@example.com',
            'cc5@example.com',
          ],
        },
      ],
      ['a 9-digit meeting ID', { meetingId: '123456789' }],
      ['an 11-digit meeting ID', { meetingId: '123 4567 8901' }],
      ['an occurrence given as a date', { occurredAt: '2026-01-05' }],
      ['an occurrence a few seconds ahead (clock skew)', { occurredAt: new Date(Date.now() + 5_000).toISOString() }],
    ])('accepts %s', async (_what, change) => {
      const response = await post(alice, validForm(change));
      expect(response.status).toBe(201);
    });

    it('accepts a 64 KiB description sent with every character escaped, beyond the default JSON body limit', async () => {
      const description = 'я'.repeat(32 * 1024);
      const escaped = JSON.stringify(validForm({ description })).replace(/я/g, '\\u044f');
      expect(escaped.length).toBeGreaterThan(190_000);
      const response = await fetch(`${harness.url}/v1/tickets`, {
        method: 'POST',
        headers: { authorization: `Bearer ${alice}`, 'content-type': 'application/json' },
        body: escaped,
      });
      expect(response.status).toBe(201);
      expect(((await response.json()) as { description: string }).description).toBe(description);
    });

    it('answers a body that is not a form, or not JSON, with a 400', async () => {
      expect((await post(alice, ['a list'])).status).toBe(400);
      const broken = await fetch(`${harness.url}/v1/tickets`, {
        method: 'POST',
        headers: { authorization: `Bearer ${alice}`, 'content-type': 'application/json' },
        body: '{"subject": ',
      });
      expect(broken.status).toBe(400);
      expect(((await broken.json()) as { code: string }).code).toBe('bad_request');
    });

    it('answers a form sent as something other than JSON with a 415, never a 500', async () => {
      for (const [type, body] of [
        ['text/plain', JSON.stringify(validForm())],
        ['application/x-www-form-urlencoded', 'subject=hi&description=x'],
      ]) {
        const response = await fetch(`${harness.url}/v1/tickets`, {
          method: 'POST',
          headers: { authorization: `Bearer ${alice}`, 'content-type': type },
          body,
        });
        expect(response.status).toBe(415);
        expect(((await response.json()) as { code: string }).code).toBe('unsupported_media_type');
      }
    });

    it('refuses a caller whose token ids are longer than a ticket can record (403), instead of failing', async () => {
      const longSub = await TicketingHarness.token({ sub: 'u'.repeat(200), role: 'customer', account_id: 'acct-pro' });
      const response = await post(longSub, validForm());
      expect(response.status).toBe(403);
      expect(response.body.message).toMatch(/"sub" is longer than 128 characters/);
    });

    it('needs a token', async () => {
      const response = await fetch(`${harness.url}/v1/tickets`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(validForm()),
      });
      expect(response.status).toBe(401);
    });
  });

  describe('Idempotency-Key', () => {
    it('replays the first ticket for the same key and body, and says so', async () => {
      const key = `retry-${Date.now()}`;
      const first = await post(alice, validForm({ subject: 'Replayed once' }), { 'Idempotency-Key': key });
      expect(first.status).toBe(201);
      expect(first.headers.get('idempotent-replay')).toBeNull();

      // the same form with its fields in another order is the same request
      const { subject, ...rest } = validForm({ subject: 'Replayed once' });
      const second = await post(alice, { ...rest, subject }, { 'Idempotency-Key': key });
      expect(second.status).toBe(201);
      expect(second.headers.get('idempotent-replay')).toBe('true');
      expect(second.body.id).toBe(first.body.id);

      const rows = await queryDatabase(harness.database, 'SELECT id FROM ticket WHERE subject = ?', ['Replayed once']);
      expect(rows).toHaveLength(1);
      await harness.probe.waitForEvent('support.ticket.created.v1', (e) => e.subject === first.body.id);
      expect(await harness.committedEvents('support.ticket.created.v1', first.body.id)).toBe(1);
    });

    it('refuses the same key with a different body (422) and files nothing', async () => {
      const key = `changed-${Date.now()}`;
      const first = await post(alice, validForm({ subject: 'Original' }), { 'Idempotency-Key': key });
      expect(first.status).toBe(201);
      const before = await ticketCount('alice');
      const second = await post(alice, validForm({ subject: 'Changed my mind' }), { 'Idempotency-Key': key });
      expect(second.status).toBe(422);
      expect(second.body).toMatchObject({ code: 'idempotency_key_reused', ticketId: first.body.id });
      expect(second.body.message).toMatch(/^Idempotency-Key: /);
      expect(await ticketCount('alice')).toBe(before);
    });

    it('files one ticket for concurrent requests with one key', async () => {
      const key = `burst-${Date.now()}`;
      const form = validForm({ subject: 'Sent by an impatient client' });
      const responses = await Promise.all(Array.from({ length: 8 }, () => post(alice, form, { 'Idempotency-Key': key })));
      expect(responses.map((r) => r.status)).toEqual(Array(8).fill(201));
      const ids = new Set(responses.map((r) => r.body.id));
      expect(ids.size).toBe(1);
      expect(responses.filter((r) => r.headers.get('idempotent-replay') === 'true')).toHaveLength(7);
      const [id] = ids;
      expect(
        await queryDatabase(harness.database, 'SELECT id FROM ticket WHERE subject = ?', ['Sent by an impatient client']),
      ).toHaveLength(1);
      await harness.probe.waitForEvent('support.ticket.created.v1', (e) => e.subject === id);
      expect(await harness.committedEvents('support.ticket.created.v1', id)).toBe(1);
    });

    it('keeps each caller’s keys apart, and tells keys apart by case', async () => {
      const key = `shared-${Date.now()}`;
      const byAlice = await post(alice, validForm(), { 'Idempotency-Key': key });
      const byBob = await post(bob, validForm(), { 'Idempotency-Key': key });
      const upperCase = await post(alice, validForm(), { 'Idempotency-Key': key.toUpperCase() });
      expect([byAlice.status, byBob.status, upperCase.status]).toEqual([201, 201, 201]);
      expect(new Set([byAlice.body.id, byBob.body.id, upperCase.body.id]).size).toBe(3);
      expect(byBob.headers.get('idempotent-replay')).toBeNull();
    });

    it('refuses a key that is too long, naming the header', async () => {
      const response = await post(alice, validForm(), { 'Idempotency-Key': 'k'.repeat(256) });
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ code: 'invalid_idempotency_key', errors: [{ field: 'Idempotency-Key' }] });
    });

    it('validates the body before looking at the key', async () => {
      const response = await post(alice, validForm({ priority: 'asap' }), { 'Idempotency-Key': `invalid-${Date.now()}` });
      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual([expect.objectContaining({ field: 'priority' })]);
    });
  });

  it('leaves nothing unpublished in the outbox', async () => {
    await waitFor(async () => {
      const rows = await queryDatabase(harness.database, 'SELECT COUNT(*) AS n FROM outbox_message WHERE published_at IS NULL');
      return Number(rows[0].n) === 0;
    });
  });
});
