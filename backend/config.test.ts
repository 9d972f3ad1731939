import { ConfigError, hashKey, loadConfig, parseApiKeys } from './config';

test('API_KEYS entries give account, scopes and the hash of the key', () => {
  const [acme, ops] = parseApiKeys(
    `acme:ingest+read:acmeKey0123456789,ops:admin:sha256:${hashKey('opsKey0123456789abc')}`
  );
  expect(acme).toEqual({ account: 'acme', scopes: new Set(['ingest', 'read']), keyHash: hashKey('acmeKey0123456789') });
  expect(ops.keyHash).toBe(hashKey('opsKey0123456789abc'));
});

test('bad configuration says what is wrong', () => {
  expect(() => parseApiKeys(undefined)).toThrow(
    new ConfigError(
      'API_KEYS is not set: give comma-separated account:scopes:key entries, e.g. API_KEYS=acme:ingest+read:acmeKey0123456789'
    )
  );
  expect(() => parseApiKeys('acme:write:acmeKey0123456789')).toThrow('scopes "write"');
  expect(() => parseApiKeys('acme:read:short')).toThrow('16 or more characters');
  expect(() => loadConfig({ API_KEYS: 'acme:read:acmeKey0123456789', DEFAULT_TZ: 'Mars/Base' })).toThrow(
    'DEFAULT_TZ "Mars/Base"'
  );
});

test('defaults follow the contract', () => {
  const config = loadConfig({ API_KEYS: 'acme:read:acmeKey0123456789' });
  expect(config).toMatchObject({
    port: 3001,
    host: '127.0.0.1',
    influxUrl: 'http://127.0.0.1:8086',
    influxDatabase: 'mail_delivery',
    dataDir: './data',
    defaultTz: 'UTC',
  });
});

test('operations settings: rate limit, metrics port, keep-alive timeout, log level', () => {
  const base = { API_KEYS: 'acme:read:acmeKey0123456789' };
  expect(loadConfig(base)).toMatchObject({ rateLimitPerMinute: 60_000, metricsPort: undefined, logLevel: 'info' });
  expect(loadConfig({ ...base, RATE_LIMIT_PER_MINUTE: '120', METRICS_PORT: '9464', LOG_LEVEL: 'warn' })).toMatchObject({
    rateLimitPerMinute: 120,
    metricsPort: 9464,
    logLevel: 'warn',
  });
  expect(() => loadConfig({ ...base, RATE_LIMIT_PER_MINUTE: '0' })).toThrow(
    'RATE_LIMIT_PER_MINUTE must be a positive whole number'
  );
  expect(() => loadConfig({ ...base, METRICS_PORT: '70000' })).toThrow('METRICS_PORT must be at most 65535');
  expect(loadConfig(base).keepAliveTimeoutSeconds).toBe(65);
  expect(loadConfig({ ...base, KEEP_ALIVE_TIMEOUT_SECONDS: '90' }).keepAliveTimeoutSeconds).toBe(90);
  expect(() => loadConfig({ ...base, KEEP_ALIVE_TIMEOUT_SECONDS: '5s' })).toThrow(
    'KEEP_ALIVE_TIMEOUT_SECONDS must be a positive whole number'
  );
  expect(() => loadConfig({ ...base, LOG_LEVEL: 'loud' })).toThrow(
    'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent'
  );
});

test('DEDUPE_WINDOW_DAYS: 35 by default, 0 for forever; CRASH_AT only names a checkpoint step', () => {
  const base = { API_KEYS: 'acme:read:acmeKey0123456789' };
  expect(loadConfig(base)).toMatchObject({ dedupeWindowDays: 35, crashAt: undefined });
  expect(loadConfig({ ...base, DEDUPE_WINDOW_DAYS: '0' }).dedupeWindowDays).toBe(0);
  expect(loadConfig({ ...base, DEDUPE_WINDOW_DAYS: '7', CRASH_AT: 'checkpoint-ids' })).toMatchObject({
    dedupeWindowDays: 7,
    crashAt: 'checkpoint-ids',
  });
  expect(() => loadConfig({ ...base, DEDUPE_WINDOW_DAYS: '-1' })).toThrow('DEDUPE_WINDOW_DAYS must be a whole number (0 or more)');
  expect(() => loadConfig({ ...base, CRASH_AT: 'now' })).toThrow('CRASH_AT must be one of checkpoint-ids, checkpoint-commit');
});
