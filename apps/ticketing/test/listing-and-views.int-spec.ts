import {
  EntitlementChecked,
  KbArticlesSuggested,
  SlaBreached,
  SlaClockStarted,
  SlaEscalated,
  TOPICS,
  type EntitlementCheckedV1,
  type TicketPriority,
} from '@support/contracts';
import { queryDatabase } from '@support/testing';
import { randomUUID } from 'node:crypto';
import { TicketingHarness } from './support/ticketing-harness';

const HOUR = 3600_000;

describe('listing tickets and what a ticket shows (ticketing alone, real Kafka and MariaDB)', () => {
  let harness: TicketingHarness;
  let agent: string;

  beforeAll(async () => {
    harness = await TicketingHarness.start('listing');
    agent = await TicketingHarness.token({ sub: 'agent-7', role: 'agent' });
  });

  afterAll(async () => {
    await harness?.stop();
  });

  /** A customer of their own fresh account, so each test lists only what it filed. */
  async function newCustomer(): Promise<{ userId: string; accountId: string; token: string }> {
    const userId = `user-${randomUUID().slice(0, 8)}`;
    const accountId = `acct-${randomUUID().slice(0, 8)}`;
    return { userId, accountId, token: await TicketingHarness.token({ sub: userId, role: 'customer', account_id: accountId }) };
  }

  const list = (token: string, query = '') => harness.call('GET', `/v1/tickets${query ? `?${query}` : ''}`, token);

  async function everyPage(token: string, query: string, limit: number, between?: () => Promise<void>): Promise<string[]> {
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await list(token, `${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(limit);
      ids.push(...page.body.items.map((t: { id: string }) => t.id));
      cursor = page.body.nextCursor;
      if (between) await between();
    } while (cursor);
    return ids;
  }

  function decision(ticket: any, overrides: Partial<EntitlementCheckedV1> = {}): EntitlementCheckedV1 {
    return {
      decisionId: randomUUID(),
      ticketId: ticket.id,
      accountId: ticket.accountId,
      requesterId: ticket.requesterId,
      priority: ticket.priority,
      ticketCreatedAt: ticket.createdAt,
      status: 'entitled',
      reason: 'entitled',
      message: 'Pro owners get answers within the plan targets.',
      plan: 'pro',
      planVersion: 1,
      role: 'owner',
      channels: { selfService: true, ticket: 'sla', chat: true, phone: false },
      slaTarget: 'PT1H',
      slaTargets: { urgent: 'PT1H', high: 'PT4H', normal: 'PT24H', low: 'PT24H' },
      servicePriority: 1,
      trigger: 'ticket_created',
      decidedAt: new Date().toISOString(),
      ...overrides,
    };
  }

  function clock(ticket: any) {
    return {
      clockId: `clock-${ticket.id}`,
      ticketId: ticket.id,
      metric: 'first_response' as const,
      priority: ticket.priority as TicketPriority,
      startedAt: ticket.createdAt,
    };
  }

  describe('GET /v1/tickets', () => {
    it('shows a requester only their own tickets, whatever filters they send', async () => {
      const alice = await newCustomer();
      const bob = await newCustomer();
      const mine = [await harness.fileTicket(alice.token), await harness.fileTicket(alice.token)];
      const theirs = await harness.fileTicket(bob.token);

      const own = await list(alice.token);
      expect(own.status).toBe(200);
      expect(own.body.items.map((t: any) => t.id)).toEqual([mine[1].id, mine[0].id]);
      expect(own.body.nextCursor).toBeNull();
      expect((await list(alice.token, `requester=${bob.userId}`)).body.items).toEqual([]);
      expect((await list(alice.token, `account=${bob.accountId}`)).body.items).toEqual([]);
      expect((await harness.call('GET', `/v1/tickets/${theirs.id}`, alice.token)).status).toBe(404);

      const asAgent = await list(agent, `requester=${bob.userId}`);
      expect(asAgent.body.items.map((t: any) => t.id)).toEqual([theirs.id]);
      expect(asAgent.body.items[0]).toMatchObject({
        subject: theirs.subject,
        status: 'new',
        requesterId: bob.userId,
        accountId: bob.accountId,
        sla: { breached: false },
      });
    });

    it('filters by status, priority, account, requester and assignee, alone or together', async () => {
      const customer = await newCustomer();
      const low = await harness.fileTicket(customer.token, { priority: 'low' });
      const urgent = await harness.fileTicket(customer.token, { priority: 'urgent' });
      const high = await harness.fileTicket(customer.token, { priority: 'high' });
      await harness.call('PATCH', `/v1/tickets/${urgent.id}`, agent, { status: 'open', assigneeId: 'agent-7' });
      await harness.call('PATCH', `/v1/tickets/${high.id}`, agent, { status: 'pending', assigneeId: 'agent-9' });

      const ids = async (query: string) => (await list(agent, `account=${customer.accountId}&${query}`)).body.items.map((t: any) => t.id);
      expect(await ids('')).toEqual([high.id, urgent.id, low.id]);
      expect(await ids('status=new')).toEqual([low.id]);
      expect(await ids('status=open,pending')).toEqual([high.id, urgent.id]);
      expect(await ids('status=open&status=new')).toEqual([urgent.id, low.id]);
      expect(await ids('priority=urgent,low')).toEqual([urgent.id, low.id]);
      expect(await ids('assignee=agent-7')).toEqual([urgent.id]);
      expect(await ids(`requester=${customer.userId}&priority=high&status=pending`)).toEqual([high.id]);
      expect(await ids('status=solved')).toEqual([]);
      expect(await ids('order=oldest')).toEqual([low.id, urgent.id, high.id]);
      expect((await list(customer.token, 'status=open')).body.items.map((t: any) => t.id)).toEqual([urgent.id]);
    });

    it('pages newest first with an opaque cursor, stable while tickets are filed in between', async () => {
      const customer = await newCustomer();
      const filed: string[] = [];
      for (let i = 0; i < 7; i++) filed.push((await harness.fileTicket(customer.token, { subject: `ticket ${i}` })).id);
      const newestFirst = [...filed].reverse();
      const filedWhilePaging: string[] = [];

      const seen = await everyPage(agent, `account=${customer.accountId}`, 3, async () => {
        filedWhilePaging.push((await harness.fileTicket(customer.token, { subject: 'filed while paging' })).id);
      });
      // tickets filed during the walk are newer than the cursor: they never push others across a page edge
      expect(seen).toEqual(newestFirst);

      const fresh = await everyPage(agent, `account=${customer.accountId}`, 4);
      expect(fresh).toEqual([...filedWhilePaging].reverse().concat(newestFirst));
      expect(new Set(fresh).size).toBe(fresh.length);
    });

    it('pages oldest first, picking up tickets filed during the walk exactly once', async () => {
      const customer = await newCustomer();
      const filed: string[] = [];
      for (let i = 0; i < 5; i++) filed.push((await harness.fileTicket(customer.token)).id);
      const filedWhilePaging: string[] = [];
      const seen = await everyPage(customer.token, 'order=oldest', 2, async () => {
        if (filedWhilePaging.length < 2) filedWhilePaging.push((await harness.fileTicket(customer.token)).id);
      });
      expect(seen).toEqual([...filed, ...filedWhilePaging]);
    });

    it('uses 25 a page unless told otherwise', async () => {
      const customer = await newCustomer();
      await Promise.all(Array.from({ length: 27 }, () => harness.fileTicket(customer.token)));
      const first = await list(customer.token);
      expect(first.body.items).toHaveLength(25);
      expect(first.body.nextCursor).toEqual(expect.stringMatching(/^[A-Za-z0-9_-]+$/));
      const second = await list(customer.token, `cursor=${first.body.nextCursor}`);
      expect(second.body.items).toHaveLength(2);
      expect(second.body.nextCursor).toBeNull();
      expect((await list(customer.token, 'limit=100')).body.items).toHaveLength(27);
    });

    it.each([
      ['limit=0', 'limit'],
      ['limit=101', 'limit'],
      ['limit=ten', 'limit'],
      ['status=waiting', 'status'],
      ['priority=p1', 'priority'],
      ['breached=maybe', 'breached'],
      ['order=random', 'order'],
      ['cursor=not$a$cursor', 'cursor'],
      [`cursor=${Buffer.from('{"v":1,"a":"x"}').toString('base64url')}`, 'cursor'],
      ['page=2', 'page'],
    ])('refuses %s with a 400 naming the parameter', async (query, field) => {
      const response = await list(agent, query);
      expect(response.status).toBe(400);
      expect(response.body.errors.map((e: any) => e.field)).toEqual([field]);
    });

    it('refuses a cursor with other filters than the ones it was issued for', async () => {
      const customer = await newCustomer();
      await harness.fileTicket(customer.token);
      await harness.fileTicket(customer.token);
      const page = await list(customer.token, 'limit=1&status=new');
      const other = await list(customer.token, `limit=1&status=open&cursor=${page.body.nextCursor}`);
      expect(other.status).toBe(400);
      expect(other.body.message).toMatch(/^cursor: was issued for other filters/);
    });

    it('needs a token', async () => {
      expect((await fetch(`${harness.url}/v1/tickets`)).status).toBe(401);
    });
  });

  describe('a ticket kept current from the other services', () => {
    it('shows the plan check and the first-response clock, then the breach and the escalation, and lists it as breached', async () => {
      const customer = await newCustomer();
      const ticket = await harness.fileTicket(customer.token, { priority: 'urgent' });
      const dueAt = new Date(new Date(ticket.createdAt).getTime() + HOUR).toISOString();
      await harness.publish(EntitlementChecked, decision(ticket));
      await harness.publish(SlaClockStarted, {
        ...clock(ticket),
        dueAt,
        warningAt: new Date(Date.parse(dueAt) - 600_000).toISOString(),
        target: 'PT1H',
        policyId: 'default',
      });
      const entitled = await harness.ticketWhen(
        customer.token,
        ticket.id,
        (t) => t.sla.firstResponseDueAt !== null && t.entitlement.status === 'entitled',
      );
      expect(entitled.sla).toEqual({ state: 'running', firstResponseDueAt: dueAt, breached: false, escalationLevel: 0 });
      expect(entitled.entitlement).toMatchObject({ status: 'entitled', reason: 'entitled', plan: 'pro', channels: { ticket: 'sla' } });
      expect((await list(agent, `account=${customer.accountId}&breached=true`)).body.items).toEqual([]);

      const breachedAt = new Date(Date.parse(dueAt) + 1000).toISOString();
      await harness.publish(SlaBreached, { ...clock(ticket), dueAt, breachedAt, lateByMs: 0 });
      await harness.publish(SlaEscalated, { ...clock(ticket), level: 2, dueAt, escalatedAt: breachedAt, lateByMs: 0 });
      const escalated = await harness.ticketWhen(customer.token, ticket.id, (t) => t.sla.escalationLevel === 2);
      expect(escalated.sla).toMatchObject({ breached: true, escalationLevel: 2 });
      expect((await list(agent, `account=${customer.accountId}&breached=true`)).body.items.map((t: any) => t.id)).toEqual([ticket.id]);
      expect((await list(agent, `account=${customer.accountId}&breached=false`)).body.items).toEqual([]);
    });

    it('shows the newest plan decision of a batch, ignores an older one, and leaves a ticket showing the same decision untouched', async () => {
      const customer = await newCustomer();
      const ticket = await harness.fileTicket(customer.token);
      const filed = Date.parse(ticket.createdAt);
      const at = (ms: number) => new Date(filed + ms).toISOString();
      // one fetch: the newer decision first, then an older one with another plan
      await harness.publishTogether(EntitlementChecked, [
        decision(ticket, { decidedAt: at(2000), plan: 'business', reason: 'entitled' }),
        decision(ticket, {
          decidedAt: at(1000),
          plan: 'pro',
          reason: 'best_effort',
          channels: { selfService: true, ticket: 'best_effort', chat: false, phone: false },
        }),
      ]);
      const shown = await harness.ticketWhen(customer.token, ticket.id, (t) => t.entitlement.status === 'entitled');
      expect(shown.entitlement).toMatchObject({
        plan: 'business',
        reason: 'entitled',
        message: 'Pro owners get answers within the plan targets.',
        decidedAt: at(2000),
        channels: { ticket: 'sla', phone: false },
      });
      // the texts beside the ticket hold the decision the ticket shows, in one row
      const texts = await queryDatabase(
        harness.database,
        'SELECT plan, CAST(decided_at AS CHAR) AS at FROM ticket_plan_check WHERE ticket_id = ?',
        [ticket.id],
      );
      expect(texts).toEqual([{ plan: 'business', at: at(2000).replace('T', ' ').replace('Z', '') }]);

      // the same decision announced again changes nothing, not even updatedAt; an older one arriving late neither
      await harness.publish(EntitlementChecked, decision(ticket, { decidedAt: at(2000), plan: 'business', reason: 'entitled' }));
      await harness.publish(EntitlementChecked, decision(ticket, { decidedAt: at(500), plan: 'education' }));
      // then a newer one, which shows: once it does, the two before it were applied
      await harness.publish(EntitlementChecked, decision(ticket, { decidedAt: at(3000), plan: 'enterprise' }));
      const newer = await harness.ticketWhen(customer.token, ticket.id, (t) => t.entitlement.plan === 'enterprise');
      expect(newer.entitlement.decidedAt).toBe(at(3000));
      expect(newer.entitlement.reason).toBe('entitled');
      const stored = await queryDatabase(harness.database, 'SELECT version FROM ticket WHERE id = ?', [ticket.id]);
      // filed (1), the newer decision of the batch (2), the newest (3): nothing else wrote the row
      expect(Number(stored[0].version)).toBe(3);
    });

    it('shows the newest clock start of a batch, ignores an older one, and leaves a ticket showing the same clock untouched', async () => {
      const customer = await newCustomer();
      const ticket = await harness.fileTicket(customer.token, { priority: 'urgent' });
      const filed = Date.parse(ticket.createdAt);
      const start = (dueAt: number) => ({
        ...clock(ticket),
        dueAt: new Date(dueAt).toISOString(),
        warningAt: new Date(dueAt - 600_000).toISOString(),
        target: 'PT1H',
        policyId: 'default',
      });
      // one fetch: the newer start first, then an older one with another deadline
      await harness.publishTogether(
        SlaClockStarted,
        [start(filed + 2 * HOUR), start(filed + HOUR)],
        [new Date(filed + 2000), new Date(filed + 1000)],
      );
      const running = await harness.ticketWhen(customer.token, ticket.id, (t) => t.sla.firstResponseDueAt !== null);
      expect(running.sla).toEqual({
        state: 'running',
        firstResponseDueAt: new Date(filed + 2 * HOUR).toISOString(),
        breached: false,
        escalationLevel: 0,
      });

      // the same clock announced again later (a re-driven ticket) changes nothing, not even updatedAt;
      // an older start arriving late changes nothing either
      await harness.publish(SlaClockStarted, start(filed + 2 * HOUR), new Date(filed + 5000));
      await harness.publish(SlaClockStarted, start(filed + 3 * HOUR), new Date(filed + 500));
      // then an escalation, which never touches updatedAt: once it shows, the two before it were applied
      await harness.publish(SlaEscalated, {
        ...clock(ticket),
        level: 1,
        dueAt: new Date(filed + 2 * HOUR).toISOString(),
        escalatedAt: new Date(filed + 2 * HOUR + 1000).toISOString(),
        lateByMs: 0,
      });
      const escalated = await harness.ticketWhen(customer.token, ticket.id, (t) => t.sla.escalationLevel === 1);
      expect(escalated.sla.firstResponseDueAt).toBe(new Date(filed + 2 * HOUR).toISOString());
      expect(escalated.updatedAt).toBe(running.updatedAt);
    });

    it('rejects a ticket the plan check refused, with the reason in its history, and points the requester to self-service', async () => {
      const customer = await newCustomer();
      const ticket = await harness.fileTicket(customer.token);
      await harness.publish(
        EntitlementChecked,
        decision(ticket, {
          status: 'denied',
          reason: 'free_plan',
          message: 'Free accounts are served by the help center.',
          plan: 'free',
          channels: { selfService: true, ticket: 'none', chat: false, phone: false },
          slaTarget: null,
          slaTargets: null,
        }),
      );
      const rejected = await harness.ticketWhen(customer.token, ticket.id, (t) => t.status === 'rejected');
      expect(rejected).toMatchObject({
        statusReason: 'Free accounts are served by the help center.',
        entitlement: {
          status: 'denied',
          reason: 'free_plan',
          message: 'Free accounts are served by the help center.',
          plan: 'free',
          channels: { selfService: true, ticket: 'none', chat: false, phone: false },
          selfService: { helpCenter: '/v1/articles', suggestions: '/v1/suggestions' },
        },
      });
      expect(rejected.statusHistory.at(-1)).toMatchObject({ previousStatus: 'new', status: 'rejected', changedBy: 'system:entitlements' });
      const event = await harness.probe.waitForEvent<any>('support.ticket.status_changed.v1', (e) => e.subject === ticket.id);
      expect(event.data).toMatchObject({ previousStatus: 'new', status: 'rejected', changedBy: 'system:entitlements' });

      const reply = await harness.call('POST', `/v1/tickets/${ticket.id}/comments`, customer.token, { body: 'But I need help!' });
      expect(reply.status).toBe(409);
      expect(reply.body.code).toBe('ticket_rejected');
      const upload = await harness.upload(ticket.id, customer.token, { bytes: Buffer.from('log'), filename: 'a.log' });
      expect(upload.status).toBe(409);
      // an agent may still override the plan check
      expect((await harness.call('PATCH', `/v1/tickets/${ticket.id}`, agent, { status: 'open', reason: 'goodwill' })).status).toBe(200);
    });

    it('shows the articles the knowledge base suggested, the latest set only', async () => {
      const customer = await newCustomer();
      const ticket = await harness.fileTicket(customer.token);
      const article = (id: string, score: number) => ({ articleId: id, slug: `${id}-slug`, title: `How to ${id}`, locale: 'en', score });
      const now = Date.now();
      await harness.publish(KbArticlesSuggested, {
        ticketId: ticket.id,
        locale: 'en',
        suggestions: [article('fix-audio', 0.9), article('test-speakers', 0.5)],
        suggestedAt: new Date(now).toISOString(),
      });
      const suggested = await harness.ticketWhen(customer.token, ticket.id, (t) => t.suggestedArticles.length === 2);
      expect(suggested.suggestedArticles).toEqual([
        {
          articleId: 'fix-audio',
          slug: 'fix-audio-slug',
          title: 'How to fix-audio',
          locale: 'en',
          score: 0.9,
          url: '/v1/articles/fix-audio?locale=en',
        },
        {
          articleId: 'test-speakers',
          slug: 'test-speakers-slug',
          title: 'How to test-speakers',
          locale: 'en',
          score: 0.5,
          url: '/v1/articles/test-speakers?locale=en',
        },
      ]);

      // an older set arriving late changes nothing; a newer one replaces the list
      await harness.publish(KbArticlesSuggested, {
        ticketId: ticket.id,
        locale: 'en',
        suggestions: [article('stale', 1)],
        suggestedAt: new Date(now - 60_000).toISOString(),
      });
      await harness.publish(KbArticlesSuggested, {
        ticketId: ticket.id,
        locale: 'fr',
        suggestions: [article('reinstall', 0.7)],
        suggestedAt: new Date(now + 1000).toISOString(),
      });
      const replaced = await harness.ticketWhen(customer.token, ticket.id, (t) => t.suggestedArticles[0]?.articleId === 'reinstall');
      expect(replaced.suggestedArticles.map((a: any) => a.articleId)).toEqual(['reinstall']);
    });

    it('keeps the newest set of a batch whatever its order, at most ten articles, and ignores unknown tickets', async () => {
      const customer = await newCustomer();
      const ticket = await harness.fileTicket(customer.token);
      const article = (id: string) => ({ articleId: id, slug: id, title: `About ${id}`, locale: 'en', score: 0.5 });
      const now = Date.now();
      const twelve = Array.from({ length: 12 }, (_, index) => article(`a${index}`));
      const nobody = randomUUID();
      // one fetch: the newer set first, then an older one of the same ticket, then tickets ticketing never filed
      await harness.publishTogether(KbArticlesSuggested, [
        { ticketId: ticket.id, locale: 'en', suggestions: twelve, suggestedAt: new Date(now + 2000).toISOString() },
        { ticketId: ticket.id, locale: 'en', suggestions: [article('older')], suggestedAt: new Date(now + 1000).toISOString() },
        { ticketId: nobody, locale: 'en', suggestions: [article('nobody')], suggestedAt: new Date(now).toISOString() },
        // an id that begins like this ticket's but is not it
        { ticketId: `${ticket.id}-not`, locale: 'en', suggestions: [article('imposter')], suggestedAt: new Date(now + 3000).toISOString() },
      ]);
      const shown = await harness.ticketWhen(customer.token, ticket.id, (t) => t.suggestedArticles.length > 0);
      expect(shown.suggestedArticles.map((a: any) => a.articleId)).toEqual(twelve.slice(0, 10).map((a) => a.articleId));
      // the list is in a row of its own, kept only for the ticket ticketing filed; the ticket owes nothing more
      const sets = await queryDatabase<{ ticket_id: string }>(
        harness.database,
        'SELECT ticket_id FROM ticket_suggestions WHERE ticket_id IN (?, ?, ?)',
        [ticket.id, nobody, `${ticket.id}-not`.slice(0, 36)],
      );
      expect(sets).toEqual([{ ticket_id: ticket.id }]);
      const [flags] = await queryDatabase<{ awaiting: number }>(
        harness.database,
        'SELECT awaiting_suggestions AS awaiting FROM ticket WHERE id = ?',
        [ticket.id],
      );
      expect(Number(flags.awaiting)).toBe(0);
      // a set of the same time as the one shown replaces it (a re-announcement carries the recorded time)
      await harness.publish(KbArticlesSuggested, {
        ticketId: ticket.id,
        locale: 'en',
        suggestions: [article('same-time')],
        suggestedAt: new Date(now + 2000).toISOString(),
      });
      const again = await harness.ticketWhen(customer.token, ticket.id, (t) => t.suggestedArticles.length === 1);
      expect(again.suggestedArticles[0]).toMatchObject({ articleId: 'same-time', title: 'About same-time' });
    });

    it('parks a suggestion it can never store in the dead-letter topic and keeps consuming', async () => {
      const customer = await newCustomer();
      const ticket = await harness.fileTicket(customer.token);
      const tooLong = { articleId: 'a'.repeat(300), slug: 's', title: 't', locale: 'en', score: 1 };
      await harness.publish(KbArticlesSuggested, {
        ticketId: ticket.id,
        locale: 'en',
        suggestions: [tooLong],
        suggestedAt: new Date().toISOString(),
      });
      const parked = await harness.probe.waitForMessage((m) => m.topic === TOPICS.deadLetter && m.key === ticket.id);
      expect(parked.headers).toMatchObject({ 'dlq-reason': 'unprocessable', 'dlq-consumer': 'ticketing.kb' });

      const fine = { articleId: 'fix-audio', slug: 'fix-audio', title: 'Fix audio', locale: 'en', score: 1 };
      await harness.publish(KbArticlesSuggested, {
        ticketId: ticket.id,
        locale: 'en',
        suggestions: [fine],
        suggestedAt: new Date().toISOString(),
      });
      await harness.ticketWhen(customer.token, ticket.id, (t) => t.suggestedArticles.length === 1);
    });

    it('parks a plan decision whose reason the ticket cannot hold in the dead-letter topic and keeps consuming', async () => {
      const customer = await newCustomer();
      const ticket = await harness.fileTicket(customer.token);
      await harness.publish(EntitlementChecked, decision(ticket, { reason: 'r'.repeat(65) }));
      const parked = await harness.probe.waitForMessage((m) => m.topic === TOPICS.deadLetter && m.key === ticket.id);
      expect(parked.headers).toMatchObject({ 'dlq-reason': 'unprocessable', 'dlq-consumer': 'ticketing.entitlements' });

      await harness.publish(EntitlementChecked, decision(ticket, { reason: 'r'.repeat(64) }));
      const shown = await harness.ticketWhen(customer.token, ticket.id, (t) => t.entitlement.status === 'entitled');
      expect(shown.entitlement).toMatchObject({ reason: 'r'.repeat(64), plan: 'pro' });
    });
  });
});
