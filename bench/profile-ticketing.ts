/**
 * Where a `POST /v1/tickets` spends its time: ticketing alone (its own development broker and
 * throw-away database), under `node --cpu-prof`, answering a closed loop of POSTs; prints the
 * answer rate, the SQL statements and commits per POST (server-wide SHOW GLOBAL STATUS deltas) and
 * the profile's top frames by self time.
 *
 *   npx ts-node --transpile-only bench/profile-ticketing.ts [--posts=3000] [--concurrency=64] [--compiled] [--get | --layers] [--no-profile]
 *
 * `--get` measures `GET /v1/tickets/:id` of the tickets just filed instead (as many GETs as POSTs),
 * what a customer polling their ticket and the bench's visibility sampler cost.
 *
 * `--no-profile` runs the service without the profiler, whose sampling adds its own CPU: for the
 * CPU per request of a before/after comparison; the profile's frames are then not printed.
 *
 * `--layers` measures, instead, what each layer of ticketing's HTTP stack costs: requests that stop
 * at successive layers (an unknown route, a probe, no token, a malformed id, an invalid body, a
 * ticket filed, a ticket's page), `--posts` of each in two rounds, the service's CPU per request
 * (profiler off). The rate limits are off here, as in the other modes.
 *
 * `--compiled` runs the service from `npm run build`'s output (dist/), as the images do; otherwise
 * it runs under ts-node as `npm start` does. Not part of `npm run bench`: a diagnostic.
 */
import 'reflect-metadata';
import { migrateServiceDatabase } from '@support/nest-bootstrap';
import { dropDatabasesWithPrefix, signToken, startMockKafka, throwawayPrefix } from '@support/testing-core';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { TICKETING_SERVICE } from '../apps/ticketing/src/service';
import { cliArgument, runDiagnostic } from './cli';
import { cpuSeconds } from './pipeline/process-monitor';
import { globalStatus, STATEMENT_COUNTERS } from './pipeline/server-counters';
import { compileServices, serviceProcess, serviceRuntime } from '../tools/launcher/service-runtime';

const POSTS = Number(cliArgument('posts', '3000'));
const CONCURRENCY = Number(cliArgument('concurrency', '64'));
const COMPILED = process.argv.includes('--compiled');
const GET = process.argv.includes('--get');
const LAYERS = process.argv.includes('--layers');
const PROFILE = !LAYERS && !process.argv.includes('--no-profile');
const DATABASE_URL = process.env['DATABASE_URL'] ?? 'mysql://root@127.0.0.1:3306';
const ROOT = path.resolve(__dirname, '..');

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Self time per frame (function + file:line), and per file, from a .cpuprofile. */
export function summariseProfile(profile: Profile, top = 30): string[] {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, index) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0)));
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const frames = new Map<string, number>();
  const files = new Map<string, number>();
  for (const [id, micros] of self) {
    const frame = byId.get(id)!.callFrame;
    const file = frame.url.replace(`file://${ROOT}/`, '').replace(/^.*node_modules\//, 'nm:');
    const key = `${frame.functionName || '(anonymous)'} ${file}:${frame.lineNumber + 1}`;
    frames.set(key, (frames.get(key) ?? 0) + micros);
    const pkg = file.startsWith('nm:')
      ? file
          .split('/')
          .slice(0, file.startsWith('nm:@') ? 2 : 1)
          .join('/')
      : file || '(native)';
    files.set(pkg, (files.get(pkg) ?? 0) + micros);
  }
  const pct = (micros: number) => `${((100 * micros) / total).toFixed(1).padStart(5)} %`;
  const lines = [`total sampled ${(total / 1e6).toFixed(1)} s`, '', 'top frames by self time:'];
  for (const [key, micros] of [...frames].sort((a, b) => b[1] - a[1]).slice(0, top)) lines.push(`${pct(micros)}  ${key}`);
  lines.push('', 'by package or file:');
  for (const [key, micros] of [...files].sort((a, b) => b[1] - a[1]).slice(0, top)) lines.push(`${pct(micros)}  ${key}`);
  return lines;
}

const counters = () => globalStatus(DATABASE_URL);

/** One request; resolves with its status once the answer is read (and given to `onAnswer`, if any). */
function send(
  agent: http.Agent,
  method: string,
  url: URL,
  token?: string,
  body?: string,
  onAnswer?: (status: number, text: string) => void,
): Promise<number> {
  const headers: http.OutgoingHttpHeaders = token ? { authorization: `Bearer ${token}` } : {};
  if (body !== undefined) Object.assign(headers, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method, agent, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => onAnswer && chunks.push(chunk));
      response.on('end', () => {
        const status = response.statusCode ?? 0;
        onAnswer?.(status, Buffer.concat(chunks).toString());
        resolve(status);
      });
    });
    request.on('error', reject);
    request.end(body);
  });
}

