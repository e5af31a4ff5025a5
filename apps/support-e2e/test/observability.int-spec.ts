import { InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { processLogOutput, ServiceTracing } from '@support/observability';
import { metricSample as sample, request, ServiceStack, signToken, startMockKafka, waitFor, type RunningBroker } from '@support/testing';
import { randomUUID } from 'node:crypto';
import { ENTITLEMENTS, KNOWLEDGE_BASE, SLA, TICKETING } from '../src/services';

describe('observability: metrics, one trace per ticket, JSON logs (four services, real Kafka and MariaDB)', () => {
  let broker: RunningBroker;
  let stack: ServiceStack;
  const spans = new InMemorySpanExporter();
  const lines: Array<Record<string, unknown>> = [];
  let stopReading: () => void = () => undefined;
  const correlationId = `obs-${randomUUID()}`;
  let ticketId: string;
  const before: Record<string, string> = {};

  async function metrics(service: string): Promise<string> {
    const response = await fetch(`${stack.url(service)}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    return response.text();
  }

  beforeAll(async () => {
    stopReading = processLogOutput.subscribe((line) => lines.push(JSON.parse(line) as Record<string, unknown>));
    broker = await startMockKafka();
    stack = ServiceStack.create(broker.brokers, 'obs');
    // debug: the consume step writes a line per batch; every gauge read on each scrape
    const env = { LOG_LEVEL: 'debug', METRICS_DATABASE_REFRESH_MS: '0' };
    await stack.start(...TICKETING, env);
    await stack.start(...ENTITLEMENTS, env);
    await stack.start(...SLA, env);
    await stack.start(...KNOWLEDGE_BASE, env);
    for (const service of stack.services.values()) service.app.get(ServiceTracing).addSpanProcessor(new SimpleSpanProcessor(spans));
    for (const service of stack.services.keys()) before[service] = await metrics(service);

    const admin = await signToken({ sub: 'admin-1', role: 'admin' });
    const entitlements = stack.url('entitlements');
    expect(
      (await request('PUT', `${entitlements}/v1/accounts/acct-obs`, { token: admin, body: { name: 'Obs', plan: 'pro' } })).status,
    ).toBe(201);
    expect(
      (await request('PUT', `${entitlements}/v1/accounts/acct-obs/users/owner-1`, { token: admin, body: { role: 'owner' } })).status,
    ).toBe(200);
    const owner = await signToken({ sub: 'owner-1', role: 'customer', account_id: 'acct-obs' });
    const filed = await request('POST', `${stack.url('ticketing')}/v1/tickets`, {
      token: owner,
      headers: { 'x-correlation-id': correlationId },
      body: {
        subject: 'Echo in every meeting',
        description: 'Participants hear an echo in meeting 123 456 789',
        priority: 'urgent',
        device: 'desktop',
      },
    });
    expect(filed.status).toBe(201);
    ticketId = filed.body.id;
    // the flow is through when ticketing has applied the SLA clock (entitlements → SLA → ticketing)
    await waitFor(
      async () => {
        const ticket = await request('GET', `${stack.url('ticketing')}/v1/tickets/${ticketId}`, { token: owner });
        return ticket.status === 200 && ticket.body.sla?.firstResponseDueAt ? true : null;
      },
      { timeoutMs: 60_000, description: 'the ticket shows its first-response deadline' },
    );
  }, 240_000);

  afterAll(async () => {
    stopReading();
    await stack?.stopAll();
    await broker?.stop();
  });

  it('serves Prometheus text on every service, and the counters move after a ticket', async () => {
    const ticketing = await waitFor(
      async () => {
        const text = await metrics('ticketing');
        return (sample(text, 'support_events_consumed_total', {
          topic: 'support.sla',
          type: 'support.sla.clock_started.v1',
          outcome: 'processed',
        }) ?? 0) >= 1
          ? text
          : null;
      },
      { timeoutMs: 30_000, description: 'ticketing counted the clock_started event' },
    );
    expect(sample(ticketing, 'http_server_request_duration_seconds_count', { method: 'POST', route: '/v1/tickets', status: '201' })).toBe(
      1,
    );
    expect(
      sample(ticketing, 'support_events_produced_total', { topic: 'support.tickets', type: 'support.ticket.created.v1' }),
    ).toBeGreaterThanOrEqual(1);
    expect(sample(ticketing, 'support_consumer_lag_messages', { topic: 'support.sla' })).not.toBeNull();
    expect(sample(ticketing, 'support_outbox_backlog_events')).not.toBeNull();
    expect(sample(ticketing, 'support_outbox_oldest_unpublished_age_seconds')).not.toBeNull();
    expect(sample(ticketing, 'support_inbox_events')).not.toBeNull();
    expect(sample(ticketing, 'process_cpu_user_seconds_total', { service: 'ticketing' })).not.toBeNull();
    expect(sample(before['ticketing'], 'support_events_produced_total', { type: 'support.ticket.created.v1' })).toBeNull();
    // anti-entropy counts, every kind from the start (the sweep runs once at start-up)
    expect(sample(ticketing, 'support_anti_entropy_total', { kind: 'ticketsRedriven' })).toBe(0);
    expect(sample(ticketing, 'support_anti_entropy_total', { kind: 'sweeps' })).toBeGreaterThanOrEqual(1);

    const entitlements = await metrics('entitlements');
    expect(
      sample(entitlements, 'support_events_consumed_total', {
        topic: 'support.tickets',
        type: 'support.ticket.created.v1',
        outcome: 'processed',
      }),
    ).toBeGreaterThanOrEqual(1);
    expect(
      sample(entitlements, 'support_events_produced_total', { topic: 'support.entitlements', type: 'support.entitlement.checked.v1' }),
    ).toBeGreaterThanOrEqual(1);
    // the group's lag as the broker sees it (committed offsets against high watermarks)
    expect(sample(entitlements, 'support_consumer_group_lag_messages', { topic: 'support.tickets' })).not.toBeNull();

    const sla = await metrics('sla-escalation');
    expect(
      sample(sla, 'support_events_consumed_total', { type: 'support.entitlement.checked.v1', outcome: 'processed' }),
    ).toBeGreaterThanOrEqual(1);
    expect(sample(sla, 'support_events_produced_total', { type: 'support.sla.clock_started.v1' })).toBeGreaterThanOrEqual(1);
    expect(sample(sla, 'sla_clocks', { state: 'running' })).toBeGreaterThanOrEqual(1);
    expect(sample(sla, 'sla_timers_due')).toBe(0);
    expect(sample(sla, 'support_anti_entropy_total', { kind: 'clocksRepaired' })).toBe(0);
    expect(sample(entitlements, 'support_anti_entropy_total', { kind: 'decisionsReemitted' })).toBe(0);
    expect(sample(sla, 'sla_timer_transitions_fired_total')).toBe(0);
    expect(sample(sla, 'sla_timer_firing_lateness_seconds_count')).toBe(0);

    const kb = await waitFor(
      async () => {
        const text = await metrics('knowledge-base');
        return (sample(text, 'support_events_consumed_total', { type: 'support.ticket.created.v1', outcome: 'processed' }) ?? 0) >= 1
          ? text
          : null;
      },
      { timeoutMs: 30_000, description: 'the knowledge base counted the new ticket' },
    );
    expect(sample(kb, 'support_events_dead_lettered_total')).toBeNull();

    // the help center's search latency
    expect((await request('GET', `${stack.url('knowledge-base')}/v1/articles?q=echo&locale=en`)).status).toBe(200);
    expect(sample(await metrics('knowledge-base'), 'kb_search_duration_seconds_count', { kind: 'articles' })).toBe(1);
  });

  it('traces one ticket as one trace across the four services', async () => {
    const byService = (span: ReadableSpan) => String(span.resource.attributes['service.name']);
    const root = await waitFor(async () => spans.getFinishedSpans().find((span) => span.name === 'POST /v1/tickets') ?? null, {
      timeoutMs: 10_000,
      description: 'the HTTP span of the new ticket',
    });
    const trace = await waitFor(
      async () => {
        const ofTicket = spans.getFinishedSpans().filter((span) => span.spanContext().traceId === root.spanContext().traceId);
        const services = new Set(ofTicket.map(byService));
        return ['ticketing', 'entitlements', 'sla-escalation', 'knowledge-base'].every((name) => services.has(name)) ? ofTicket : null;
      },
      { timeoutMs: 30_000, description: 'spans of the four services in the ticket trace' },
    );
    const names = trace.map((span) => `${byService(span)}: ${span.name}`);
    expect(names).toEqual(
      expect.arrayContaining([
        'ticketing: POST /v1/tickets',
        'ticketing: create support.tickets',
        'entitlements: process support.tickets',
        'entitlements: create support.entitlements',
        'sla-escalation: process support.entitlements',
        'sla-escalation: create support.sla',
        'knowledge-base: process support.tickets',
        'ticketing: process support.sla',
      ]),
    );
    // each hop is a child of the one before: the consumer continues the producer's span
    const find = (service: string, name: string) => trace.find((span) => byService(span) === service && span.name === name)!;
    const created = find('ticketing', 'create support.tickets');
    expect(created.parentSpanContext?.spanId).toBe(root.spanContext().spanId);
    expect(find('entitlements', 'process support.tickets').parentSpanContext?.spanId).toBe(created.spanContext().spanId);
    expect(find('entitlements', 'process support.tickets').attributes['support.correlation_id']).toBe(correlationId);
  });

  it('writes JSON log lines with service, version, level, and the request correlation id in a consumer line', async () => {
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      expect(line).toEqual(
        expect.objectContaining({ service: expect.any(String), version: expect.any(String), level: expect.any(String) }),
      );
    }
    const access = lines.find((line) => line['msg'] === 'http request' && line['route'] === '/v1/tickets' && line['method'] === 'POST');
    expect(access).toMatchObject({ service: 'ticketing', status: 201, correlationId, traceId: expect.stringMatching(/^[0-9a-f]{32}$/) });
    const consumed = await waitFor(
      async () =>
        lines.find(
          (line) =>
            line['service'] === 'entitlements' &&
            line['correlationId'] === correlationId &&
            String(line['context']).startsWith('entitlements.'),
        ) ?? null,
      { timeoutMs: 10_000, description: "a line of entitlements' consumer with the request's correlation id" },
    );
    // the consumer's line carries the trace of the request that filed the ticket
    expect(consumed['traceId']).toBe(access!['traceId']);
  });
});
