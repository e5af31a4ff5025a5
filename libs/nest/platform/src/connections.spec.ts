import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { kafkaClientConfig } from '@support/messaging';
import { mysqlDataSourceOptions, pingServer } from '@support/persistence';
import { databaseServer, kafkaConnectionSecurity } from './connections';
import { CommonEnvironment, EnvironmentError, loadEnvironment } from './environment';

const BASE = { KAFKA_BROKERS: 'kafka-1:9093,kafka-2:9093', AUTH_JWT_SECRET: 'a-secret-of-at-least-thirty-two-characters!' };
const dir = mkdtempSync(join(tmpdir(), 'connections-'));
const CA_FILE = join(dir, 'ca.pem');
const CA_PEM = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
writeFileSync(CA_FILE, CA_PEM);

const load = (vars: Record<string, string>) => loadEnvironment(CommonEnvironment, { ...BASE, ...vars });

function problems(vars: Record<string, string>): string {
  try {
    load(vars);
  } catch (error) {
    expect(error).toBeInstanceOf(EnvironmentError);
    return (error as Error).message;
  }
  throw new Error('expected the environment to be rejected');
}

const clientOf = (vars: Record<string, string>) =>
  kafkaClientConfig({
    brokers: ['kafka-1:9093'],
    clientId: 'ticketing',
    groupId: 'ticketing',
    maxWaitTimeInMs: 100,
    sessionTimeoutMs: 30000,
    heartbeatIntervalMs: 3000,
    partitionsConsumedConcurrently: 1,
    security: kafkaConnectionSecurity(load(vars)),
  });

describe('Kafka connection from the environment', () => {
  it('is plaintext without authentication by default', () => {
    const client = clientOf({});
    expect(client.ssl).toBeUndefined();
    expect(client.sasl).toBeUndefined();
  });

  it('KAFKA_SSL=true uses TLS with the system trust store', () => {
    expect(clientOf({ KAFKA_SSL: 'true' }).ssl).toBe(true);
  });

  it('KAFKA_SSL_CA_FILE hands the CA certificates to TLS; KAFKA_SSL_REJECT_UNAUTHORIZED=false relaxes the check', () => {
    expect(clientOf({ KAFKA_SSL: 'true', KAFKA_SSL_CA_FILE: CA_FILE }).ssl).toEqual({ ca: [CA_PEM], rejectUnauthorized: true });
    expect(clientOf({ KAFKA_SSL: '1', KAFKA_SSL_REJECT_UNAUTHORIZED: 'false' }).ssl).toEqual({ rejectUnauthorized: false });
  });

  it.each([
    ['PLAIN', 'plain'],
    ['SCRAM-SHA-256', 'scram-sha-256'],
    ['scram-sha-512', 'scram-sha-512'],
  ])('KAFKA_SASL_MECHANISM=%s authenticates with %s', (given, mechanism) => {
    const client = clientOf({
      KAFKA_SSL: 'true',
      KAFKA_SASL_MECHANISM: given,
      KAFKA_SASL_USERNAME: 'svc-ticketing',
      KAFKA_SASL_PASSWORD: 'p@ss',
    });
    expect(client.sasl).toEqual({ mechanism, username: 'svc-ticketing', password: 'p@ss' });
    expect(client.ssl).toBe(true);
  });

  it('SASL works without TLS too (SASL_PLAINTEXT listeners)', () => {
    const client = clientOf({ KAFKA_SASL_MECHANISM: 'plain', KAFKA_SASL_USERNAME: 'u', KAFKA_SASL_PASSWORD: 'p' });
    expect(client.ssl).toBeUndefined();
    expect(client.sasl).toEqual({ mechanism: 'plain', username: 'u', password: 'p' });
  });

  it('names what is wrong: unknown mechanism, missing credentials, credentials without a mechanism', () => {
    expect(problems({ KAFKA_SASL_MECHANISM: 'gssapi', KAFKA_SASL_USERNAME: 'u', KAFKA_SASL_PASSWORD: 'p' })).toContain(
      'KAFKA_SASL_MECHANISM must be one of plain, scram-sha-256, scram-sha-512',
    );
    const missing = problems({ KAFKA_SASL_MECHANISM: 'scram-sha-256' });
    expect(missing).toContain('KAFKA_SASL_USERNAME is required when KAFKA_SASL_MECHANISM is set');
    expect(missing).toContain('KAFKA_SASL_PASSWORD is required when KAFKA_SASL_MECHANISM is set');
    expect(problems({ KAFKA_SASL_USERNAME: 'u' })).toContain('KAFKA_SASL_USERNAME applies only with KAFKA_SASL_MECHANISM set');
  });

  it('never echoes a password in the start-up message', () => {
    const message = problems({ KAFKA_SASL_PASSWORD: 'hunter2-very-secret' });
    expect(message).toContain('KAFKA_SASL_PASSWORD="***"');
    expect(message).not.toContain('hunter2');
  });

  it('rejects a flag that is not true/false, a CA file that cannot be read, and a CA file without TLS', () => {
    expect(problems({ KAFKA_SSL: 'maybe' })).toContain('KAFKA_SSL must be true or false');
    expect(problems({ KAFKA_SSL: 'true', KAFKA_SSL_CA_FILE: join(dir, 'absent.pem') })).toContain(
      'KAFKA_SSL_CA_FILE must name a readable file',
    );
    expect(problems({ KAFKA_SSL_CA_FILE: CA_FILE })).toContain('KAFKA_SSL_CA_FILE applies only with KAFKA_SSL=true');
  });
});

