import { readFileSync } from 'node:fs';
import path from 'node:path';
import pino, { type DestinationStream, type Logger } from 'pino';
import pretty from 'pino-pretty';
import { activeLogContext } from './telemetry-context';

export type LogFormat = 'json' | 'pretty';
/** LOG_LEVEL's values (Nest's names), most severe first. */
export const NEST_LOG_LEVELS = ['error', 'warn', 'log', 'debug', 'verbose'] as const;
export type NestLogLevel = (typeof NEST_LOG_LEVELS)[number];

const PINO_LEVEL: Record<NestLogLevel | 'fatal', pino.Level> = {
  fatal: 'fatal',
  error: 'error',
  warn: 'warn',
  log: 'info',
  debug: 'debug',
  verbose: 'trace',
};

export function pinoLevel(level: NestLogLevel | 'fatal'): pino.Level {
  return PINO_LEVEL[level];
}

type LogLineListener = (line: string) => void;

/**
 * Where every service of this process writes its log lines: stdout (one JSON object a line, or
 * pino-pretty's text for LOG_FORMAT=pretty), and any in-process readers (a test reading a
 * consumer's lines). Readers always get the JSON line.
 */
class ProcessLogOutput {
  private readonly listeners = new Set<LogLineListener>();
  private readonly json = pino.destination({ fd: 1, sync: true });
  private prettyStream: DestinationStream | null = null;

  stream(format: LogFormat): DestinationStream {
    const target = format === 'pretty' ? this.pretty() : this.json;
    return {
      write: (line: string) => {
        target.write(line);
        for (const listener of this.listeners) listener(line);
      },
    };
  }

  /** Calls `listener` with every JSON line written from now on; returns the way to stop. */
  subscribe(listener: LogLineListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private pretty(): DestinationStream {
    this.prettyStream ??= pretty({
      colorize: process.stdout.isTTY ?? false,
      sync: true,
      singleLine: true,
      translateTime: 'SYS:HH:MM:ss.l',
      ignore: 'pid,hostname,version',
    });
    return this.prettyStream;
  }
}

export const processLogOutput = new ProcessLogOutput();

export interface ServiceLogSettings {
  service: string;
  version: string;
  level: NestLogLevel;
  format: LogFormat;
}

/**
 * A service's pino logger: level, ISO time, service, version, and from the active context the
 * correlation id and trace/span ids (a line written while serving a request or handling a
 * consumed batch carries that work's ids). A service named in the context wins, so a line is
 * attributed right even where several services share a process (tests).
 */
export function createServiceLogger(settings: ServiceLogSettings): Logger {
  return pino(
    {
      level: pinoLevel(settings.level),
      base: { version: settings.version },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      mixin: () => {
        const fields = activeLogContext();
        return { service: fields.service ?? settings.service, ...fields };
      },
    },
    processLogOutput.stream(settings.format),
  );
}

/**
 * The version a service reports: SERVICE_VERSION when set (a deployment sets the image tag),
 * else the version of the package.json it was started from.
 */
export function serviceVersion(configured?: string): string {
  if (configured) return configured;
  try {
    return (JSON.parse(readFileSync(path.join(process.cwd(), 'package.json'), 'utf8')) as { version?: string }).version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}