/** Files the load generator's ticket form; the new ticket's id goes to `ids[index]` when asked. */
function post(agent: http.Agent, url: URL, token: string, index: number, ids?: string[]): Promise<number> {
  const body = JSON.stringify({
    subject: `Echo in every meeting (${index})`,
    description: 'Participants hear an echo in meeting 123 456 789.',
    priority: 'urgent',
    device: 'desktop',
  });
  const keepId = ids && ((status: number, text: string) => status === 201 && (ids[index] = (JSON.parse(text) as { id: string }).id));
  return send(agent, 'POST', url, token, body, keepId);
}

/** Sends `count` requests, `CONCURRENCY` in flight; returns how many answers had each status. */
async function closedLoop(count: number, request: (index: number) => Promise<number>): Promise<Map<number, number>> {
  let next = 0;
  const statuses = new Map<number, number>();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < count) {
        const status = await request(next++);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      }
    }),
  );
  return statuses;
}

/** Each kind of request stops at a later layer than the one before it (`--layers`). */
async function measureLayers(pid: number, agent: http.Agent, url: string, tokens: string[]): Promise<string[]> {
  const token = (index: number) => tokens[index % tokens.length];
  const tickets = new URL('/v1/tickets', url);
  const ids: string[] = [];
  await closedLoop(Math.min(POSTS, 2000), (index) => post(agent, tickets, token(index), index, ids));
  const kinds: Array<[string, string, (index: number) => Promise<number>]> = [
    [
      'GET /no-such-route',
      'Fastify, Nest, security headers, correlation, telemetry, error body',
      () => send(agent, 'GET', new URL('/no-such-route', url)),
    ],
    ['GET /health/live', '+ a controller (no token asked)', () => send(agent, 'GET', new URL('/health/live', url))],
    ['GET /v1/tickets/x, no token', '+ the token guard refusing', () => send(agent, 'GET', new URL('/v1/tickets/x', url))],
    [
      'GET /v1/tickets/x',
      '+ a token checked (remembered), the id refused',
      (index) => send(agent, 'GET', new URL('/v1/tickets/x', url), token(index)),
    ],
    [
      'POST /v1/tickets, invalid body',
      '+ the body read, strict input, validation refusing',
      (index) => send(agent, 'POST', tickets, token(index), '{"subject":"x"}'),
    ],
    ['POST /v1/tickets', '+ the filing (batched insert, outbox, relay, Kafka)', (index) => post(agent, tickets, token(index), index)],
    [
      'GET /v1/tickets/:id',
      "a ticket's page (one statement)",
      (index) => send(agent, 'GET', new URL(`/v1/tickets/${ids[index % ids.length]}`, url), token(index)),
    ],
  ];
  const micros = kinds.map((): number[] => []);
  const statuses = kinds.map(() => '');
  for (let round = 0; round < 2; round++) {
    for (const [index, [, , request]] of kinds.entries()) {
      const before = cpuSeconds(pid);
      statuses[index] = JSON.stringify(Object.fromEntries(await closedLoop(POSTS, request)));
      micros[index].push(((cpuSeconds(pid) - before) * 1e6) / POSTS);
    }
  }
  return [
    'request | what it adds | µs of CPU per request, rounds 1 / 2 | statuses (round 2)',
    ...kinds.map(([name, adds], index) => `${name} | ${adds} | ${micros[index].map((m) => m.toFixed(0)).join(' / ')} | ${statuses[index]}`),
  ];
}

