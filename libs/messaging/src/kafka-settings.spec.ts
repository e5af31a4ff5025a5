import net from 'node:net';
import tls from 'node:tls';
import { kafkaClientConfig, noDelaySocketFactory } from './kafka-settings';

describe('noDelaySocketFactory', () => {
  afterEach(() => jest.restoreAllMocks());

  it('connects with Nagle off and TCP keep-alive on, and is what every Kafka client of the platform uses', async () => {
    const server = net.createServer((socket) => socket.end());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const noDelay = jest.spyOn(net.Socket.prototype, 'setNoDelay');
    const keepAlive = jest.spyOn(net.Socket.prototype, 'setKeepAlive');
    try {
      const { port } = server.address() as net.AddressInfo;
      let socket: net.Socket | undefined;
      await new Promise<void>((resolve) => {
        socket = noDelaySocketFactory({ host: '127.0.0.1', port, ssl: undefined as unknown as tls.ConnectionOptions, onConnect: resolve });
      });
      expect(noDelay.mock.contexts).toContain(socket);
      expect(noDelay).toHaveBeenCalledWith(true);
      expect(keepAlive).toHaveBeenCalledWith(true, 60_000);
      socket!.destroy();
    } finally {
      server.close();
    }
    const config = kafkaClientConfig({
      brokers: ['kafka-1:9092'],
      clientId: 'ticketing',
      groupId: 'ticketing',
      maxWaitTimeInMs: 100,
      sessionTimeoutMs: 30_000,
      heartbeatIntervalMs: 3000,
      partitionsConsumedConcurrently: 1,
    });
    expect(config.socketFactory).toBe(noDelaySocketFactory);
  });

  it('opens TLS with the broker name for SNI and certificate checks (none for an address), keeping the caller options', () => {
    const fake = new net.Socket();
    const connect = jest.spyOn(tls, 'connect').mockReturnValue(fake as tls.TLSSocket);
    const noDelay = jest.spyOn(fake, 'setNoDelay');
    const onConnect = () => undefined;
    noDelaySocketFactory({ host: 'kafka-1.example.com', port: 9093, ssl: { rejectUnauthorized: true }, onConnect });
    expect(connect).toHaveBeenLastCalledWith(
      { host: 'kafka-1.example.com', port: 9093, servername: 'kafka-1.example.com', rejectUnauthorized: true },
      onConnect,
    );
    noDelaySocketFactory({ host: '10.0.0.7', port: 9093, ssl: {}, onConnect });
    expect(connect).toHaveBeenLastCalledWith({ host: '10.0.0.7', port: 9093 }, onConnect);
    expect(noDelay).toHaveBeenCalledWith(true);
    fake.destroy();
  });
});
