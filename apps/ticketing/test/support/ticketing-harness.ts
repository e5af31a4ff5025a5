import { createEvent, TOPICS, type EventDefinition } from '@support/contracts';
import {
  EventProbe,
  queryDatabase,
  request,
  ServiceStack,
  signToken,
  startMockKafka,
  waitFor,
  type JsonResponse,
  type RunningBroker,
  type TokenClaims,
} from '@support/testing';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createTicketingApp } from '../../src/app';
import { TICKETING_SERVICE } from '../../src/service';

/** A ticket form that passes every rule; tests change one field at a time. */
export function validForm(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    subject: 'Attendees drop after five minutes',
    description: 'Meeting 123 456 789: every attendee is disconnected after five minutes, since this morning.',
    priority: 'normal',
    device: 'desktop',
    ...overrides,
  };
}

/**
 * The ticketing service alone, against a real broker and a throw-away database, with a probe on
 * its topic and tokens for the people of the tests.
 */
export class TicketingHarness {
  private constructor(
    readonly broker: RunningBroker,
    readonly stack: ServiceStack,
    readonly probe: EventProbe,
    readonly attachmentsDir: string,
  ) {}

  static async start(label: string): Promise<TicketingHarness> {
    const broker = await startMockKafka();
    const probe = await EventProbe.start(broker.brokers, [TOPICS.tickets, TOPICS.deadLetter]);
    const stack = ServiceStack.create(broker.brokers, label);
    const attachmentsDir = await mkdtemp(path.join(tmpdir(), `${label}-attachments-`));
    await stack.start(TICKETING_SERVICE, createTicketingApp, { ATTACHMENTS_DIR: attachmentsDir });
    return new TicketingHarness(broker, stack, probe, attachmentsDir);
  }

  get url(): string {
    return this.stack.url('ticketing');
  }

  get database(): string {
    return this.stack.database('ticketing');
  }

  async stop(): Promise<void> {
    await this.probe.stop();
    await this.stack.stopAll();
    await this.broker.stop();
    await rm(this.attachmentsDir, { recursive: true, force: true });
  }

  static token(claims: TokenClaims): Promise<string> {
    return signToken(claims);
  }

  call<T = any>(
    method: string,
    route: string,
    token: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<JsonResponse<T>> {
    return request<T>(method, `${this.url}${route}`, { token, body, headers });
  }

  async fileTicket(token: string, overrides: Record<string, unknown> = {}): Promise<any> {
    const response = await this.call('POST', '/v1/tickets', token, validForm(overrides));
    if (response.status !== 201) throw new Error(`filing failed: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  }

  async upload(
    ticketId: string,
    token: string,
    file: { bytes: Buffer; filename: string; type?: string; field?: string },
  ): Promise<JsonResponse> {
    const form = new FormData();
    form.append(file.field ?? 'file', new Blob([file.bytes], { type: file.type ?? '' }), file.filename);
    const response = await fetch(`${this.url}/v1/tickets/${ticketId}/attachments`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: form,
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : null };
  }

  /** Waits until the ticket, as the caller sees it, satisfies the condition. */
  ticketWhen(token: string, id: string, done: (ticket: any) => boolean): Promise<any> {
    return waitFor(
      async () => {
        const response = await this.call('GET', `/v1/tickets/${id}`, token);
        return response.status === 200 && done(response.body) ? response.body : null;
      },
      { timeoutMs: 30_000, description: `ticket ${id}` },
    );
  }

  /** How many events of a type the service committed for a ticket (exactly what it will ever publish). */
  async committedEvents(type: string, ticketId: string): Promise<number> {
    const rows = await queryDatabase(this.database, 'SELECT COUNT(*) AS n FROM outbox_message WHERE type = ? AND message_key = ?', [
      type,
      ticketId,
    ]);
    return Number(rows[0].n);
  }

  /** Publishes an event as another service would, for this service's consumers. */
  publish<T extends object>(definition: EventDefinition<T>, data: T, time?: Date): Promise<void> {
    return this.publishTogether(definition, [data], time ? [time] : []);
  }

  /**
   * Publishes events of one type with one produce request, in order (each at its time in `times`,
   * else now): those of one ticket reach the consumer in one batch.
   */
  async publishTogether<T extends object>(definition: EventDefinition<T>, data: T[], times: Date[] = []): Promise<void> {
    await this.probe.publishRawTogether(
      definition.topic,
      data.map((item, index) => ({
        key: definition.key(item),
        value: JSON.stringify(
          createEvent(definition, item, { source: '/support/test', origin: { correlationId: randomUUID() }, time: times[index] }),
        ),
      })),
    );
  }
}
