import { REDACTED, looksSecret, redact, secretEnvValues } from '../redact';

describe('looksSecret', () => {
  it.each(['APP_KEYS', 'API_TOKEN_SALT', 'ADMIN_JWT_SECRET', 'JWT_SECRET', 'ENCRYPTION_KEY', 'SMTP_PASS', 'ADMIN_PASSWORD', 'API_KEY_PEPPER', 'apiKeyPepper', 'adminPassword', 'auth', 'privateKey', 'accessToken', 'MONITORING_ALERT_WEBHOOK_URL', 'webhookUrl'])(
    '%s looks secret',
    (name) => expect(looksSecret(name)).toBe(true)
  );
  it.each(['DATABASE_URL', 'REDIS_URL', 'PORT', 'keyword', 'primaryKeyword', 'QUEUE_PREFIX', 'host', 'monkey'])('%s does not', (name) => expect(looksSecret(name)).toBe(false));
});

describe('redact', () => {
  const env = { JWT_SECRET: 'jwt-s3cret-value', APP_KEYS: 'keyA-1111,keyB-2222', SMTP_PASS: 'mailpass', PORT: '1337', ADMIN_PASSWORD: '' };

  it('collects the values of secret-looking env vars, and each part of a list', () => {
    const values = secretEnvValues(env);
    expect(values).toEqual(expect.arrayContaining(['jwt-s3cret-value', 'keyA-1111,keyB-2222', 'keyA-1111', 'keyB-2222', 'mailpass']));
    expect(values).not.toContain('1337');
  });

  it('replaces secret keys, URL passwords and secret values found anywhere', () => {
    const out = redact(
      {
        db: { connectionString: 'postgres://igny8:dbpass@db:5432/igny8' },
        redisUrl: 'redis://:redispass@cache:6379/0?password=other',
        provider: { auth: { user: 'u', pass: 'mailpass' } },
        note: 'signed with jwt-s3cret-value',
        keys: ['keyA-1111'],
        enabled: true,
        port: 1337,
        fn() {},
      },
      secretEnvValues(env)
    );
    const text = JSON.stringify(out);
    for (const secret of ['dbpass', 'redispass', 'other', 'mailpass', 'jwt-s3cret-value', 'keyA-1111']) expect(text).not.toContain(secret);
    expect(out).toMatchObject({
      db: { connectionString: `postgres://igny8:${REDACTED}@db:5432/igny8` },
      provider: { auth: REDACTED },
      note: `signed with ${REDACTED}`,
      enabled: true,
      port: 1337,
      fn: '[function fn]',
    });
  });

  it('cuts cycles', () => {
    const a: any = { name: 'a' };
    a.self = a;
    expect(redact(a, [])).toEqual({ name: 'a', self: '[circular]' });
  });
});
