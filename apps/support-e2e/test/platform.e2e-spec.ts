import { dropDatabasesWithPrefix, freePort, request, signToken, TEST_JWT_SECRET, throwawayPrefix, waitFor } from '@support/testing';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');

/**
 * The platform as `npm start` runs it: the launcher starts the development broker and the four
 * services as separate processes; the test only speaks HTTP to them.
 */
describe('npm start: the whole platform as separate processes, driven over HTTP', () => {
  const prefix = throwawayPrefix('e2e');
  let launcher: ChildProcess;
  let output = '';
  const ports: Record<string, number> = {};
  let adminToken: string;
  let customerToken: string;

  beforeAll(async () => {
    for (const name of ['TICKETING_PORT', 'ENTITLEMENTS_PORT', 'SLA_PORT', 'KB_PORT']) ports[name] = await freePort();
    const env: NodeJS.ProcessEnv = { ...process.env, DB_NAME_PREFIX: prefix, AUTH_JWT_SECRET: TEST_JWT_SECRET, LOG_LEVEL: 'warn' };
    delete env['KAFKA_BROKERS'];
    for (const [name, port] of Object.entries(ports)) env[name] = String(port);
    launcher = spawn(process.execPath, ['-r', 'ts-node/register', 'tools/launcher/main.ts'], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    launcher.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    launcher.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await waitFor(() => output.includes('PLATFORM READY') || launcher.exitCode !== null, {
      timeoutMs: 170_000,
      intervalMs: 200,
      description: 'npm start to report ready',
    });
    if (!output.includes('PLATFORM READY')) throw new Error(`launcher failed:\n${output}`);
    adminToken = /ADMIN_TOKEN=(\S+)/.exec(output)![1];
    customerToken = /CUSTOMER_TOKEN=(\S+)/.exec(output)![1];
  }, 180_000);

  afterAll(async () => {
    if (launcher && launcher.exitCode === null) {
      launcher.kill('SIGKILL');
    }
    await dropDatabasesWithPrefix(prefix);
  });

  const url = (variable: string) => `http://127.0.0.1:${ports[variable]}`;

  it('serves health, readiness and OpenAPI on every service, and refuses unauthenticated calls', async () => {
    for (const variable of Object.keys(ports)) {
      expect((await request('GET', `${url(variable)}/health/live`)).status).toBe(200);
      expect((await request('GET', `${url(variable)}/health/ready`)).status).toBe(200);
      expect((await request('GET', `${url(variable)}/docs/json`)).body).toHaveProperty('openapi');
    }
    const anonymous = await request('POST', `${url('TICKETING_PORT')}/v1/tickets`, { body: {} });
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.code).toBe('unauthenticated');
    const customer = await signToken({ sub: 'someone', role: 'customer', account_id: 'acct' });
    const forbidden = await request('PUT', `${url('ENTITLEMENTS_PORT')}/v1/accounts/acct`, {
      token: customer,
      body: { name: 'x', plan: 'pro' },
    });
    expect(forbidden.status).toBe(403);
  });

  it('runs the ticket-created flow across the processes', async () => {
    const entitlements = url('ENTITLEMENTS_PORT');
    expect(
      (await request('PUT', `${entitlements}/v1/accounts/e2e-free`, { token: adminToken, body: { name: 'Free account', plan: 'free' } }))
        .status,
    ).toBe(201);
    expect(
      (await request('PUT', `${entitlements}/v1/accounts/e2e-free/users/free-1`, { token: adminToken, body: { role: 'owner' } })).status,
    ).toBe(200);

    // the printed customer token is alice of account acme: make acme Pro and alice its owner
    expect(
      (await request('PUT', `${entitlements}/v1/accounts/acme`, { token: adminToken, body: { name: 'Acme', plan: 'pro' } })).status,
    ).toBe(201);
    expect(
      (await request('PUT', `${entitlements}/v1/accounts/acme/users/alice`, { token: adminToken, body: { role: 'owner' } })).status,
    ).toBe(200);
    const owner = customerToken;
    const freeUser = await signToken({ sub: 'free-1', role: 'customer', account_id: 'e2e-free' });
    const body = {
      subject: 'Nobody can join',
      description: 'Meeting 987 654 3210 rejects every participant.',
      priority: 'urgent',
      device: 'web',
    };
    const filed = await request('POST', `${url('TICKETING_PORT')}/v1/tickets`, { token: owner, body });
    expect(filed.status).toBe(201);
    const refused = await request('POST', `${url('TICKETING_PORT')}/v1/tickets`, { token: freeUser, body });
    expect(refused.status).toBe(201);

    const ticket = await waitFor(
      async () => {
        const r = await request('GET', `${url('TICKETING_PORT')}/v1/tickets/${filed.body.id}`, { token: owner });
        // the decision and the deadline arrive on different topics, so either may show first
        return r.body?.sla?.firstResponseDueAt && r.body?.entitlement?.status !== 'pending' ? r.body : null;
      },
      { timeoutMs: 60_000, description: 'the plan check and the first-response deadline' },
    );
    expect(ticket.entitlement.status).toBe('entitled');
    expect(Date.parse(ticket.sla.firstResponseDueAt) - Date.parse(ticket.createdAt)).toBe(3600_000);

    const sla = await request('GET', `${url('SLA_PORT')}/v1/tickets/${filed.body.id}/sla`, { token: adminToken });
    expect(sla.status).toBe(200);
    expect(sla.body.clocks[0]).toMatchObject({ metric: 'first_response', state: 'running', dueAt: ticket.sla.firstResponseDueAt });

    const rejected = await waitFor(
      async () => {
        const r = await request('GET', `${url('TICKETING_PORT')}/v1/tickets/${refused.body.id}`, { token: freeUser });
        return r.body?.status === 'rejected' ? r.body : null;
      },
      { timeoutMs: 60_000, description: 'the free ticket to be rejected' },
    );
    expect(rejected.entitlement.reason).toBe('free_plan');
    expect(rejected.sla.firstResponseDueAt).toBeNull();

    const decision = await request('GET', `${entitlements}/v1/decisions/${filed.body.id}`, { token: adminToken });
    expect(decision.body).toMatchObject({ status: 'entitled', plan: 'pro', role: 'owner', slaTarget: 'PT1H' });
  });

  it('serves the seeded help center, in French with English fallback', async () => {
    const kb = url('KB_PORT');
    const search = await request('GET', `${kb}/v1/articles?q=echo&locale=en`);
    expect(search.status).toBe(200);
    expect(search.body.items.length).toBeGreaterThan(0);
    const top = await request('GET', `${kb}/v1/top-resources?locale=fr`);
    expect(top.status).toBe(200);
    expect(top.body.items).toHaveLength(20);
  });

  it('stops everything it started on Ctrl-C', async () => {
    const exited = once(launcher, 'exit');
    launcher.kill('SIGINT');
    const [code] = await exited;
    expect(code).toBe(0);
    expect(output).toContain('stopped.');
    for (const variable of Object.keys(ports)) {
      await expect(fetch(`${url(variable)}/health/live`)).rejects.toThrow();
    }
  }, 60_000);
});
