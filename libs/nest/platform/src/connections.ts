import { readFileSync, statSync } from 'node:fs';
import { KAFKA_SASL_MECHANISMS, type KafkaConnectionSecurity, type KafkaSaslMechanism } from '@support/messaging';
import { parseDatabaseUrl, type DatabaseServer } from '@support/persistence';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, ValidateBy, ValidateIf, type ValidationOptions } from 'class-validator';

/** 'true'/'false' (also 1/0, yes/no) as a boolean; anything else is left for @IsBoolean to name. */
export const EnvFlag = () =>
  Transform(({ obj, key }: { obj: Record<string, unknown>; key: string }) => {
    const raw = obj[key];
    if (typeof raw === 'boolean') return raw;
    const text = String(raw).trim().toLowerCase();
    if (['true', '1', 'yes'].includes(text)) return true;
    if (['false', '0', 'no'].includes(text)) return false;
    return raw;
  });

function isReadableFile(path: unknown): boolean {
  try {
    if (typeof path !== 'string' || !statSync(path).isFile()) return false;
    readFileSync(path);
    return true;
  } catch {
    return false;
  }
}

/** The variable names a file the process can read (certificates are mounted from Secrets). */
const ReadableFile = (options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'readableFile',
      validator: { validate: isReadableFile, defaultMessage: (args) => `${args?.property} must name a readable file (PEM certificates)` },
    },
    options,
  );

/** A setting that only means something with another one: named in the message when that one is missing. */
const OnlyWith = (other: string, present: (value: unknown) => boolean, wanted: string) =>
  ValidateBy({
    name: 'onlyWith',
    validator: {
      validate: (_value, args) => present((args?.object as Record<string, unknown>)[other]),
      defaultMessage: (args) => `${args?.property} applies only with ${wanted}`,
    },
  });
const isTrue = (value: unknown) => value === true;
const isSet = (value: unknown) => value !== undefined;

/**
 * TLS and SASL for the Kafka and MySQL connections. Part of every service's environment
 * (CommonEnvironment extends it); the migrations job reads the same variables.
 */
export class ConnectionEnvironment {
  /** TLS to the brokers (SSL or SASL_SSL listeners) */
  @EnvFlag() @IsBoolean({ message: 'KAFKA_SSL must be true or false' }) KAFKA_SSL: boolean = false;

  /** PEM file of the CA that signed the brokers' certificates; unset: the system's trusted CAs */
  @IsOptional() @OnlyWith('KAFKA_SSL', isTrue, 'KAFKA_SSL=true') @ReadableFile() KAFKA_SSL_CA_FILE?: string;

  /** false accepts any broker certificate (test clusters only) */
  @EnvFlag() @IsBoolean({ message: 'KAFKA_SSL_REJECT_UNAUTHORIZED must be true or false' }) KAFKA_SSL_REJECT_UNAUTHORIZED: boolean = true;

  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsIn(KAFKA_SASL_MECHANISMS, { message: `KAFKA_SASL_MECHANISM must be one of ${KAFKA_SASL_MECHANISMS.join(', ')}` })
  KAFKA_SASL_MECHANISM?: KafkaSaslMechanism;

  @ValidateIf((env: ConnectionEnvironment) => env.KAFKA_SASL_MECHANISM !== undefined || env.KAFKA_SASL_USERNAME !== undefined)
  @OnlyWith('KAFKA_SASL_MECHANISM', isSet, 'KAFKA_SASL_MECHANISM set')
  @IsString({ message: 'KAFKA_SASL_USERNAME is required when KAFKA_SASL_MECHANISM is set' })
  @IsNotEmpty({ message: 'KAFKA_SASL_USERNAME is required when KAFKA_SASL_MECHANISM is set' })
  KAFKA_SASL_USERNAME?: string;

  @ValidateIf((env: ConnectionEnvironment) => env.KAFKA_SASL_MECHANISM !== undefined || env.KAFKA_SASL_PASSWORD !== undefined)
  @OnlyWith('KAFKA_SASL_MECHANISM', isSet, 'KAFKA_SASL_MECHANISM set')
  @IsString({ message: 'KAFKA_SASL_PASSWORD is required when KAFKA_SASL_MECHANISM is set' })
  @IsNotEmpty({ message: 'KAFKA_SASL_PASSWORD is required when KAFKA_SASL_MECHANISM is set' })
  KAFKA_SASL_PASSWORD?: string;

  /** TLS to MySQL */
  @EnvFlag() @IsBoolean({ message: 'DATABASE_SSL must be true or false' }) DATABASE_SSL: boolean = false;

  /** PEM file of the CA that signed the MySQL server's certificate; unset: the system's trusted CAs */
  @IsOptional() @OnlyWith('DATABASE_SSL', isTrue, 'DATABASE_SSL=true') @ReadableFile() DATABASE_SSL_CA_FILE?: string;

  /** false accepts any server certificate (e.g. MySQL's self-signed auto-generated one) */
  @EnvFlag() @IsBoolean({ message: 'DATABASE_SSL_REJECT_UNAUTHORIZED must be true or false' }) DATABASE_SSL_REJECT_UNAUTHORIZED: boolean =
    true;
}

/** DATABASE_URL's server with the TLS the environment asks for (the CA file read now). */
export function databaseServer(
  env: Pick<ConnectionEnvironment, 'DATABASE_SSL' | 'DATABASE_SSL_CA_FILE' | 'DATABASE_SSL_REJECT_UNAUTHORIZED'> & { DATABASE_URL: string },
): DatabaseServer {
  const server = parseDatabaseUrl(env.DATABASE_URL);
  if (!env.DATABASE_SSL) return server;
  return {
    ...server,
    ssl: {
      ...(env.DATABASE_SSL_CA_FILE ? { ca: readFileSync(env.DATABASE_SSL_CA_FILE, 'utf8') } : {}),
      rejectUnauthorized: env.DATABASE_SSL_REJECT_UNAUTHORIZED,
    },
  };
}

/** TLS and SASL towards the brokers, as the environment asks (the CA file read now). */
export function kafkaConnectionSecurity(env: ConnectionEnvironment): KafkaConnectionSecurity {
  const security: KafkaConnectionSecurity = {};
  if (env.KAFKA_SSL) {
    security.tls = {
      ...(env.KAFKA_SSL_CA_FILE ? { ca: [readFileSync(env.KAFKA_SSL_CA_FILE, 'utf8')] } : {}),
      rejectUnauthorized: env.KAFKA_SSL_REJECT_UNAUTHORIZED,
    };
  }
  if (env.KAFKA_SASL_MECHANISM) {
    security.sasl = {
      mechanism: env.KAFKA_SASL_MECHANISM,
      username: env.KAFKA_SASL_USERNAME ?? '',
      password: env.KAFKA_SASL_PASSWORD ?? '',
    };
  }
  return security;
}
