import http from 'node:http';
import net from 'node:net';
import { nowMs } from '../stats';
import { Http1Pool, parseAnswer, type Http1Answer } from './http1-client';

type Handler = (request: http.IncomingMessage, body: string, response: http.ServerResponse) => void;

async function serve(handler: Handler): Promise<{ url: URL; sockets: () => number; close: () => Promise<void> }> {
  let sockets = 0;
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => handler(request, Buffer.concat(chunks).toString('utf8'), response));
  });
  server.on('connection', () => (sockets += 1));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: new URL(`http://127.0.0.1:${port}/v1/tickets`),
    sockets: () => sockets,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** Runs `test` with a pool of `maxSockets` towards `server`, then closes both, whatever happened. */
async function withPool(
  server: Awaited<ReturnType<typeof serve>>,
  maxSockets: number,
  test: (pool: Http1Pool) => Promise<void>,
): Promise<void> {
  const pool = new Http1Pool(server.url, maxSockets);
  try {
    await test(pool);
  } finally {
    pool.destroy();
    await server.close();
  }
}

function send(pool: Http1Pool, body: string, headers = ''): Promise<Http1Answer> {
  return new Promise((resolve, reject) => {
    pool.request('POST', '/v1/tickets', headers, body, (error, answer) => (error ? reject(error) : resolve(answer!)));
  });
}

describe('parseAnswer', () => {
  const text = (value: string) => Buffer.from(value, 'latin1');

  it('reads a Content-Length body, and waits for all of it', () => {
    const whole = 'HTTP/1.1 201 Created\r\nContent-Type: application/json\r\nContent-Length: 11\r\n\r\n{"id":"a1"}';
    expect(parseAnswer(text(whole))).toEqual({ status: 201, body: '{"id":"a1"}', close: false });
    for (let cut = 0; cut < whole.length; cut += 7) expect(parseAnswer(text(whole.slice(0, cut)))).toBe('incomplete');
  });

  it('reads a chunked body with extensions and trailers, and waits for its end', () => {
    const whole = 'HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, chunked\r\n\r\n4;x=1\r\nWiki\r\n6\r\npedia \r\n0\r\nX-Trailer: 1\r\n\r\n';
    expect(parseAnswer(text(whole))).toEqual({ status: 200, body: 'Wikipedia ', close: false });
    for (let cut = 0; cut < whole.length; cut += 3) expect(parseAnswer(text(whole.slice(0, cut)))).toBe('incomplete');
    expect(parseAnswer(text('HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n0\r\n\r\n'))).toEqual({
      status: 200,
      body: '',
      close: false,
    });
  });

  it('notes a closing connection, and refuses what it cannot read', () => {
    expect(parseAnswer(text('HTTP/1.1 503 No\r\nConnection: close\r\nContent-Length: 0\r\n\r\n'))).toEqual({
      status: 503,
      body: '',
      close: true,
    });
    expect(parseAnswer(text('SSH-2.0-OpenSSH\r\n\r\n'))).toBeInstanceOf(Error);
    expect(parseAnswer(text('HTTP/1.1 200 OK\r\n\r\nbody until close'))).toBeInstanceOf(Error);
    expect(parseAnswer(text('HTTP/1.1 200 OK\r\nContent-Length: 12abc\r\n\r\n12abc'))).toBeInstanceOf(Error);
    expect(parseAnswer(text('HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n'))).toBeInstanceOf(Error);
    expect(parseAnswer(text('HTTP/1.1 204 No Content\r\n\r\n'))).toEqual({ status: 204, body: '', close: false });
  });
});

