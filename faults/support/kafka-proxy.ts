import { createConnection, createServer, type Server, type Socket } from 'node:net';

const METADATA = 3;
const FIND_COORDINATOR = 10;

/**
 * A Kafka-protocol proxy in front of a one-broker cluster, on a port that stays the same while the
 * broker behind it is replaced. Kafka clients connect to the addresses the broker advertises, so
 * the proxy rewrites the broker's address in Metadata and FindCoordinator answers to its own. With
 * it, the development broker (librdkafka's mock cluster, which picks its own ports) can be killed
 * and a new one started "on the same address", as a real broker would come back after a crash.
 *
 * It understands the request and answer versions kafkajs uses (Metadata v0-v6, FindCoordinator
 * v0-v2: none of them flexible); every other message passes untouched.
 */
export class KafkaProxy {
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();
  port = 0;

  private constructor(private target: { host: string; port: number }) {}

  static async start(target: string): Promise<KafkaProxy> {
    const proxy = new KafkaProxy(parseAddress(target));
    await proxy.listen(0);
    return proxy;
  }

  get address(): string {
    return `127.0.0.1:${this.port}`;
  }

  /** Forwards new connections to another broker from now on. */
  retarget(target: string): void {
    this.target = parseAddress(target);
  }

  /** Resets every open connection and refuses new ones. */
  async cut(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = null;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    for (const socket of this.sockets) socket.resetAndDestroy();
    this.sockets.clear();
    await closed;
  }

  async restore(): Promise<void> {
    if (this.server) return;
    for (let attempt = 0; ; attempt += 1) {
      try {
        await this.listen(this.port);
        return;
      } catch (error) {
        if (attempt >= 50) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  }

  async stop(): Promise<void> {
    await this.cut();
  }

  private listen(port: number): Promise<void> {
    const server = createServer((client) => this.connect(client));
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        this.port = (server.address() as { port: number }).port;
        this.server = server;
        resolve();
      });
    });
  }

  private connect(client: Socket): void {
    const upstream = createConnection(this.target);
    this.sockets.add(client).add(upstream);
    const close = () => {
      client.destroy();
      upstream.destroy();
      this.sockets.delete(client);
      this.sockets.delete(upstream);
    };
    client.on('error', close).on('close', close);
    upstream.on('error', close).on('close', close);
    // correlation id → [api key, api version] of the requests in flight on this connection
    const pending = new Map<number, [number, number]>();
    frames(client, (frame) => {
      pending.set(frame.readInt32BE(8), [frame.readInt16BE(4), frame.readInt16BE(6)]);
      upstream.write(frame);
    });
    frames(upstream, (frame) => {
      const correlationId = frame.readInt32BE(4);
      const request = pending.get(correlationId);
      pending.delete(correlationId);
      client.write(request ? this.rewrite(frame, request[0], request[1]) : frame);
    });
  }

  /** The answer with the broker's advertised address replaced by the proxy's. */
  private rewrite(frame: Buffer, apiKey: number, version: number): Buffer {
    try {
      if (apiKey === METADATA && version <= 8) return this.rewriteMetadata(frame, version);
      if (apiKey === FIND_COORDINATOR && version <= 2) return this.rewriteCoordinator(frame, version);
    } catch {
      // an answer shaped otherwise than expected passes as it is
    }
    return frame;
  }

  private rewriteMetadata(frame: Buffer, version: number): Buffer {
    let offset = 8 + (version >= 3 ? 4 : 0); // size, correlation id, throttle time
    const head = frame.subarray(0, offset);
    const count = frame.readInt32BE(offset);
    offset += 4;
    const brokers: Buffer[] = [];
    for (let index = 0; index < count; index += 1) {
      const nodeId = frame.readInt32BE(offset);
      offset += 4;
      const hostLength = frame.readInt16BE(offset);
      offset += 2 + hostLength + 4; // host, port
      let rack: Buffer = Buffer.alloc(0);
      if (version >= 1) {
        const rackLength = frame.readInt16BE(offset);
        rack = frame.subarray(offset, offset + 2 + Math.max(0, rackLength));
        offset += 2 + Math.max(0, rackLength);
      }
      brokers.push(Buffer.concat([int32(nodeId), this.hostAndPort(), rack]));
    }
    return withSize(Buffer.concat([head.subarray(4), int32(count), ...brokers, frame.subarray(offset)]));
  }

  private rewriteCoordinator(frame: Buffer, version: number): Buffer {
    let offset = 8 + (version >= 1 ? 4 : 0) + 2; // size, correlation id, throttle time, error code
    if (version >= 1) {
      const messageLength = frame.readInt16BE(offset);
      offset += 2 + Math.max(0, messageLength);
    }
    const nodeId = frame.readInt32BE(offset);
    const hostLength = frame.readInt16BE(offset + 4);
    const rest = frame.subarray(offset + 4 + 2 + hostLength + 4);
    return withSize(Buffer.concat([frame.subarray(4, offset), int32(nodeId), this.hostAndPort(), rest]));
  }

  private hostAndPort(): Buffer {
    const host = Buffer.from('127.0.0.1');
    const length = Buffer.alloc(2);
    length.writeInt16BE(host.length);
    return Buffer.concat([length, host, int32(this.port)]);
  }
}

function parseAddress(address: string): { host: string; port: number } {
  const [host, port] = address.split(',')[0].split(':');
  return { host, port: Number(port) };
}

function int32(value: number): Buffer {
  const buffer = Buffer.alloc(4);
  buffer.writeInt32BE(value);
  return buffer;
}

function withSize(body: Buffer): Buffer {
  return Buffer.concat([int32(body.length), body]);
}

/** Calls `onFrame` with each size-prefixed Kafka message (size included) read from the socket. */
function frames(socket: Socket, onFrame: (frame: Buffer) => void): void {
  let buffered: Buffer = Buffer.alloc(0);
  socket.on('data', (chunk: Buffer) => {
    buffered = buffered.length ? Buffer.concat([buffered, chunk]) : chunk;
    while (buffered.length >= 4) {
      const size = buffered.readInt32BE(0);
      if (buffered.length < 4 + size) break;
      onFrame(buffered.subarray(0, 4 + size));
      buffered = buffered.subarray(4 + size);
    }
  });
}