async function main(): Promise<void> {
  const prefix = throwawayPrefix('prof');
  const broker = await startMockKafka();
  // kept after the run, for the profile to be opened; made only when there is one to keep
  const profileDir = PROFILE ? mkdtempSync(path.join(tmpdir(), 'ticketing-prof-')) : '';
  const secret = 'profile-secret-0123456789abcdef0123456789abcdef';
  const port = 39000 + Math.floor(Math.random() * 1000);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL,
    DB_NAME_PREFIX: prefix,
    AUTH_JWT_SECRET: secret,
    KAFKA_BROKERS: broker.brokers,
    KAFKA_MAX_WAIT_MS: '100',
    LOG_LEVEL: 'warn',
    LOG_FORMAT: 'json',
    RATE_LIMIT_ENABLED: 'false',
    TICKETING_PORT: String(port),
    // the launcher's own switch: the profile goes to <profileDir>/ticketing
    SERVICE_CPU_PROFILE_DIR: profileDir,
  };
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  // stops the service (it writes its profile as it exits); also when the run fails halfway
  let stopService = async (): Promise<void> => agent.destroy();
  try {
    await migrateServiceDatabase(TICKETING_SERVICE, 'up', env);
    const settings = serviceRuntime(env, COMPILED);
    const service = serviceProcess(
      'ticketing',
      COMPILED && compileServices(undefined, (line) => process.stdout.write(`${line}\n`)),
      settings,
      env,
    );
    const child = spawn(service.command, service.args, {
      cwd: ROOT,
      env: service.env,
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    const exited = once(child, 'exit').catch(() => undefined);
    stopService = async () => {
      agent.destroy();
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    };
    const url = `http://127.0.0.1:${port}`;
    for (let ready = false; !ready;) {
      ready = await fetch(`${url}/health/ready`).then(
        (r) => r.ok,
        () => false,
      );
      if (!ready) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const tokens = await Promise.all(
      Array.from({ length: 20 }, (_, i) => signToken({ sub: `owner-${i}`, role: 'customer', account_id: `acct-${i}` }, secret, '1h')),
    );
    const target = new URL('/v1/tickets', url);
    // warm up (JIT, pools), then measure
    await Promise.all(Array.from({ length: 200 }, (_, i) => post(agent, target, tokens[i % tokens.length], i)));
    if (LAYERS) {
      const lines = await measureLayers(child.pid!, agent, url, tokens);
      await stopService();
      process.stdout.write(
        `${COMPILED ? 'compiled' : 'ts-node'}: ${POSTS} requests of each kind, ${CONCURRENCY} in flight\n${lines.join('\n')}\n`,
      );
      return;
    }
    const ids: string[] = [];
    if (GET) await closedLoop(POSTS, (index) => post(agent, target, tokens[index % tokens.length], index, ids));
    const request = (index: number) =>
      GET
        ? send(agent, 'GET', new URL(`/v1/tickets/${ids[index]}`, url), tokens[index % tokens.length])
        : post(agent, target, tokens[index % tokens.length], index);
    const before = await counters();
    const cpuBefore = cpuSeconds(child.pid!);
    const startedAt = performance.now();
    const statuses = await closedLoop(POSTS, request);
    const seconds = (performance.now() - startedAt) / 1000;
    const cpu = cpuSeconds(child.pid!) - cpuBefore;
    const after = await counters();
    const delta = (name: string) => (after[name] ?? 0) - (before[name] ?? 0);
    const statements = STATEMENT_COUNTERS.reduce((sum, name) => sum + delta(name), 0);
    const rss = readFileSync(`/proc/${child.pid}/status`, 'utf8').match(/VmHWM:\s+(\d+)/)?.[1];
    const metrics = await fetch(`${url}/metrics`).then(
      (r) => r.text(),
      () => '',
    );
    const memory = ['nodejs_heap_size_used_bytes', 'nodejs_heap_size_total_bytes', 'nodejs_external_memory_bytes']
      .map(
        (name) =>
          `${name.replace(/^nodejs_|_bytes$/g, '')} ${Math.round(Number(new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)`, 'm').exec(metrics)?.[1] ?? NaN) / 1048576)} MB`,
      )
      .join(', ');
    await stopService();
    process.stdout.write(
      [
        `${COMPILED ? 'compiled' : 'ts-node'}: ${POSTS} ${GET ? 'GETs' : 'POSTs'}, ${CONCURRENCY} in flight: ${(POSTS / seconds).toFixed(0)} ${GET ? 'GET' : 'POST'}/s, statuses ${JSON.stringify(Object.fromEntries(statuses))}`,
        `per ${GET ? 'GET' : 'POST'} (server-wide): ${(statements / POSTS).toFixed(2)} statements (${STATEMENT_COUNTERS.map((n) => `${n.slice(4)} ${(delta(n) / POSTS).toFixed(2)}`).join(', ')}), ` +
          `${(delta('Com_commit') / POSTS).toFixed(2)} commits, ${(delta('Innodb_data_fsyncs') / POSTS).toFixed(2)} fsyncs, ${(delta('Questions') / POSTS).toFixed(2)} questions`,
        `ticketing CPU ${((1000 * cpu) / POSTS).toFixed(2)} ms per ${GET ? 'GET' : 'POST'} (${((100 * cpu) / seconds).toFixed(0)} % of a core while measured)`,
        `ticketing peak RSS ${rss ? Math.round(Number(rss) / 1024) : '?'} MB; after the load: ${memory}`,
        '',
      ].join('\n'),
    );
    if (!PROFILE) return;
    const written = path.join(profileDir, 'ticketing');
    const file = readdirSync(written).find((name) => name.endsWith('.cpuprofile'));
    if (!file) throw new Error(`no profile written in ${written}`);
    process.stdout.write(
      `profile: ${path.join(written, file)}\n${summariseProfile(JSON.parse(readFileSync(path.join(written, file), 'utf8')) as Profile).join('\n')}\n`,
    );
  } finally {
    await stopService();
    await broker.stop();
    await dropDatabasesWithPrefix(prefix, DATABASE_URL);
  }
}

if (require.main === module) runDiagnostic(main);
