/** The collector's keys in backend/config.ts (loadNcloudConfig). */
import { ConfigError, loadConfig, loadNcloudConfig } from '../../config';

const keys = { NCLOUD_ACCESS_KEY: 'access0123', NCLOUD_SECRET_KEY: 'secret0123', NCLOUD_ACCOUNT: 'acme' };

test('no NCLOUD_ keys: no collector', () => {
  expect(loadNcloudConfig({})).toBeUndefined();
  expect(loadConfig({ API_KEYS: 'acme:read:acmeKey0123456789' }).ncloud).toBeUndefined();
});

test('the keys alone: the KR gateway, a minute between polls', () => {
  expect(loadNcloudConfig(keys)).toEqual({
    accessKey: 'access0123',
    secretKey: 'secret0123',
    account: 'acme',
    region: 'KR',
    apiUrl: 'https://mail.apigw.ntruss.com/api/v1',
    pollIntervalMs: 60_000,
    startAt: undefined,
  });
});

test('the region picks the documented base URL; NCLOUD_API_URL overrides it', () => {
  expect(loadNcloudConfig({ ...keys, NCLOUD_REGION: 'sgn' })?.apiUrl).toBe('https://mail.apigw.ntruss.com/api/v1-sgn');
  expect(loadNcloudConfig({ ...keys, NCLOUD_REGION: 'JPN' })?.apiUrl).toBe('https://mail.apigw.ntruss.com/api/v1-jpn');
  expect(loadNcloudConfig({ ...keys, NCLOUD_REGION: 'GOV' })?.apiUrl).toBe('https://mail.apigw.gov-ntruss.com/api/v1');
  expect(
    loadNcloudConfig({ ...keys, NCLOUD_REGION: 'JPN', NCLOUD_API_URL: 'http://127.0.0.1:9999/api/v1' })
  ).toMatchObject({ region: 'JPN', apiUrl: 'http://127.0.0.1:9999/api/v1' });
});

test('poll interval and start time', () => {
  expect(
    loadNcloudConfig({ ...keys, NCLOUD_POLL_INTERVAL_SECONDS: '300', NCLOUD_START_AT: '2026-01-01T00:00:00+09:00' })
  ).toMatchObject({ pollIntervalMs: 300_000, startAt: Date.UTC(2025, 11, 31, 15) });
});

test('incomplete or wrong settings say what is wrong', () => {
  expect(() => loadNcloudConfig({ NCLOUD_ACCESS_KEY: 'a', NCLOUD_ACCOUNT: 'acme' })).toThrow(
    new ConfigError(
      'NCLOUD_ACCESS_KEY, NCLOUD_ACCOUNT are set: the NAVER Cloud collector needs both NCLOUD_ACCESS_KEY and NCLOUD_SECRET_KEY'
    )
  );
  expect(() => loadNcloudConfig({ ...keys, NCLOUD_ACCOUNT: '' })).toThrow('NCLOUD_ACCOUNT must name');
  expect(() => loadNcloudConfig({ ...keys, NCLOUD_REGION: 'EU' })).toThrow(
    'NCLOUD_REGION must be one of KR, SGN, JPN, GOV'
  );
  expect(() => loadNcloudConfig({ ...keys, NCLOUD_API_URL: 'mail.example' })).toThrow('NCLOUD_API_URL must be');
  expect(() => loadNcloudConfig({ ...keys, NCLOUD_START_AT: '2026-01-01' })).toThrow('NCLOUD_START_AT must be');
  expect(() => loadNcloudConfig({ ...keys, NCLOUD_POLL_INTERVAL_SECONDS: '0' })).toThrow(
    'NCLOUD_POLL_INTERVAL_SECONDS must be a positive whole number'
  );
});
