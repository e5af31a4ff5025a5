/** Connection settings parsed from DATABASE_URL (`mysql://user:password@host:port`). */
export interface DatabaseServer {
  host: string;
  port: number;
  user: string;
  password: string;
  /** TLS to the server (DATABASE_SSL…); absent: plain TCP */
  ssl?: DatabaseTls;
}

/** mysql2's TLS options: a private CA's certificates (PEM) and whether the server's certificate must verify. */
export interface DatabaseTls {
  ca?: string;
  rejectUnauthorized: boolean;
}

export function parseDatabaseUrl(url: string): DatabaseServer {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`DATABASE_URL is not a URL: "${redact(url)}"`);
  }
  if (parsed.protocol !== 'mysql:' && parsed.protocol !== 'mariadb:') {
    throw new Error(`DATABASE_URL must use mysql://, got "${parsed.protocol}//"`);
  }
  if (parsed.pathname && parsed.pathname !== '/') {
    throw new Error('DATABASE_URL must not name a database: each service owns its own (DB_NAME_PREFIX + service)');
  }
  return {
    host: parsed.hostname || '127.0.0.1',
    port: parsed.port ? Number(parsed.port) : 3306,
    user: decodeURIComponent(parsed.username || 'root'),
    password: decodeURIComponent(parsed.password),
  };
}

/** The URL with its password masked, for messages and logs. */
export function redact(url: string): string {
  return url.replace(/(\/\/[^:/@]+:)[^@]*@/, '$1***@');
}

const DATABASE_NAME = /^[A-Za-z0-9_]{1,64}$/;

export function assertDatabaseName(name: string): string {
  if (!DATABASE_NAME.test(name)) {
    throw new Error(`database name "${name}" must be 1-64 letters, digits or underscores`);
  }
  return name;
}
