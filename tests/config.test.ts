import { ConfigError, readConfig } from '../src/config';

const local = { BARISTA_LOCAL_MODE: 'true' };

describe('readConfig', () => {
  it('trusts another identity provider only when both its metadata URL and its issuer are given (tests)', () => {
    expect(readConfig(local).tokenAuthority).toBeUndefined();
    const url = 'http://127.0.0.1:4000/.well-known/openid-configuration';
    expect(readConfig({ ...local, BOT_OPENID_METADATA_URL: url, BOT_TOKEN_ISSUER: 'http://127.0.0.1:4000/issuer' }).tokenAuthority).toEqual({ openIdMetadataUrl: url, issuer: 'http://127.0.0.1:4000/issuer' });
    expect(() => readConfig({ ...local, BOT_OPENID_METADATA_URL: url })).toThrow(/BOT_TOKEN_ISSUER/);
    expect(() => readConfig({ ...local, BOT_OPENID_METADATA_URL: 'not a url', BOT_TOKEN_ISSUER: 'x' })).toThrow(/BOT_OPENID_METADATA_URL/);
  });

  it('defaults to SQLite and in-process timers (no Redis)', () => {
    const c = readConfig(local);
    expect(c.redisUrl).toBeUndefined();
    expect(c.redisPrefix).toBe('barista:');
    expect(c.dataDir).toBe('./data');
  });

  it('reads REDIS_URL and REDIS_PREFIX for scale-out', () => {
    const c = readConfig({ ...local, REDIS_URL: 'redis://:secret@redis.internal:6380/2', REDIS_PREFIX: 'barista-prod:' });
    expect(c.redisUrl).toBe('redis://:secret@redis.internal:6380/2');
    expect(c.redisPrefix).toBe('barista-prod:');
    expect(readConfig({ ...local, REDIS_URL: 'rediss://cache.example.net:6380' }).redisUrl).toBe('rediss://cache.example.net:6380');
    expect(readConfig({ ...local, REDIS_URL: '' }).redisUrl).toBeUndefined();
  });

  it.each(['http://redis:6379', 'redis://', 'localhost:6379', 'redis://host name:6379'])('refuses REDIS_URL=%s, naming the variable', (url) => {
    expect(() => readConfig({ ...local, REDIS_URL: url })).toThrow(ConfigError);
    expect(() => readConfig({ ...local, REDIS_URL: url })).toThrow(/REDIS_URL/);
  });

  it('never repeats a bad REDIS_URL (it may hold a password)', () => {
    expect(() => readConfig({ ...local, REDIS_URL: 'http://user:hunter2@redis:6379' })).toThrow(expect.objectContaining({ message: expect.not.stringContaining('hunter2') }));
  });

  it('refuses a REDIS_PREFIX with spaces or too long, naming the variable', () => {
    expect(() => readConfig({ ...local, REDIS_PREFIX: 'my prefix' })).toThrow(/REDIS_PREFIX/);
    expect(() => readConfig({ ...local, REDIS_PREFIX: 'x'.repeat(65) })).toThrow(/REDIS_PREFIX/);
    expect(() => readConfig({ ...local, REDIS_PREFIX: '' })).toThrow(/REDIS_PREFIX/);
  });

  it('reads TEAMS_TENANT_RPS, Teams calls per second per tenant (default 50, Teams’ global limit per app per tenant)', () => {
    expect(readConfig(local).tenantCallsPerSecond).toBe(50);
    expect(readConfig({ ...local, TEAMS_TENANT_RPS: '25' }).tenantCallsPerSecond).toBe(25);
    for (const bad of ['0', '-5', '2.5', 'fast']) expect(() => readConfig({ ...local, TEAMS_TENANT_RPS: bad })).toThrow(/TEAMS_TENANT_RPS/);
  });

  it('reads DRAIN_GRACE_S, the grace period of a graceful stop (default 10 s, fractions allowed)', () => {
    expect(readConfig(local).drainGraceMs).toBe(10_000);
    expect(readConfig({ ...local, DRAIN_GRACE_S: '0.25' }).drainGraceMs).toBe(250);
    expect(readConfig({ ...local, DRAIN_GRACE_S: '0' }).drainGraceMs).toBe(0);
    for (const bad of ['-1', '301', 'soon']) expect(() => readConfig({ ...local, DRAIN_GRACE_S: bad })).toThrow(/DRAIN_GRACE_S/);
  });

  it('names the variable of other bad values too', () => {
    expect(() => readConfig({ ...local, PORT: 'abc' })).toThrow(/PORT/);
    expect(() => readConfig({ ...local, LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/);
    expect(() => readConfig({ MicrosoftAppId: '11111111-2222-3333-4444-555555555555' })).toThrow(/MicrosoftAppPassword/);
  });
});

describe('configuration for security', () => {
  const local = { BARISTA_LOCAL_MODE: 'true' };
  it('listens only on the loopback in local anonymous mode, unless HOST says otherwise', () => {
    expect(readConfig(local).host).toBe('127.0.0.1');
    expect(readConfig({ ...local, HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
    expect(readConfig({ MicrosoftAppId: '11111111-2222-3333-4444-555555555555', MicrosoftAppPassword: 'x' }).host).toBe('0.0.0.0');
  });

  it('without Teams, opens the web door alone: on the loopback, or everywhere once it has a public address', () => {
    expect(readConfig({})).toMatchObject({ teams: 'off', localMode: false, host: '127.0.0.1' });
    expect(readConfig({ PUBLIC_URL: 'https://cafe.example.gouv.fr' })).toMatchObject({ teams: 'off', host: '0.0.0.0' });
    expect(readConfig({ PUBLIC_URL: 'http://192.168.1.20:3978' })).toMatchObject({ teams: 'off', host: '0.0.0.0' });
    // The anonymous local mode stays on the loopback whatever the public address
    expect(readConfig({ ...local, PUBLIC_URL: 'http://localhost:3978' })).toMatchObject({ teams: 'local', host: '127.0.0.1' });
    expect(() => readConfig({ PUBLIC_URL: 'http://example.org' })).toThrow(/PUBLIC_URL/);
  });

  it('reads ALLOWED_TENANTS as tenant ids, and names the variable when one is not a GUID', () => {
    expect(readConfig({ ...local, ALLOWED_TENANTS: 'AAAAAAAA-bbbb-cccc-dddd-eeeeeeeeeeee, 11111111-2222-3333-4444-555555555555' }).allowedTenants)
      .toEqual(['aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee', '11111111-2222-3333-4444-555555555555']);
    expect(() => readConfig({ ...local, ALLOWED_TENANTS: 'mairie-de-lyon' })).toThrow(/ALLOWED_TENANTS/);
  });

  it('can turn the meeting start card off', () => {
    expect(readConfig(local).meetingStartCard).toBe(true);
    expect(readConfig({ ...local, MEETING_START_CARD: 'false' }).meetingStartCard).toBe(false);
  });
});
