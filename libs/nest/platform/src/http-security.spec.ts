import { loadEnvironment, CommonEnvironment } from './environment';
import { corsOptions, trustProxySetting } from './http-security';

const base = { KAFKA_BROKERS: 'k:9092', AUTH_JWT_SECRET: 'a-secret-of-at-least-thirty-two-characters!' };

describe('HTTP settings from the environment', () => {
  it('gives no cross-origin access unless CORS_ORIGINS lists origins', () => {
    expect(corsOptions(loadEnvironment(CommonEnvironment, base))).toBeNull();
    const listed = corsOptions(
      loadEnvironment(CommonEnvironment, { ...base, CORS_ORIGINS: 'https://help.example.com/, http://localhost:5173' }),
    );
    expect(listed).toMatchObject({ origin: ['https://help.example.com', 'http://localhost:5173'], credentials: false });
    expect(corsOptions(loadEnvironment(CommonEnvironment, { ...base, CORS_ORIGINS: '*' }))?.origin).toBe('*');
  });

  it('refuses CORS_ORIGINS that are not origins', () => {
    expect(() => loadEnvironment(CommonEnvironment, { ...base, CORS_ORIGINS: 'help.example.com' })).toThrow(/CORS_ORIGINS must be/);
    expect(() => loadEnvironment(CommonEnvironment, { ...base, CORS_ORIGINS: 'https://a.example.com/path' })).toThrow(/CORS_ORIGINS/);
  });

  it('reads HTTP_TRUST_PROXY as Express does', () => {
    expect(trustProxySetting(undefined)).toBe(false);
    expect(trustProxySetting('1')).toBe(1);
    expect(trustProxySetting('true')).toBe(true);
    expect(trustProxySetting('loopback, 10.0.0.0/8')).toEqual(['loopback', '10.0.0.0/8']);
  });

  it('has limits on by default, and a way to turn them off', () => {
    const env = loadEnvironment(CommonEnvironment, base);
    expect(env).toMatchObject({
      HTTP_JSON_BODY_LIMIT: 65536,
      HTTP_JSON_MAX_DEPTH: 32,
      RATE_LIMIT_ENABLED: 'true',
      RATE_LIMIT_PER_PRINCIPAL: 600,
      RATE_LIMIT_PER_ADDRESS: 300,
    });
    expect(loadEnvironment(CommonEnvironment, { ...base, RATE_LIMIT_ENABLED: 'false' }).RATE_LIMIT_ENABLED).toBe('false');
    expect(() => loadEnvironment(CommonEnvironment, { ...base, RATE_LIMIT_ENABLED: 'no' })).toThrow(
      /RATE_LIMIT_ENABLED must be true or false/,
    );
  });
});
