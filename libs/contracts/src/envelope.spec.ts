import { createEvent, EVENT_DEFINITIONS, InvalidEventError, parseEnvelope, readPayload, TicketCreated, TOPICS } from './index';

const ticket = {
  ticketId: '0190a0a0-0000-7000-8000-000000000001',
  accountId: 'acct-1',
  requesterId: 'user-1',
  subject: 'Cannot join',
  description: 'Meeting 123456789 fails',
  priority: 'urgent' as const,
  device: 'desktop' as const,
  ccEmails: ['a@example.com'],
  meetingId: '123456789',
  occurredAt: null,
  createdAt: '2026-11-21T10:00:00.000Z',
};

describe('CloudEvents envelope', () => {
  it('builds a structured-mode CloudEvent with correlation and causation ids', () => {
    const event = createEvent(TicketCreated, ticket, {
      source: '/support/ticketing',
      origin: { correlationId: 'corr-1', causationId: 'cause-1' },
      time: new Date('2026-11-21T10:00:00.000Z'),
    });
    expect(event).toMatchObject({
      specversion: '1.0',
      source: '/support/ticketing',
      type: 'support.ticket.created.v1',
      subject: ticket.ticketId,
      time: '2026-11-21T10:00:00.000Z',
      datacontenttype: 'application/json',
      correlationid: 'corr-1',
      causationid: 'cause-1',
      data: ticket,
    });
    expect(event.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(TicketCreated.key(ticket)).toBe(ticket.ticketId);
    expect(TicketCreated.topic).toBe(TOPICS.tickets);
  });

  it('gives events time-ordered ids (UUID v7): a later event’s id sorts after an earlier one’s', () => {
    const ids = Array.from(
      { length: 50 },
      () => createEvent(TicketCreated, ticket, { source: '/support/ticketing', origin: { correlationId: 'c' } }).id,
    );
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    // an id given is kept (a re-published event keeps its own)
    expect(createEvent(TicketCreated, ticket, { source: '/support/ticketing', origin: { correlationId: 'c' }, id: 'given' }).id).toBe(
      'given',
    );
  });

  it('refuses to build an event whose payload breaks its contract', () => {
    expect(() =>
      createEvent(TicketCreated, { ...ticket, priority: 'someday' as never }, { source: '/s', origin: { correlationId: 'c' } }),
    ).toThrow(/priority/);
  });

  it('round-trips through the wire format', () => {
    const event = createEvent(TicketCreated, ticket, { source: '/support/ticketing', origin: { correlationId: 'c' } });
    const parsed = parseEnvelope(Buffer.from(JSON.stringify(event)));
    expect(readPayload(TicketCreated, parsed).data).toEqual(ticket);
  });

  it.each([
    ['no value', null, 'unparseable'],
    ['not JSON', 'hello {', 'unparseable'],
    ['a JSON array', '[1,2]', 'invalid_envelope'],
    ['a wrong spec version', JSON.stringify({ specversion: '0.3', id: 'x', source: '/s', type: 't' }), 'invalid_envelope'],
    [
      'no id',
      JSON.stringify({
        specversion: '1.0',
        source: '/s',
        type: 't',
        subject: 's',
        time: 't',
        correlationid: 'c',
        datacontenttype: 'application/json',
        data: {},
      }),
      'invalid_envelope',
    ],
    [
      'no correlation id',
      JSON.stringify({
        specversion: '1.0',
        id: 'x',
        source: '/s',
        type: 't',
        subject: 's',
        time: '2026-01-01T00:00:00Z',
        datacontenttype: 'application/json',
        data: {},
      }),
      'invalid_envelope',
    ],
    [
      'non-object data',
      JSON.stringify({
        specversion: '1.0',
        id: 'x',
        source: '/s',
        type: 't',
        subject: 's',
        time: '2026-01-01T00:00:00Z',
        correlationid: 'c',
        datacontenttype: 'application/json',
        data: 'text',
      }),
      'invalid_envelope',
    ],
  ])('rejects %s', (_, raw, reason) => {
    try {
      parseEnvelope(raw as string | null);
      throw new Error('expected a rejection');
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidEventError);
      expect((error as InvalidEventError).reason).toBe(reason);
    }
  });

  it('names the payload fields that break the contract', () => {
    const event = createEvent(TicketCreated, ticket, { source: '/s', origin: { correlationId: 'c' } });
    const tampered = { ...event, data: { ...ticket, ccEmails: ['not-an-email'], device: 'fax' } };
    expect(() => readPayload(TicketCreated, tampered)).toThrow(/ccEmails.*device|device.*ccEmails/s);
  });
});

describe('event registry', () => {
  it('holds every contract type once, versioned, on a public topic', () => {
    const types = [...EVENT_DEFINITIONS.keys()];
    expect(new Set(types).size).toBe(types.length);
    for (const [type, definition] of EVENT_DEFINITIONS) {
      expect(type).toMatch(/^support\.[a-z]+\.[a-z_]+\.v\d+$/);
      expect(Object.values(TOPICS)).toContain(definition.topic);
    }
    for (const type of [
      'support.ticket.created.v1',
      'support.ticket.priority_changed.v1',
      'support.ticket.status_changed.v1',
      'support.ticket.commented.v1',
      'support.ticket.first_responded.v1',
      'support.entitlement.checked.v1',
      'support.account.plan_changed.v1',
      'support.sla.clock_started.v1',
      'support.sla.warning.v1',
      'support.sla.breached.v1',
      'support.sla.escalated.v1',
      'support.sla.clock_stopped.v1',
      'support.kb.article_published.v1',
      'support.kb.articles_suggested.v1',
    ]) {
      expect(EVENT_DEFINITIONS.has(type)).toBe(true);
    }
  });
});
