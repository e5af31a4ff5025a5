import { spawn, spawnSync, type ChildProcess } from 'node:child_process';

export interface RunningBroker {
  /** comma-separated bootstrap servers, as KAFKA_BROKERS takes them */
  brokers: string;
  /** the kcat process (fault tests freeze it with SIGSTOP to take the broker away) */
  pid: number;
  stop(): Promise<void>;
}

/**
 * Starts librdkafka's mock cluster through kcat: a real Kafka-protocol broker for development and
 * tests. It lives until stop() (or until this process exits).
 */
export async function startMockKafka(options: { brokers?: number; timeoutMs?: number } = {}): Promise<RunningBroker> {
  const kcat = process.env['KCAT_BIN'] ?? 'kcat';
  if (spawnSync(kcat, ['-V']).error) {
    throw new Error(
      'kcat is not installed: the tests start their own Kafka-protocol broker with it: install it with "apt-get install -y kcat" (Debian)',
    );
  }
  const child = spawn(
    kcat,
    ['-b', 'localhost:9092', '-X', `test.mock.num.brokers=${options.brokers ?? 3}`, '-C', '-t', '__keepalive', '-q'],
    // own process group: a terminal's Ctrl-C must not take the broker away before the services
    // that use it have shut down
    { stdio: ['ignore', 'ignore', 'pipe'], detached: true },
  );
  const brokers = await new Promise<string>((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`kcat mock cluster did not start within ${options.timeoutMs ?? 10_000} ms: ${seen}`));
    }, options.timeoutMs ?? 10_000);
    child.stderr!.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const match = /replaced with ([0-9.:,]+)/.exec(seen);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`kcat exited with ${code} before the mock cluster started: ${seen}`));
    });
  });
  child.stderr!.resume();
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  return {
    brokers,
    pid: child.pid!,
    stop: () => stopChild(child).finally(() => process.removeListener('exit', killOnExit)),
  };
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 3000).unref();
  });
}
