/**
 * `npm start`: the whole platform on this machine, stopped by Ctrl-C with nothing left running.
 * Honours the variables of contracts.md (KAFKA_BROKERS, DATABASE_URL, DB_NAME_PREFIX,
 * AUTH_JWT_SECRET / AUTH_JWKS_URL, *_PORT).
 */
import 'reflect-metadata';
import { launchPlatform } from './launcher';

async function main(): Promise<void> {
  const platform = await launchPlatform();
  let exiting = false;
  const shutdown = async (code: number) => {
    if (exiting) {
      // a second Ctrl-C: no more waiting
      process.stdout.write('\nstopping now.\n');
      await platform.stop({ now: true });
      process.exit(code || 130);
    }
    exiting = true;
    process.stdout.write(
      `\nstopping the platform (at most ${Number(process.env['SHUTDOWN_TIMEOUT_MS'] ?? '') || 10_000} ms; Ctrl-C again to kill at once)...\n`,
    );
    await platform.stop();
    process.stdout.write('stopped.\n');
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));
  void platform.crashed.then(() => shutdown(1));

  const lines = [
    '',
    'The support platform is up:',
    ...Object.entries(platform.urls).map(([name, url]) => `  ${name.padEnd(15)} ${url}   (OpenAPI: ${url}/docs)`),
    `  kafka           ${platform.brokers}`,
  ];
  if (platform.tokens) {
    lines.push(
      '',
      'Development tokens (Authorization: Bearer ...), valid 12 hours:',
      `ADMIN_TOKEN=${platform.tokens.admin}`,
      `AGENT_TOKEN=${platform.tokens.agent}`,
      `CUSTOMER_TOKEN=${platform.tokens.customer}   (user alice of account acme)`,
    );
  }
  lines.push('', 'PLATFORM READY. Press Ctrl-C to stop everything.', '');
  process.stdout.write(lines.join('\n'));
}

main().catch((error: Error) => {
  process.stderr.write(`\nnpm start failed: ${error.message}\n`);
  process.exit(1);
});
