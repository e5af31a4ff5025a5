import { TOPICS } from '@support/contracts';
import { defaultHotlines, defaultPlans } from '@support/domain-entitlements';
import { EventProbe, queryDatabase, request, ServiceStack, signToken, startMockKafka, type RunningBroker } from '@support/testing';
import { createEntitlementsApp } from '../src/app';
import { ENTITLEMENTS_SERVICE } from '../src/service';

/** The HTTP surface of the entitlements service, on a real broker and MariaDB. */
describe('entitlements HTTP API', () => {
  let broker: RunningBroker;
  let stack: ServiceStack;
  let probe: EventProbe;
  let url: string;
  let admin: string;
  let agent: string;
  const customers: Record<string, string> = {};

  const put = (path: string, body: unknown, token = admin) => request('PUT', `${url}${path}`, { token, body });
  const get = (path: string, token = admin) => request('GET', `${url}${path}`, { token });

  beforeAll(async () => {
    broker = await startMockKafka();
    probe = await EventProbe.start(broker.brokers, [TOPICS.entitlements]);
    stack = ServiceStack.create(broker.brokers, 'enthttp');
    url = (await stack.start(ENTITLEMENTS_SERVICE, createEntitlementsApp)).url;
    admin = await signToken({ sub: 'admin-1', role: 'admin' });
    agent = await signToken({ sub: 'agent-1', role: 'agent' });

    const accounts = [
      { id: 'acct-pro', plan: 'pro', users: { 'pro-owner': 'owner', 'pro-member': 'member' } },
      { id: 'acct-biz', plan: 'business', users: { 'biz-admin': 'admin' } },
      { id: 'acct-free', plan: 'free', users: { 'free-owner': 'owner' } },
    ];
    for (const account of accounts) {
      expect((await put(`/v1/accounts/${account.id}`, { name: `Account ${account.id}`, plan: account.plan })).status).toBe(201);
      for (const [user, role] of Object.entries(account.users)) {
        expect((await put(`/v1/accounts/${account.id}/users/${user}`, { role })).status).toBe(200);
        customers[user] = await signToken({ sub: user, role: 'customer', account_id: account.id });
      }
    }
  });

  afterAll(async () => {
    await probe?.stop();
    await stack?.stopAll();
    await broker?.stop();
  });

  describe('authentication and roles', () => {
    it.each([
      ['GET', '/v1/plans'],
      ['PUT', '/v1/plans/pro'],
      ['GET', '/v1/hotlines'],
      ['PUT', '/v1/hotlines'],
      ['PUT', '/v1/accounts/acct-pro'],
      ['GET', '/v1/accounts/acct-pro'],
      ['PUT', '/v1/accounts/acct-pro/users/pro-owner'],
      ['GET', '/v1/accounts/acct-pro/support-options?userId=pro-owner'],
      ['GET', '/v1/decisions/some-ticket'],
    ])('answers %s %s without a token with 401', async (method, path) => {
      const response = await request(method, `${url}${path}`, { body: method === 'PUT' ? {} : undefined });
      expect(response.status).toBe(401);
      expect(response.body).toMatchObject({ statusCode: 401, code: 'unauthenticated' });
    });

    it('refuses a token signed with another key, and one without a role, with 401', async () => {
      const forged = await signToken({ sub: 'admin-1', role: 'admin' }, 'another-secret-that-is-long-enough-0123456789');
      expect((await get('/v1/plans', forged)).status).toBe(401);
      expect((await request('GET', `${url}/v1/plans`, { headers: { authorization: 'Basic abc' } })).status).toBe(401);
    });

    it.each([
      ['customer', 'PUT', '/v1/plans/pro'],
      ['agent', 'PUT', '/v1/plans/pro'],
      ['customer', 'GET', '/v1/plans/pro/versions'],
      ['customer', 'GET', '/v1/hotlines'],
      ['customer', 'PUT', '/v1/hotlines'],
      ['agent', 'PUT', '/v1/hotlines'],
      ['customer', 'PUT', '/v1/accounts/acct-pro'],
      ['agent', 'PUT', '/v1/accounts/acct-pro'],
      ['customer', 'GET', '/v1/accounts/acct-pro'],
      ['customer', 'PUT', '/v1/accounts/acct-pro/users/pro-owner'],
      ['customer', 'GET', '/v1/decisions/some-ticket'],
    ])('answers a %s calling %s %s with 403', async (role, method, path) => {
      const token = role === 'agent' ? agent : customers['pro-owner'];
      const response = await request(method, `${url}${path}`, { token, body: method === 'PUT' ? {} : undefined });
      expect(response.status).toBe(403);
      expect(response.body.code).toBe('forbidden');
    });
  });

  describe('accounts', () => {
    it('validates the account and names every field at fault', async () => {
      const response = await put('/v1/accounts/acct-x', {
        name: '',
        plan: 'platinum',
        status: 'frozen',
        planEndsAt: 'next tuesday',
        color: 'red',
      });
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('validation_failed');
      const fields = response.body.errors.map((e: { field: string }) => e.field);
      expect(fields).toEqual(expect.arrayContaining(['name', 'plan', 'status', 'planEndsAt', 'color']));
    });

    it('refuses an account id that is not a bounded printable identifier', async () => {
      const response = await put(`/v1/accounts/${'x'.repeat(65)}`, { name: 'Too long', plan: 'pro' });
      expect(response.status).toBe(400);
      expect(response.body.message).toMatch(/^accountId:/);
    });

    it('refuses an end date on the free plan', async () => {
      const response = await put('/v1/accounts/acct-y', { name: 'Y', plan: 'free', planEndsAt: '2030-01-01T00:00:00Z' });
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ code: 'plan_end_on_free_plan', message: expect.stringMatching(/^planEndsAt:/) });
    });

    it('stores status and plan end, answers 201 then 200, and announces only real changes', async () => {
      const first = await put('/v1/accounts/acct-status', {
        name: 'Status Ltd',
        plan: 'business',
        status: 'suspended',
        planEndsAt: '2031-06-30T00:00:00.000Z',
      });
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({
        id: 'acct-status',
        plan: 'business',
        status: 'suspended',
        planEndsAt: '2031-06-30T00:00:00.000Z',
        redecidedTickets: 0,
      });

      const renamed = await put('/v1/accounts/acct-status', { name: 'Status Limited', plan: 'business' });
      expect(renamed.status).toBe(200);
      // status and end date are kept when left out
      expect(renamed.body).toMatchObject({ name: 'Status Limited', status: 'suspended', planEndsAt: '2031-06-30T00:00:00.000Z' });

      const reactivated = await put('/v1/accounts/acct-status', {
        name: 'Status Limited',
        plan: 'business',
        status: 'active',
        planEndsAt: null,
      });
      expect(reactivated.body).toMatchObject({ status: 'active', planEndsAt: null });

      const changes = await probe.waitForEvent<any>(
        'support.account.plan_changed.v1',
        (e) => e.subject === 'acct-status' && e.data.status === 'active',
      );
      expect(changes.data).toMatchObject({
        accountId: 'acct-status',
        previousPlan: 'business',
        plan: 'business',
        planEndsAt: null,
        changedBy: 'admin-1',
      });
      const outbox = await queryDatabase(
        stack.database('entitlements'),
        "SELECT id FROM outbox_message WHERE type = 'support.account.plan_changed.v1' AND message_key = 'acct-status'",
      );
      expect(outbox).toHaveLength(2);

      const shown = await get('/v1/accounts/acct-status', agent);
      expect(shown.status).toBe(200);
      expect(shown.body).toMatchObject({ id: 'acct-status', name: 'Status Limited', status: 'active', users: [] });
    });

    it('answers 404 for a user of an unknown account and 400 for an unknown role', async () => {
      const unknown = await put('/v1/accounts/acct-nowhere/users/u1', { role: 'owner' });
      expect(unknown.status).toBe(404);
      expect(unknown.body.message).toMatch(/acct-nowhere/);
      const badRole = await put('/v1/accounts/acct-pro/users/u1', { role: 'superuser' });
      expect(badRole.status).toBe(400);
      expect(badRole.body.errors[0].field).toBe('role');
      expect((await get('/v1/accounts/acct-nowhere', agent)).status).toBe(404);
    });
  });

  describe('plans', () => {
    it('lists the six shipped plans at version 1 (paid_admins_only by default)', async () => {
      const response = await get('/v1/plans', customers['free-owner']);
      expect(response.status).toBe(200);
      const plans = Object.fromEntries(response.body.plans.map((p: any) => [p.code, p]));
      expect(Object.keys(plans).sort()).toEqual(['api', 'business', 'education', 'enterprise', 'free', 'pro']);
      for (const shipped of defaultPlans('paid_admins_only')) {
        expect(plans[shipped.code]).toMatchObject({ ...shipped, version: 1 });
      }
      expect(plans.free.roles.owner.ticket).toBe('none');
      expect(plans.pro.roles.owner).toEqual({ selfService: true, ticket: 'sla', chat: true, phone: false });
    });

    it('refuses an unknown plan code', async () => {
      const response = await get('/v1/plans/platinum');
      expect(response.status).toBe(400);
      expect(response.body.message).toMatch(/^plan: must be one of free, pro/);
    });

    it('versions every change, keeps every version, and does not bump an identical re-save', async () => {
      const current = (await get('/v1/plans/education')).body;
      const { updatedAt: _updatedAt, ...definition } = current;
      const edited = { ...definition, slaTargets: { ...definition.slaTargets, urgent: 'PT30M' } };

      const saved = await put('/v1/plans/education', edited);
      expect(saved.status).toBe(200);
      expect(saved.body).toMatchObject({ code: 'education', version: 2, changed: true, slaTargets: { urgent: 'PT30M', high: 'PT4H' } });

      const again = await put('/v1/plans/education', { ...edited, version: 2 });
      expect(again.body).toMatchObject({ version: 2, changed: false });

      // the version sent is the one edited: a stale one is a conflict, not an overwrite
      const stale = await put('/v1/plans/education', { ...edited, name: 'Education (stale)', version: 1 });
      expect(stale.status).toBe(409);
      expect(stale.body).toMatchObject({ code: 'version_conflict', currentVersion: 2 });

      const versions = await get('/v1/plans/education/versions', agent);
      expect(versions.body.versions.map((v: any) => [v.version, v.slaTargets.urgent, v.createdBy])).toEqual([
        [2, 'PT30M', 'admin-1'],
        [1, 'PT1H', 'system:defaults'],
      ]);
      expect((await get('/v1/plans/education/versions/1', agent)).body.slaTargets.urgent).toBe('PT1H');
      expect((await get('/v1/plans/education/versions/7', agent)).status).toBe(404);
      expect((await get('/v1/plans/education/versions/seven', agent)).status).toBe(400);
    });

    it('names every invalid field of a plan definition and stores nothing', async () => {
      const { updatedAt: _updatedAt, ...definition } = (await get('/v1/plans/api')).body;
      const response = await put('/v1/plans/api', {
        ...definition,
        code: 'pro',
        servicePriority: -1,
        slaTargets: { ...definition.slaTargets, urgent: 'P1M', whenever: 'PT1H' },
        roles: { ...definition.roles, owner: { ...definition.roles.owner, ticket: 'always' }, guest: definition.roles.member },
        colour: 'blue',
      });
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('invalid_plan');
      expect(response.body.errors.map((e: { field: string }) => e.field)).toEqual(
        expect.arrayContaining([
          'code',
          'colour',
          'servicePriority',
          'slaTargets.urgent',
          'slaTargets.whenever',
          'roles.owner.ticket',
          'roles.guest',
        ]),
      );
      const sla = await put('/v1/plans/api', { ...definition, slaTargets: null });
      expect(sla.status).toBe(400);
      expect(sla.body.message).toMatch(/roles\.owner\.ticket: 'sla' needs slaTargets/);
      expect((await get('/v1/plans/api')).body.version).toBe(1);
    });
  });

  describe('hotline directory', () => {
    it('is seeded with the numbers of the source documents', async () => {
      const response = await get('/v1/hotlines', agent);
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ version: 1, updatedBy: 'system:defaults', hotlines: defaultHotlines() });
      expect(response.body.hotlines.every((h: any) => h.extension === '2' && h.language === 'en')).toBe(true);
    });

    it('names each invalid line and field, and refuses a number listed twice', async () => {
      const [us, ...rest] = defaultHotlines();
      const response = await put('/v1/hotlines', {
        hotlines: [us, { ...rest[0], number: '1-650-397-6096', country: 'usa' }, { ...us, fax: true }, 'a string'],
      });
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('invalid_hotlines');
      expect(response.body.errors.map((e: { field: string }) => e.field)).toEqual(
        expect.arrayContaining(['hotlines[1].number', 'hotlines[1].country', 'hotlines[2].fax', 'hotlines[2].number', 'hotlines[3]']),
      );
      expect((await put('/v1/hotlines', { lines: [] })).body.errors.map((e: any) => e.field)).toEqual(['lines', 'hotlines']);
    });

    it('replaces the directory as a new version, which business users then see', async () => {
      const canada = { country: 'CA', countryName: 'Canada', number: '+1.855.703.8985', extension: '2', language: 'en', tollFree: true };
      const hotlines = [...defaultHotlines(), canada];
      const saved = await put('/v1/hotlines', { hotlines, version: 1 });
      expect(saved.status).toBe(200);
      expect(saved.body).toMatchObject({ version: 2, updatedBy: 'admin-1', changed: true, hotlines });

      expect((await put('/v1/hotlines', { hotlines, version: 1 })).status).toBe(409);
      expect((await put('/v1/hotlines', { hotlines })).body).toMatchObject({ version: 2, changed: false });

      const options = await get('/v1/accounts/acct-biz/support-options', customers['biz-admin']);
      expect(options.body.hotlines).toContainEqual(canada);
    });
  });

  describe('support options', () => {
    const options = (account: string, token: string, userId?: string) =>
      get(`/v1/accounts/${account}/support-options${userId ? `?userId=${userId}` : ''}`, token);

    it('gives a Pro owner tickets with deadlines and web chat, without the phone', async () => {
      const response = await options('acct-pro', customers['pro-owner']);
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        accountId: 'acct-pro',
        userId: 'pro-owner',
        plan: 'pro',
        effectivePlan: 'pro',
        planVersion: 1,
        role: 'owner',
        channels: { selfService: true, ticket: 'sla', chat: true, phone: false },
        hotlines: [],
        slaTargets: { urgent: 'PT1H', high: 'PT4H', normal: 'PT24H', low: 'PT24H' },
        reason: 'entitled',
      });
    });

    it('gives a Business admin the phone hotlines', async () => {
      const response = await options('acct-biz', customers['biz-admin'], 'biz-admin');
      expect(response.body.channels).toEqual({ selfService: true, ticket: 'sla', chat: true, phone: true });
      expect(response.body.hotlines.length).toBeGreaterThanOrEqual(5);
    });

    it('leaves a Pro end user and a Free owner with self-service', async () => {
      const member = await options('acct-pro', customers['pro-member']);
      expect(member.body).toMatchObject({
        role: 'member',
        channels: { ticket: 'none', chat: false, phone: false },
        slaTargets: null,
        reason: 'end_user',
      });
      const free = await options('acct-free', customers['free-owner']);
      expect(free.body).toMatchObject({ plan: 'free', channels: { selfService: true, ticket: 'none' }, reason: 'free_plan' });
    });

    it('lets a customer ask only about themselves in their own account', async () => {
      const aboutOther = await options('acct-pro', customers['pro-member'], 'pro-owner');
      expect(aboutOther.status).toBe(403);
      const otherAccount = await options('acct-biz', customers['pro-owner'], 'pro-owner');
      expect(otherAccount.status).toBe(403);
      // a customer token without account_id is not a customer at all
      const noAccount = await options('acct-pro', await signToken({ sub: 'pro-owner', role: 'customer', account_id: null }));
      expect(noAccount.status).toBe(401);
      expect(noAccount.body.message).toMatch(/account_id/);
    });

    it('lets agents and admins ask about anyone, naming the user', async () => {
      expect((await options('acct-pro', agent, 'pro-owner')).body.role).toBe('owner');
      expect((await options('acct-biz', admin, 'biz-admin')).body.channels.phone).toBe(true);
      // someone the account has not registered is an end user
      expect((await options('acct-pro', agent, 'stranger')).body).toMatchObject({ role: 'member', reason: 'end_user' });
      const unnamed = await options('acct-pro', agent);
      expect(unnamed.status).toBe(400);
      expect(unnamed.body.errors).toEqual([{ field: 'userId', problems: [expect.stringMatching(/required/)] }]);
      const badId = await options('acct-pro', agent, 'a%20b');
      expect(badId.status).toBe(400);
      expect(badId.body.errors[0].field).toBe('userId');
    });

    it('answers for an unknown account with self-service only and the reason', async () => {
      const response = await options('acct-unknown', agent, 'someone');
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        accountId: 'acct-unknown',
        accountStatus: null,
        plan: null,
        effectivePlan: null,
        channels: { selfService: true, ticket: 'none', chat: false, phone: false },
        hotlines: [],
        reason: 'unknown_account',
      });
      const customer = await signToken({ sub: 'newcomer', role: 'customer', account_id: 'acct-unknown' });
      expect((await options('acct-unknown', customer)).body.reason).toBe('unknown_account');
    });

    it('closes every channel but self-service of a suspended account, and treats an ended plan as free', async () => {
      await put('/v1/accounts/acct-susp', { name: 'Suspended', plan: 'enterprise', status: 'suspended' });
      await put('/v1/accounts/acct-susp/users/boss', { role: 'owner' });
      expect((await options('acct-susp', agent, 'boss')).body).toMatchObject({
        accountStatus: 'suspended',
        channels: { ticket: 'none', chat: false, phone: false },
        hotlines: [],
        reason: 'suspended_account',
      });

      await put('/v1/accounts/acct-ended', { name: 'Ended', plan: 'enterprise', planEndsAt: '2020-01-01T00:00:00.000Z' });
      await put('/v1/accounts/acct-ended/users/boss', { role: 'owner' });
      expect((await options('acct-ended', agent, 'boss')).body).toMatchObject({
        plan: 'enterprise',
        effectivePlan: 'free',
        expired: true,
        planEndsAt: '2020-01-01T00:00:00.000Z',
        channels: { ticket: 'none' },
        reason: 'plan_expired_free',
      });
    });
  });

  it('serves its OpenAPI document', async () => {
    const response = await request('GET', `${url}/docs/json`);
    expect(response.status).toBe(200);
    expect(Object.keys(response.body.paths)).toEqual(
      expect.arrayContaining(['/v1/plans', '/v1/plans/{plan}', '/v1/hotlines', '/v1/accounts/{accountId}/support-options']),
    );
  });
});