describe('Http1Pool against a Node.js server', () => {
  it('sends method, path, headers and a UTF-8 body, and reuses at most maxSockets sockets', async () => {
    const seen: Array<{ method?: string; url?: string; auth?: string; type?: string; length?: string; body: string }> = [];
    const server = await serve((request, body, response) => {
      seen.push({
        method: request.method,
        url: request.url,
        auth: request.headers.authorization,
        type: request.headers['content-type'],
        length: request.headers['content-length'],
        body,
      });
      setTimeout(() => response.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ id: `t-${body}` })), 5);
    });
    await withPool(server, 3, async (pool) => {
      const headers = 'Authorization: Bearer abc\r\nContent-Type: application/json\r\n';
      const bodies = Array.from({ length: 30 }, (_, index) => `élève ${index}`);
      const answers = await Promise.all(bodies.map((body) => send(pool, body, headers)));
      expect(answers.map((answer) => answer.status)).toEqual(bodies.map(() => 201));
      expect(answers.map((answer) => JSON.parse(answer.body).id)).toEqual(bodies.map((body) => `t-${body}`));
      expect(seen).toHaveLength(30);
      expect(seen[0]).toEqual({
        method: 'POST',
        url: '/v1/tickets',
        auth: 'Bearer abc',
        type: 'application/json',
        length: String(Buffer.byteLength(bodies[0])),
        body: bodies[0],
      });
      expect(server.sockets()).toBe(3);
    });
  });

  it('reads chunked answers, as Node.js sends a body written in parts without a length', async () => {
    const server = await serve((_request, body, response) => {
      response.writeHead(200);
      response.write('part one, ');
      response.end(body);
    });
    await withPool(server, 1, async (pool) => {
      expect(await send(pool, 'two')).toEqual({ status: 200, body: 'part one, two', writtenAt: expect.any(Number) });
      expect(await send(pool, 'three')).toEqual({ status: 200, body: 'part one, three', writtenAt: expect.any(Number) });
      expect(server.sockets()).toBe(1);
    });
  });

  it('opens a new socket after the server closed one, and fails only the request that was on it', async () => {
    let calls = 0;
    const server = await serve((request, body, response) => {
      calls += 1;
      if (body === 'drop') request.socket.destroy();
      else if (calls === 1) response.writeHead(200, { connection: 'close' }).end('first');
      else response.writeHead(200).end(body);
    });
    await withPool(server, 1, async (pool) => {
      expect(await send(pool, 'a')).toEqual({ status: 200, body: 'first', writtenAt: expect.any(Number) });
      expect(await send(pool, 'b')).toEqual({ status: 200, body: 'b', writtenAt: expect.any(Number) });
      const dropped = send(pool, 'drop');
      const after = send(pool, 'c');
      await expect(dropped).rejects.toThrow(/closed|ECONNRESET/);
      expect(await after).toEqual({ status: 200, body: 'c', writtenAt: expect.any(Number) });
      expect(server.sockets()).toBe(3);
    });
  });

  it('tells when each request went out on a socket: at once while one is free, else when one is', async () => {
    const server = await serve((_request, body, response) => setTimeout(() => response.writeHead(200).end(body), 30));
    await withPool(server, 1, async (pool) => {
      const before = nowMs();
      const answered: Array<Http1Answer & { at: number }> = [];
      await Promise.all(
        ['first', 'queued'].map(
          (body) =>
            new Promise<void>((resolve, reject) =>
              pool.request('POST', '/', '', body, (error, answer) => {
                if (error || !answer) return reject(error);
                answered.push({ ...answer, at: nowMs() });
                resolve();
              }),
            ),
        ),
      );
      const [first, queued] = answered;
      expect([first.body, queued.body]).toEqual(['first', 'queued']);
      // the first was written at once; the second waited for the only socket, so for the first's answer
      expect(first.writtenAt - before).toBeLessThan(25);
      expect(queued.writtenAt).toBeGreaterThanOrEqual(first.at - 1);
      expect(queued.at - queued.writtenAt).toBeGreaterThanOrEqual(25);
    });
  });

  it('gives up on a request sent or still queued, and answers the rest', async () => {
    const server = await serve((_request, body, response) => {
      if (body !== 'slow') response.writeHead(200).end(body);
    });
    await withPool(server, 1, async (pool) => {
      const outcomes: string[] = [];
      const record = (label: string) => (error: Error | null, answer: Http1Answer | null) =>
        outcomes.push(`${label}: ${error ? error.message : answer!.body}`);
      const giveUpSlow = pool.request('POST', '/', '', 'slow', record('slow'));
      const giveUpQueued = pool.request('POST', '/', '', 'queued', record('queued'));
      pool.request('POST', '/', '', 'next', record('next'));
      giveUpQueued();
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(outcomes).toEqual(['queued: timeout']);
      giveUpSlow();
      giveUpSlow();
      for (let waited = 0; outcomes.length < 3 && waited < 2000; waited += 10) await new Promise((resolve) => setTimeout(resolve, 10));
      expect(outcomes).toEqual(['queued: timeout', 'slow: timeout', 'next: next']);
    });
  });
});
