import { redactUrl } from '../redact-url';

describe('redactUrl', () => {
  describe('redactUrl', () => {
    it.each<[string, string, string]>([
      ['a password without user', 'redis://:s3cret@localhost:6379', 'redis://:***@localhost:6379'],
      ['a user and password', 'redis://default:s3cret@redis.internal:6379', 'redis://default:***@redis.internal:6379'],
      ['a TLS URL with a database', 'rediss://user:s3cret@cache.example.com:6380/2', 'rediss://user:***@cache.example.com:6380/2'],
      ['a percent-encoded password', 'redis://:p%40ss%3Aword@localhost:6379', 'redis://:***@localhost:6379'],
      ['an http URL', 'http://admin:hunter2@example.com/path', 'http://admin:***@example.com/path'],
      ['a password in the query string', 'redis://localhost:6379?password=s3cret', 'redis://localhost:6379?password=***'],
      ['a query password next to other options', 'redis://localhost:6379/0?family=6&password=s3cret', 'redis://localhost:6379/0?family=6&password=***'],
    ])('replaces %s', (_label, raw, expected) => {
      const redacted = redactUrl(raw);
      expect(redacted).toBe(expected);
      expect(redacted).not.toMatch(/s3cret|hunter2|p%40ss/);
    });

    it.each<[string, string, string]>([
      ['a URL without credentials', 'redis://127.0.0.1:6379', 'redis://127.0.0.1:6379'],
      ['a user without password', 'redis://user@localhost:6379', 'redis://user@localhost:6379'],
      ['a database number', 'redis://localhost:6379/3', 'redis://localhost:6379/3'],
      ['other query options', 'redis://localhost:6379?family=6', 'redis://localhost:6379?family=6'],
    ])('leaves %s as it is', (_label, raw, expected) => {
      expect(redactUrl(raw)).toBe(expected);
    });

    it.each<[string, string, string]>([
      ['a redis URL', 'redis://localhost:6379/', 'redis://localhost:6379'],
      ['an http URL', 'http://example.com/', 'http://example.com'],
      ['a redis URL with a password', 'redis://:s3cret@localhost:6379/', 'redis://:***@localhost:6379'],
    ])('drops the trailing slash of %s', (_label, raw, expected) => {
      expect(redactUrl(raw)).toBe(expected);
    });

    it.each<[string, string]>([
      ['an empty string', ''],
      ['words', 'not a url'],
      ['a host with a space', 'redis://:s3cret@local host:6379'],
      ['a scheme-less URL with a password', '//:s3cret@localhost:6379'],
      ['garbage containing a password', 'redis://:s3cret@[bad'],
    ])('returns a placeholder for %s, never the input', (_label, raw) => {
      expect(redactUrl(raw)).toBe('<invalid url>');
    });
  });
});
