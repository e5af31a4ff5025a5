/**
 * The load generator's HTTP/1.1 client: keep-alive sockets, one request at a time on each, a
 * request written in one piece, and the answer read as its status line, `Content-Length` or
 * chunked body. It does what the generator needs of Node's `http.request` with an `Agent` (a pool
 * of at most `maxSockets`, requests queued while every socket is busy) for a fraction of the CPU:
 * the generator shares the two cores with the platform it measures, and Node's client, with its
 * request and response objects, streams and events per request, took about 0.2 ms a ticket.
 *
 * Not a general client: no redirects, no `Expect: 100-continue`, no upgrades, no pipelining, and
 * no body for HEAD or 1xx/204/304 answers, none of which the bench's `POST /v1/tickets` gets.
 */
import net from 'node:net';
import { nowMs } from '../stats';

export interface Http1Answer {
  status: number;
  /** the body as text */
  body: string;
  /**
   * epoch ms (bench/stats.ts `nowMs`) at which the request was written on a socket: later than its
   * `request` call when every socket was busy and it queued for one
   */
  writtenAt: number;
}

type Settle = (error: Error | null, answer: Http1Answer | null) => void;

interface Pending {
  request: string;
  settle: Settle;
  /** the socket it was written on, once written, and when */
  connection: Connection | null;
  writtenAt: number;
  done: boolean;
}

const HEADER_END = Buffer.from('\r\n\r\n');
const CRLF = Buffer.from('\r\n');

class Connection {
  private readonly socket: net.Socket;
  private buffered: Buffer = Buffer.alloc(0);
  private current: Pending | null = null;
  private closed = false;

  constructor(
    host: string,
    port: number,
    private readonly onFree: (connection: Connection) => void,
    private readonly onClose: (connection: Connection) => void,
  ) {
    this.socket = net.connect({ host, port, noDelay: true });
    this.socket.on('data', (chunk: Buffer) => this.read(chunk));
    this.socket.on('error', (error) => this.close(error));
    this.socket.on('close', () => this.close(new Error('socket closed before the answer ended')));
  }

  send(pending: Pending): void {
    this.current = pending;
    pending.connection = this;
    pending.writtenAt = nowMs();
    this.socket.write(pending.request);
  }

  /** Closes the socket; a request on it gets `error`. */
  close(error: Error): void {
    if (this.closed) return;
    this.closed = true;
    this.socket.destroy();
    const pending = this.current;
    this.current = null;
    if (pending) finish(pending, error, null);
    this.onClose(this);
  }

  private read(chunk: Buffer): void {
    this.buffered = this.buffered.length === 0 ? chunk : Buffer.concat([this.buffered, chunk]);
    const pending = this.current;
    if (!pending) return this.close(new Error('data arrived with no request on the socket'));
    const answer = parseAnswer(this.buffered);
    if (answer === 'incomplete') return;
    this.buffered = Buffer.alloc(0);
    this.current = null;
    if (answer instanceof Error) {
      finish(pending, answer, null);
      return this.close(answer);
    }
    finish(pending, null, { status: answer.status, body: answer.body, writtenAt: pending.writtenAt });
    if (answer.close) this.close(new Error('the server closed the connection'));
    else this.onFree(this);
  }
}

function finish(pending: Pending, error: Error | null, answer: Http1Answer | null): void {
  if (pending.done) return;
  pending.done = true;
  pending.settle(error, answer);
}