describe('MySQL connection from the environment', () => {
  const optionsOf = (vars: Record<string, string>) =>
    mysqlDataSourceOptions({
      server: databaseServer(load({ DATABASE_URL: 'mysql://svc:pw@db.internal:3307', ...vars })),
      database: 'support_ticketing',
      entities: [],
      migrations: [],
    }) as unknown as Record<string, unknown>;

  it('is plain TCP by default', () => {
    const options = optionsOf({});
    expect(options).toMatchObject({ host: 'db.internal', port: 3307, username: 'svc', password: 'pw' });
    expect(options['ssl']).toBeUndefined();
  });

  it('DATABASE_SSL=true verifies the server against the system CAs, or DATABASE_SSL_CA_FILE', () => {
    expect(optionsOf({ DATABASE_SSL: 'true' })['ssl']).toEqual({ rejectUnauthorized: true });
    expect(optionsOf({ DATABASE_SSL: 'true', DATABASE_SSL_CA_FILE: CA_FILE })['ssl']).toEqual({ ca: CA_PEM, rejectUnauthorized: true });
    expect(optionsOf({ DATABASE_SSL: 'yes', DATABASE_SSL_REJECT_UNAUTHORIZED: 'false' })['ssl']).toEqual({ rejectUnauthorized: false });
  });

  it('the same TLS reaches the administrative connections (database creation, ping)', () => {
    expect(databaseServer(load({ DATABASE_SSL: 'true', DATABASE_SSL_CA_FILE: CA_FILE })).ssl).toEqual({
      ca: CA_PEM,
      rejectUnauthorized: true,
    });
  });

  it('reaches the driver: with DATABASE_SSL=true the test server (no TLS it can verify) is refused, without it answers', async () => {
    const url = process.env['DATABASE_URL'] ?? 'mysql://root@127.0.0.1:3306';
    await expect(pingServer(databaseServer(load({ DATABASE_URL: url })))).resolves.toBeUndefined();
    await expect(pingServer(databaseServer(load({ DATABASE_URL: url, DATABASE_SSL: 'true' })))).rejects.toThrow(/DATABASE_URL/);
  });

  it('names what is wrong', () => {
    expect(problems({ DATABASE_SSL: 'on-please' })).toContain('DATABASE_SSL must be true or false');
    expect(problems({ DATABASE_SSL_CA_FILE: CA_FILE })).toContain('DATABASE_SSL_CA_FILE applies only with DATABASE_SSL=true');
    expect(problems({ DATABASE_SSL: 'true', DATABASE_SSL_CA_FILE: dir })).toContain('DATABASE_SSL_CA_FILE must name a readable file');
  });
});
