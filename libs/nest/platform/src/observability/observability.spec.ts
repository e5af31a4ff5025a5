import { Logger } from '@nestjs/common';
import { processLogOutput, createServiceLogger } from '@support/observability';
import { CommonEnvironment, EnvironmentError, loadEnvironment } from '../environment';
import { ServiceLogger } from './service-logger';
import { TypeOrmNestLogger } from './typeorm-logger';

const BASE = { KAFKA_BROKERS: 'k:9092', AUTH_JWT_SECRET: 'a-secret-of-at-least-thirty-two-characters!' };

describe('observability settings', () => {
  it('defaults to JSON logs, no export and a 15 s database refresh', () => {
    expect(loadEnvironment(CommonEnvironment, BASE)).toMatchObject({ LOG_FORMAT: 'json', METRICS_DATABASE_REFRESH_MS: 15_000 });
    expect(loadEnvironment(CommonEnvironment, BASE).OTEL_EXPORTER_OTLP_ENDPOINT).toBeUndefined();
  });

  it('accepts an OTLP endpoint and a sampler', () => {
    const env = loadEnvironment(CommonEnvironment, {
      ...BASE,
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318',
      OTEL_TRACES_SAMPLER: 'parentbased_traceidratio',
      OTEL_TRACES_SAMPLER_ARG: '0.25',
    });
    expect(env).toMatchObject({ OTEL_TRACES_SAMPLER: 'parentbased_traceidratio', OTEL_TRACES_SAMPLER_ARG: 0.25 });
  });

  it('names each bad observability variable', () => {
    try {
      loadEnvironment(CommonEnvironment, {
        ...BASE,
        LOG_FORMAT: 'xml',
        OTEL_EXPORTER_OTLP_ENDPOINT: 'collector',
        OTEL_TRACES_SAMPLER: 'sometimes',
        OTEL_TRACES_SAMPLER_ARG: '2',
        METRICS_DATABASE_REFRESH_MS: '-1',
      });
      throw new Error('expected a rejection');
    } catch (error) {
      expect(error).toBeInstanceOf(EnvironmentError);
      for (const name of [
        'LOG_FORMAT',
        'OTEL_EXPORTER_OTLP_ENDPOINT',
        'OTEL_TRACES_SAMPLER',
        'OTEL_TRACES_SAMPLER_ARG',
        'METRICS_DATABASE_REFRESH_MS',
      ]) {
        expect((error as Error).message).toContain(name);
      }
    }
  });
});

describe('ServiceLogger (Nest LoggerService over pino)', () => {
  function capture(write: (logger: ServiceLogger) => void): Array<Record<string, unknown>> {
    const lines: Array<Record<string, unknown>> = [];
    const stop = processLogOutput.subscribe((line) => lines.push(JSON.parse(line)));
    try {
      write(new ServiceLogger(createServiceLogger({ service: 'svc', version: '1.2.3', level: 'log', format: 'json' })));
    } finally {
      stop();
    }
    return lines;
  }

  it("reads Nest's context, an error's stack and the level, and leaves out levels below LOG_LEVEL", () => {
    const lines = capture((logger) => {
      logger.log('ready', 'Service');
      logger.error('failed', 'Error: boom\n    at somewhere (file.ts:1:1)', 'Relay');
      logger.error('no stack', undefined, 'Relay');
      logger.error('Error: boom\n    at x', 'Error: boom\n    at somewhere (file.ts:1:1)');
      logger.debug('hidden', 'Service');
      logger.warn({ route: '/x' }, 'Http');
    });
    expect(lines).toEqual([
      expect.objectContaining({ level: 'info', msg: 'ready', context: 'Service', service: 'svc', version: '1.2.3' }),
      expect.objectContaining({ level: 'error', msg: 'failed', context: 'Relay', stack: expect.stringContaining('at somewhere') }),
      expect.objectContaining({ level: 'error', msg: 'no stack', context: 'Relay' }),
      expect.objectContaining({ level: 'error', stack: expect.stringContaining('at somewhere') }),
      expect.objectContaining({ level: 'warn', route: '/x', context: 'Http' }),
    ]);
  });
});

describe('TypeOrmNestLogger', () => {
  it('writes a failed statement as a warning through Nest, without its parameters', () => {
    const lines: Array<Record<string, unknown>> = [];
    const stop = processLogOutput.subscribe((line) => lines.push(JSON.parse(line)));
    Logger.overrideLogger(new ServiceLogger(createServiceLogger({ service: 'svc', version: '1', level: 'log', format: 'json' })));
    try {
      new TypeOrmNestLogger().logQueryError(new Error('Deadlock found'), 'UPDATE ticket SET subject = ? WHERE id = ?', [
        'secret subject',
        't-1',
      ]);
    } finally {
      stop();
    }
    expect(lines).toEqual([expect.objectContaining({ level: 'warn', context: 'TypeORM', msg: expect.stringContaining('Deadlock found') })]);
    expect(JSON.stringify(lines)).not.toContain('secret subject');
  });

  it('keeps an expected race (a unique key claimed first) to one short debug line', () => {
    const lines: Array<Record<string, unknown>> = [];
    const stop = processLogOutput.subscribe((line) => lines.push(JSON.parse(line)));
    Logger.overrideLogger(new ServiceLogger(createServiceLogger({ service: 'svc', version: '1', level: 'debug', format: 'json' })));
    try {
      const duplicate = Object.assign(new Error("Duplicate entry 'k-1' for key 'PRIMARY'"), { code: 'ER_DUP_ENTRY' });
      new TypeOrmNestLogger().logQueryError(duplicate, 'INSERT INTO idempotency_key (id, body) VALUES (?, ?)', ['k-1', 'secret body']);
    } finally {
      stop();
    }
    expect(lines).toEqual([
      expect.objectContaining({
        level: 'debug',
        context: 'TypeORM',
        msg: 'query lost a race: ER_DUP_ENTRY on "INSERT INTO idempotency_key (id, body) VALUES (?, ?)"',
      }),
    ]);
    expect(JSON.stringify(lines)).not.toContain('secret body');
  });
});