/** One whole answer at the start of `data`, `incomplete` while more must arrive. */
export function parseAnswer(data: Buffer): { status: number; body: string; close: boolean } | Error | 'incomplete' {
  const headerEnd = data.indexOf(HEADER_END);
  if (headerEnd === -1) return 'incomplete';
  const head = data.toString('latin1', 0, headerEnd);
  const lines = head.split('\r\n');
  const statusLine = /^HTTP\/1\.[01] (\d{3})/.exec(lines[0]);
  if (!statusLine) return new Error(`not an HTTP/1.1 status line: ${JSON.stringify(lines[0].slice(0, 80))}`);
  let length: number | null = null;
  let chunked = false;
  let close = lines[0].startsWith('HTTP/1.0');
  for (let index = 1; index < lines.length; index += 1) {
    const colon = lines[index].indexOf(':');
    const name = lines[index].slice(0, colon).trim().toLowerCase();
    const value = lines[index]
      .slice(colon + 1)
      .trim()
      .toLowerCase();
    if (name === 'content-length') {
      length = /^\d+$/.test(value) ? Number(value) : Number.NaN;
      if (Number.isNaN(length)) return new Error(`an unreadable Content-Length: ${JSON.stringify(value.slice(0, 40))}`);
    } else if (name === 'transfer-encoding') chunked = value.split(',').some((coding) => coding.trim() === 'chunked');
    else if (name === 'connection') close = value === 'close';
  }
  const status = Number(statusLine[1]);
  const bodyStart = headerEnd + HEADER_END.length;
  if (chunked) {
    const parts: Buffer[] = [];
    let at = bodyStart;
    for (;;) {
      const sizeEnd = data.indexOf(CRLF, at);
      if (sizeEnd === -1) return 'incomplete';
      const size = parseInt(data.toString('latin1', at, sizeEnd).split(';')[0], 16);
      if (Number.isNaN(size)) return new Error('an unreadable chunk size');
      if (size === 0) {
        // the last chunk's line ends, optional trailer lines follow, then an empty line
        if (data.indexOf(HEADER_END, sizeEnd) === -1) return 'incomplete';
        return { status, body: Buffer.concat(parts).toString('utf8'), close };
      }
      const chunkStart = sizeEnd + CRLF.length;
      if (data.length < chunkStart + size + CRLF.length) return 'incomplete';
      parts.push(data.subarray(chunkStart, chunkStart + size));
      at = chunkStart + size + CRLF.length;
    }
  }
  if (length === null) {
    // no length and not chunked: the body runs until the server closes (never the case here)
    if (status === 204 || status === 304 || status < 200) return { status, body: '', close };
    return new Error('an answer without Content-Length or chunked encoding');
  }
  if (data.length < bodyStart + length) return 'incomplete';
  return { status, body: data.toString('utf8', bodyStart, bodyStart + length), close };
}

export class Http1Pool {
  private readonly free: Connection[] = [];
  private readonly all = new Set<Connection>();
  private readonly queue: Pending[] = [];
  private readonly host: string;
  private readonly port: number;
  private readonly hostHeader: string;

  constructor(
    url: URL,
    private readonly maxSockets: number,
  ) {
    this.host = url.hostname;
    this.port = Number(url.port || 80);
    this.hostHeader = url.host;
  }

  /**
   * Sends a request; `settle` is called once, with the answer or the error. The returned function
   * gives up on it (a timeout): its socket, if it was sent, is closed, as Node's client does.
   */
  request(method: string, path: string, headers: string, body: string, settle: Settle): () => void {
    const request =
      `${method} ${path} HTTP/1.1\r\nHost: ${this.hostHeader}\r\n${headers}` + `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
    const pending: Pending = { request, settle, connection: null, writtenAt: Number.NaN, done: false };
    const connection = this.free.pop() ?? (this.all.size < this.maxSockets ? this.open() : null);
    if (connection) connection.send(pending);
    else this.queue.push(pending);
    return () => {
      if (pending.done) return;
      if (pending.connection) pending.connection.close(new Error('timeout'));
      else finish(pending, new Error('timeout'), null);
    };
  }

  /** Closes every socket; requests still waiting get an error. */
  destroy(): void {
    for (const pending of this.queue.splice(0)) finish(pending, new Error('client destroyed'), null);
    for (const connection of [...this.all]) connection.close(new Error('client destroyed'));
  }

  private open(): Connection {
    const connection = new Connection(
      this.host,
      this.port,
      (free) => this.next(free),
      (closed) => {
        this.all.delete(closed);
        const index = this.free.indexOf(closed);
        if (index !== -1) this.free.splice(index, 1);
        // a socket fewer: a queued request may open a new one
        const waiting = this.takeQueued();
        if (waiting) this.open().send(waiting);
      },
    );
    this.all.add(connection);
    return connection;
  }

  private next(connection: Connection): void {
    const waiting = this.takeQueued();
    if (waiting) connection.send(waiting);
    else this.free.push(connection);
  }

  private takeQueued(): Pending | undefined {
    let pending = this.queue.shift();
    while (pending?.done) pending = this.queue.shift();
    return pending;
  }
}
