import { createConnection, createServer, type Server, type Socket } from 'node:net';

/**
 * A TCP proxy the fault tests control: the services reach MariaDB through it, so the test can take
 * the database away (every open connection cut, new ones refused) without touching the machine's
 * server, and bring it back on the same port.
 */
export class TcpProxy {
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();
  port = 0;
  /** connections cut by outages so far */
  cutConnections = 0;

  constructor(
    private readonly targetHost: string,
    private readonly targetPort: number,
  ) {}

  static async start(targetHost: string, targetPort: number): Promise<TcpProxy> {
    const proxy = new TcpProxy(targetHost, targetPort);
    await proxy.listen(0);
    return proxy;
  }

  get address(): string {
    return `127.0.0.1:${this.port}`;
  }

  get up(): boolean {
    return this.server !== null;
  }

  private listen(port: number): Promise<void> {
    const server = createServer((client) => {
      const upstream = createConnection({ host: this.targetHost, port: this.targetPort });
      this.sockets.add(client).add(upstream);
      const close = () => {
        client.destroy();
        upstream.destroy();
        this.sockets.delete(client);
        this.sockets.delete(upstream);
      };
      client.on('error', close).on('close', close);
      upstream.on('error', close).on('close', close);
      client.pipe(upstream);
      upstream.pipe(client);
    });
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        this.port = (server.address() as { port: number }).port;
        this.server = server;
        resolve();
      });
    });
  }

  /** The database goes away: open connections are reset and new ones refused. */
  async cut(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = null;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    this.cutConnections += this.sockets.size / 2;
    for (const socket of this.sockets) socket.resetAndDestroy();
    this.sockets.clear();
    await closed;
  }

  /** The database comes back on the same address. */
  async restore(): Promise<void> {
    if (this.server) return;
    // the port was ours a moment ago; another process could take it only by binding it explicitly
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
}
