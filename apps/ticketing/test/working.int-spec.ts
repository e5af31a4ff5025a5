import { queryDatabase, type JsonResponse } from '@support/testing';
import { randomUUID } from 'node:crypto';
import { TicketingHarness } from './support/ticketing-harness';

const DAY = 24 * 3600_000;

describe('working a ticket: lifecycle, changes and comments (ticketing alone, real Kafka and MariaDB)', () => {
  let harness: TicketingHarness;
  let alice: string;
  let mallory: string;
  let agent: string;
  let admin: string;

  beforeAll(async () => {
    harness = await TicketingHarness.start('working');
    alice = await TicketingHarness.token({ sub: 'alice', role: 'customer', account_id: 'acct-pro' });
    mallory = await TicketingHarness.token({ sub: 'mallory', role: 'customer', account_id: 'acct-other' });
    agent = await TicketingHarness.token({ sub: 'agent-7', role: 'agent' });
    admin = await TicketingHarness.token({ sub: 'admin-1', role: 'admin' });
  });

  afterAll(async () => {
    await harness?.stop();
  });

  const patch = (id: string, token: string, body: unknown, headers: Record<string, string> = {}) =>
    harness.call('PATCH', `/v1/tickets/${id}`, token, body, headers);
  const comment = (id: string, token: string, body: unknown) => harness.call('POST', `/v1/tickets/${id}/comments`, token, body);

  function expectIllegal(response: JsonResponse, from: string, to: string, allowed: string[], refusal = 'not_allowed') {
    expect(response.status).toBe(409);
    expect(response.body).toMatchObject({ code: 'illegal_transition', from, to, allowed, refusal });
    expect(response.body.message).toMatch(new RegExp(`^status: ${from} → ${to} is refused`));
  }

  describe('the status lifecycle over HTTP', () => {
    it('walks new → open → pending → on_hold → solved → closed, each step an event keyed by the ticket and a line of history', async () => {
      const ticket = await harness.fileTicket(alice);
      const steps = ['open', 'pending', 'on_hold', 'solved', 'closed'];
      let previous = 'new';
      for (const status of steps) {
        const response = await patch(ticket.id, agent, { status, reason: `step to ${status}` });
        expect(response.status).toBe(200);
        expect(response.body).toMatchObject({ status, statusReason: `step to ${status}` });
        const event = await harness.probe.waitForEvent<any>(
          'support.ticket.status_changed.v1',
          (e) => e.subject === ticket.id && e.data.status === status,
        );
        expect(event.data).toMatchObject({
          ticketId: ticket.id,
          accountId: 'acct-pro',
          previousStatus: previous,
          status,
          changedBy: 'agent-7',
          reason: `step to ${status}`,
        });
        expect(harness.probe.messages.find((m) => m.event?.id === event.id)!.key).toBe(ticket.id);
        previous = status;
      }
      const closed = await harness.call('GET', `/v1/tickets/${ticket.id}`, alice);
      expect(closed.body.statusHistory.map((h: any) => [h.previousStatus, h.status, h.changedBy])).toEqual([
        [null, 'new', 'alice'],
        ['new', 'open', 'agent-7'],
        ['open', 'pending', 'agent-7'],
        ['pending', 'on_hold', 'agent-7'],
        ['on_hold', 'solved', 'agent-7'],
        ['solved', 'closed', 'agent-7'],
      ]);
    });

    it('answers an illegal transition with 409 listing the allowed ones, and changes nothing', async () => {
      const ticket = await harness.fileTicket(alice);
      expectIllegal(await patch(ticket.id, agent, { status: 'closed' }), 'new', 'closed', ['open', 'pending', 'on_hold', 'solved']);
      expectIllegal(await patch(ticket.id, admin, { status: 'rejected' }), 'new', 'rejected', ['open', 'pending', 'on_hold', 'solved']);
      expect((await patch(ticket.id, agent, { status: 'open' })).status).toBe(200);
      expectIllegal(await patch(ticket.id, agent, { status: 'closed' }), 'open', 'closed', ['pending', 'on_hold', 'solved']);
      // a refused PATCH is one transaction: its other changes do not happen either
      expectIllegal(await patch(ticket.id, agent, { status: 'new', priority: 'urgent' }), 'open', 'new', ['pending', 'on_hold', 'solved']);
      const after = await harness.call('GET', `/v1/tickets/${ticket.id}`, agent);
      expect(after.body).toMatchObject({ status: 'open', priority: 'normal' });
      expect(await harness.committedEvents('support.ticket.priority_changed.v1', ticket.id)).toBe(0);
      expect(await harness.committedEvents('support.ticket.status_changed.v1', ticket.id)).toBe(1);
    });

    it('keeps a closed ticket closed: no status, priority, comment or reopening', async () => {
      const ticket = await harness.fileTicket(alice);
      for (const status of ['solved', 'closed']) expect((await patch(ticket.id, agent, { status })).status).toBe(200);
      expectIllegal(await patch(ticket.id, agent, { status: 'open' }), 'closed', 'open', [], 'closed_final');
      expectIllegal(await patch(ticket.id, alice, { status: 'open' }), 'closed', 'open', [], 'closed_final');
      const priority = await patch(ticket.id, agent, { priority: 'urgent' });
      expect(priority.status).toBe(409);
      expect(priority.body.code).toBe('ticket_closed');
      const reply = await comment(ticket.id, agent, { body: 'too late' });
      expect(reply.status).toBe(409);
      expect(reply.body.code).toBe('ticket_closed');
    });

    it('lets the requester reopen a solved ticket within 7 days', async () => {
      const ticket = await harness.fileTicket(alice);
      const solved = await patch(ticket.id, agent, { status: 'solved' });
      expect(solved.body.reopenableUntil).toBe(new Date(new Date(solved.body.solvedAt).getTime() + 7 * DAY).toISOString());
      // six days and 23 hours later
      await queryDatabase(harness.database, 'UPDATE ticket SET solved_at = ? WHERE id = ?', [
        new Date(Date.now() - 7 * DAY + 3600_000),
        ticket.id,
      ]);
      const reopened = await patch(ticket.id, alice, { status: 'open' });
      expect(reopened.status).toBe(200);
      expect(reopened.body).toMatchObject({ status: 'open', solvedAt: null, reopenableUntil: null });
      const event = await harness.probe.waitForEvent<any>(
        'support.ticket.status_changed.v1',
        (e) => e.subject === ticket.id && e.data.status === 'open',
      );
      expect(event.data).toMatchObject({ previousStatus: 'solved', changedBy: 'alice' });
    });

    it('refuses the requester a reopening after 7 days, while an agent still may', async () => {
      const ticket = await harness.fileTicket(alice);
      expect((await patch(ticket.id, agent, { status: 'solved' })).status).toBe(200);
      const solvedAt = new Date(Date.now() - 7 * DAY - 60_000);
      await queryDatabase(harness.database, 'UPDATE ticket SET solved_at = ? WHERE id = ?', [solvedAt, ticket.id]);
      const late = await patch(ticket.id, alice, { status: 'open' });
      expectIllegal(late, 'solved', 'open', [], 'reopen_window_passed');
      expect(late.body.solvedAt).toBe(solvedAt.toISOString());
      expect((await patch(ticket.id, agent, { status: 'open' })).status).toBe(200);
    });

    it('lets a requester change nothing but the status, and only back to open', async () => {
      const ticket = await harness.fileTicket(alice);
      const priority = await patch(ticket.id, alice, { priority: 'urgent', assigneeId: 'alice' });
      expect(priority.status).toBe(403);
      expect(priority.body.errors.map((e: any) => e.field)).toEqual(['priority', 'assigneeId']);
      expectIllegal(await patch(ticket.id, alice, { status: 'solved' }), 'new', 'solved', []);
      expect((await patch(ticket.id, mallory, { status: 'open' })).status).toBe(404);
      expect((await patch(ticket.id, mallory, { priority: 'low' })).status).toBe(403);
    });

    it.each([
      ['an empty change', {}, 'body'],
      ['an unknown field', { subject: 'rewritten' }, 'subject'],
      ['an unknown status', { status: 'waiting' }, 'status'],
      ['an unknown priority', { priority: 'p0' }, 'priority'],
      ['a reason without a status', { reason: 'because' }, 'reason'],
      ['an empty assignee', { assigneeId: '' }, 'assigneeId'],
    ])('refuses %s with a 400 naming the field', async (_what, body, field) => {
      const ticket = await harness.fileTicket(alice);
      const response = await patch(ticket.id, agent, body);
      expect(response.status).toBe(400);
      expect(response.body.errors.map((e: any) => e.field)).toEqual([field]);
    });
  });

  describe('priority and assignee', () => {
    it('emits priority_changed with the old and the new priority, only when it changes', async () => {
      const ticket = await harness.fileTicket(alice, { priority: 'low' });
      const changed = await patch(ticket.id, agent, { priority: 'urgent' });
      expect(changed.status).toBe(200);
      expect(changed.body.priority).toBe('urgent');
      const event = await harness.probe.waitForEvent<any>('support.ticket.priority_changed.v1', (e) => e.subject === ticket.id);
      expect(event.data).toMatchObject({
        ticketId: ticket.id,
        accountId: 'acct-pro',
        previousPriority: 'low',
        priority: 'urgent',
        changedBy: 'agent-7',
      });
      expect(harness.probe.messages.find((m) => m.event?.id === event.id)!.key).toBe(ticket.id);

      expect((await patch(ticket.id, agent, { priority: 'urgent' })).status).toBe(200);
      expect(await harness.committedEvents('support.ticket.priority_changed.v1', ticket.id)).toBe(1);
    });

    it('emits assignee_changed when an agent takes, hands over or releases a ticket', async () => {
      const ticket = await harness.fileTicket(alice);
      expect((await patch(ticket.id, agent, { assigneeId: 'agent-7' })).body.assigneeId).toBe('agent-7');
      expect((await patch(ticket.id, admin, { assigneeId: 'agent-9' })).body.assigneeId).toBe('agent-9');
      expect((await patch(ticket.id, agent, { assigneeId: null })).body.assigneeId).toBeNull();
      await harness.probe.waitForEvent<any>(
        'support.ticket.assignee_changed.v1',
        (e) => e.subject === ticket.id && e.data.assigneeId === null,
      );
      const changes = harness.probe
        .events('support.ticket.assignee_changed.v1', ticket.id)
        .map((e: any) => [e.data.previousAssigneeId, e.data.assigneeId, e.data.changedBy]);
      expect(changes).toEqual([
        [null, 'agent-7', 'agent-7'],
        ['agent-7', 'agent-9', 'admin-1'],
        ['agent-9', null, 'agent-7'],
      ]);
    });

    it('commits one PATCH of several fields as one change, each with its event and the caller’s correlation id', async () => {
      const ticket = await harness.fileTicket(alice);
      const correlationId = `patch-${randomUUID()}`;
      const response = await patch(
        ticket.id,
        agent,
        { status: 'pending', priority: 'high', assigneeId: 'agent-7' },
        { 'X-Correlation-Id': correlationId },
      );
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ status: 'pending', priority: 'high', assigneeId: 'agent-7' });
      for (const type of ['status_changed', 'priority_changed', 'assignee_changed']) {
        const event = await harness.probe.waitForEvent(`support.ticket.${type}.v1`, (e) => e.subject === ticket.id);
        expect(event.correlationid).toBe(correlationId);
      }
    });
  });

  describe('the ticket page, read in one statement besides the ticket', () => {
    it('keeps each part in its order: a long history, the conversation, the files and the suggestions', async () => {
      const ticket = await harness.fileTicket(alice);
      const steps = ['open', 'pending', 'open', 'on_hold', 'open', 'pending', 'open', 'on_hold', 'open', 'pending', 'open'] as const;
      for (const status of steps) expect((await patch(ticket.id, agent, { status, reason: `to ${status}` })).status).toBe(200);
      const first = await comment(ticket.id, alice, { body: 'It says "error 5003" \\ again – ёлка' });
      const second = await comment(ticket.id, agent, { body: 'Checking.' });
      const page = await harness.call('GET', `/v1/tickets/${ticket.id}`, agent);
      expect(page.status).toBe(200);
      expect(page.body.statusHistory.map((h: any) => h.status)).toEqual(['new', ...steps]);
      expect(page.body.statusHistory.at(-1)).toMatchObject({ previousStatus: 'pending', reason: 'to open', changedBy: 'agent-7' });
      expect(new Date(page.body.statusHistory.at(-1).changedAt).toISOString()).toBe(page.body.statusHistory.at(-1).changedAt);
      expect(page.body.comments).toEqual([first.body, second.body]);
      expect(page.body.attachments).toEqual([]);
      expect(page.body.suggestedArticles).toEqual([]);
    });
  });

  describe('comments', () => {
    it('keeps internal notes from the requester and shows the public conversation to both sides', async () => {
      const ticket = await harness.fileTicket(alice);
      const question = await comment(ticket.id, alice, { body: 'Any news?' });
      expect(question.status).toBe(201);
      expect(question.body).toMatchObject({ authorId: 'alice', authorRole: 'customer', public: true, body: 'Any news?' });
      const note = await comment(ticket.id, agent, { body: 'Looks like the EU media cluster.', public: false });
      expect(note.status).toBe(201);
      const answer = await comment(ticket.id, agent, { body: 'We are on it.' });

      const seenByAlice = await harness.call('GET', `/v1/tickets/${ticket.id}`, alice);
      expect(seenByAlice.body.comments.map((c: any) => c.id)).toEqual([question.body.id, answer.body.id]);
      expect(JSON.stringify(seenByAlice.body)).not.toContain('EU media cluster');
      const seenByAgent = await harness.call('GET', `/v1/tickets/${ticket.id}`, agent);
      expect(seenByAgent.body.comments.map((c: any) => [c.id, c.public])).toEqual([
        [question.body.id, true],
        [note.body.id, false],
        [answer.body.id, true],
      ]);

      const commented = await harness.probe.waitForEvent<any>('support.ticket.commented.v1', (e) => e.data.commentId === note.body.id);
      expect(commented.data).toMatchObject({ ticketId: ticket.id, authorId: 'agent-7', authorRole: 'agent', public: false });
      expect(harness.probe.messages.find((m) => m.event?.id === commented.id)!.key).toBe(ticket.id);
    });

    it('refuses an internal note from a requester (403), and comments on tickets the caller cannot see (404)', async () => {
      const ticket = await harness.fileTicket(alice);
      const internal = await comment(ticket.id, alice, { body: 'psst', public: false });
      expect(internal.status).toBe(403);
      expect(internal.body.errors).toEqual([expect.objectContaining({ field: 'public' })]);
      expect((await comment(ticket.id, mallory, { body: 'hello' })).status).toBe(404);
      expect(await harness.committedEvents('support.ticket.commented.v1', ticket.id)).toBe(0);
    });

    it.each([
      ['an empty body', { body: '  ' }, 'body'],
      ['no body', { public: true }, 'body'],
      ['a body over 64 KiB', { body: 'ж'.repeat(32 * 1024 + 1) }, 'body'],
      ['a public flag that is not a boolean', { body: 'hi', public: 'yes' }, 'public'],
      ['an unknown field', { body: 'hi', authorId: 'agent-7' }, 'authorId'],
    ])('refuses %s with a 400 naming the field', async (_what, body, field) => {
      const ticket = await harness.fileTicket(alice);
      const response = await comment(ticket.id, alice, body);
      expect(response.status).toBe(400);
      expect(response.body.errors.map((e: any) => e.field)).toEqual([field]);
    });

    it('emits first_responded exactly once, for the first public reply of an agent, and opens the new ticket', async () => {
      const ticket = await harness.fileTicket(alice);
      await comment(ticket.id, alice, { body: 'Adding details: it happens on Wi-Fi only.' });
      await comment(ticket.id, agent, { body: 'internal: check the Wi-Fi logs', public: false });
      expect(await harness.committedEvents('support.ticket.first_responded.v1', ticket.id)).toBe(0);

      const replies = await Promise.all([
        comment(ticket.id, agent, { body: 'Hello Alice, looking into it.' }),
        comment(ticket.id, admin, { body: 'Hi, I can help too.' }),
        comment(ticket.id, agent, { body: 'Could you send a log?' }),
      ]);
      expect(replies.map((r) => r.status)).toEqual([201, 201, 201]);
      const event = await harness.probe.waitForEvent<any>('support.ticket.first_responded.v1', (e) => e.subject === ticket.id);
      expect(replies.map((r) => r.body.id)).toContain(event.data.commentId);
      expect(event.data).toMatchObject({ ticketId: ticket.id, accountId: 'acct-pro', ticketCreatedAt: ticket.createdAt });
      expect(harness.probe.messages.find((m) => m.event?.id === event.id)!.key).toBe(ticket.id);
      await comment(ticket.id, agent, { body: 'And another reply.' });
      expect(await harness.committedEvents('support.ticket.first_responded.v1', ticket.id)).toBe(1);

      const after = await harness.call('GET', `/v1/tickets/${ticket.id}`, alice);
      expect(after.body).toMatchObject({ status: 'open', firstRespondedAt: event.data.respondedAt });
      expect(after.body.statusHistory.map((h: any) => h.status)).toEqual(['new', 'open']);
      const [row] = await queryDatabase(harness.database, 'SELECT first_response_comment_id FROM ticket WHERE id = ?', [ticket.id]);
      expect(row.first_response_comment_id).toBe(event.data.commentId);
    });

    it('does not count an agent answering on their own ticket as a first response', async () => {
      const ticket = await harness.fileTicket(agent);
      await comment(ticket.id, agent, { body: 'Adding a note to my own request.' });
      expect(await harness.committedEvents('support.ticket.first_responded.v1', ticket.id)).toBe(0);
    });

    it('gives a pending ticket back to the agents when the requester answers', async () => {
      const ticket = await harness.fileTicket(alice);
      expect((await patch(ticket.id, agent, { status: 'pending', reason: 'waiting for a log' })).status).toBe(200);
      expect((await comment(ticket.id, alice, { body: 'Here is what I see.' })).status).toBe(201);
      const after = await harness.call('GET', `/v1/tickets/${ticket.id}`, agent);
      expect(after.body.status).toBe('open');
      expect(after.body.statusHistory.at(-1)).toMatchObject({ previousStatus: 'pending', status: 'open', changedBy: 'alice' });
    });
  });
});
