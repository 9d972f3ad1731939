/** Configuration from the environment (api.md, "Starting the backend"). */
import { createHash } from 'node:crypto';
import { isRegion, REGION_BASE_URLS, REGIONS, type Region } from './adapters/ncloud/regions';
import { parseEnvironmentSources } from './adapters/webhooks/sourceConfig';
import { DEFAULT_TOLERANCE_SECONDS } from './adapters/webhooks/timestamps';
import type { WebhookSource } from './adapters/webhooks/types';
import { ACCOUNT_PATTERN } from './domain/events';
import { isValidZone } from './domain/timestamps';
import type { CrashPoint } from './storage/counterStore';

export const DEFAULT_LONG_SHARD_RP = 'mda_long_shards';

export type Scope = 'ingest' | 'read' | 'admin';

export interface ApiKeyEntry {
  account: string;
  scopes: ReadonlySet<Scope>;
  /** SHA-256 of the key, hex: keys are compared by hash, never kept in logs. */
  keyHash: string;
}

export interface BackendConfig {
  port: number;
  host: string;
  influxUrl: string;
  influxDatabase: string;
  influxUsername?: string;
  influxPassword?: string;
  influxToken?: string;
  /**
   * INFLUX_LONG_SHARD_RP: retention policy (infinite, 520-week shards) the backend makes at
   * start for the hourly and daily pieces (storage/retention.ts). Where InfluxDB refuses to
   * make it (2.x/3.x/Cloud: map it to a bucket, docs/running.md), they stay in the default
   * retention policy. Absent: DEFAULT_LONG_SHARD_RP.
   */
  influxLongShardRetentionPolicy?: string;
  apiKeys: ApiKeyEntry[];
  dataDir: string;
  defaultTz: string;
  /** Default "request a limit change" link for accounts that set none. */
  limitChangeRequestUrl: string | null;
  maxBodyBytes: number;
  maxOutbox: number;
  /** Distinguishes this instance's series when several share one InfluxDB; default made once per DATA_DIR. */
  writerId?: string;
  /** Requests per minute per API key (token bucket, bursts up to the same number); absent: no limit. */
  rateLimitPerMinute?: number;
  /** Serves /metrics without authentication on this port (same HOST); absent: /metrics on PORT with an admin key. */
  metricsPort?: number;
  /** pino level for the JSON logs on stdout; absent: silent (embedding code and tests). */
  logLevel?: string;
  /**
   * MAX_CONCURRENT_EXPORTS: Excel workbooks built at once (each holds its numbers and a zip
   * stream in memory); beyond it an export answers 503 with Retry-After. Absent: DEFAULT_MAX_CONCURRENT_EXPORTS.
   */
  maxConcurrentExports?: number;
  /**
   * KEEP_ALIVE_TIMEOUT_SECONDS: how long an idle client connection stays open (and the
   * `Keep-Alive: timeout=` the answers advertise). Longer than any client or proxy keeps a
   * connection idle, so none reuses one the server is closing (ECONNRESET). Absent:
   * DEFAULT_KEEP_ALIVE_TIMEOUT_SECONDS.
   */
  keepAliveTimeoutSeconds?: number;

  /** The NAVER Cloud Outbound Mailer collector; absent: not running. */
  ncloud?: NcloudConfig;
  /**
   * DEDUPE_WINDOW_DAYS: days an accepted event id is remembered, by acceptance time (the UTC day
   * of acceptance counts as the first); 0 = forever. An id re-sent after its window is counted again.
   * Absent: 35.
   */
  dedupeWindowDays?: number;
  /** CRASH_AT, for fault tests only: the process kills itself (SIGKILL) at this step of its first checkpoint. */
  crashAt?: CrashPoint;
  /** SNS_CERT_URL_PATTERN: SNS SigningCertURL and SubscribeURL must match it before they are fetched. */
  snsCertUrlPattern?: RegExp;
  /** WEBHOOK_TOLERANCE_SECONDS: how far a SendGrid or Mailgun signed timestamp may be from now. */
  webhookToleranceSeconds?: number;
  /** WEBHOOK_SOURCES: webhook sources fixed by the environment (JSON object of id to source). */
  webhookSources?: WebhookSource[];
}


/** AWS's SNS endpoints, commercial and China regions. */
export const DEFAULT_SNS_CERT_URL_PATTERN = /^https:\/\/sns\.[a-z0-9-]+\.amazonaws\.com(\.cn)?\//;

function snsCertUrlPattern(env: NodeJS.ProcessEnv): RegExp {
  const text = env.SNS_CERT_URL_PATTERN;
  if (!text) {
    return DEFAULT_SNS_CERT_URL_PATTERN;
  }
  if (!text.startsWith('^')) {
    throw new ConfigError('SNS_CERT_URL_PATTERN must be anchored with ^ (it decides which hosts are fetched from)');
  }
  try {
    return new RegExp(text);
  } catch (error) {
    throw new ConfigError(`SNS_CERT_URL_PATTERN is not a regular expression: ${(error as Error).message}`);
  }
}

function webhookSources(env: NodeJS.ProcessEnv): WebhookSource[] {
  try {
    return parseEnvironmentSources(env.WEBHOOK_SOURCES);
  } catch (error) {
    throw new ConfigError((error as Error).message);
  }
}

export interface NcloudConfig {
  accessKey: string;
  secretKey: string;
  /** Our account the collected mail counts for. */
  account: string;
  region: Region;
  /** The region's API base URL, or NCLOUD_API_URL. */
  apiUrl: string;
  pollIntervalMs: number;
  /** Where the very first poll starts (epoch ms); absent: 24 hours before it. */
  startAt?: number;
}

export const DEFAULT_MAX_CONCURRENT_EXPORTS = 4;
/** Above the 60 s idle timeout common to load balancers and proxies (Node's own default is 5 s). */
export const DEFAULT_KEEP_ALIVE_TIMEOUT_SECONDS = 65;

export class ConfigError extends Error {}

const SCOPES: readonly Scope[] = ['ingest', 'read', 'admin'];
const KEY_PATTERN = /^[A-Za-z0-9_-]{16,}$/;
const HASHED_KEY = /^sha256:([0-9a-f]{64})$/;

export function hashKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

export function parseApiKeys(text: string | undefined): ApiKeyEntry[] {
  if (!text || text.trim() === '') {
    throw new ConfigError(
      'API_KEYS is not set: give comma-separated account:scopes:key entries, e.g. API_KEYS=acme:ingest+read:acmeKey0123456789'
    );
  }
  return text.split(',').map((entry, index) => {
    const parts = entry.trim().split(':');
    const [account, scopeText] = parts;
    const key = parts.slice(2).join(':');
    const where = `API_KEYS entry ${index + 1} (account ${JSON.stringify(account ?? '')})`;
    if (parts.length < 3 || !ACCOUNT_PATTERN.test(account)) {
      throw new ConfigError(`${where} must be account:scopes:key with an account of [A-Za-z0-9_.-]`);
    }
    const scopes = scopeText.split('+') as Scope[];
    if (scopes.length === 0 || scopes.some((scope) => !SCOPES.includes(scope))) {
      throw new ConfigError(`${where} has scopes ${JSON.stringify(scopeText)}: use ingest, read, admin joined by +`);
    }
    const hashed = HASHED_KEY.exec(key);
    if (!hashed && !KEY_PATTERN.test(key)) {
      throw new ConfigError(`${where}: a key is 16 or more characters of A-Za-z0-9_- (or sha256:<64 hex digits>)`);
    }
    return { account, scopes: new Set(scopes), keyHash: hashed ? hashed[1] : hashKey(key) };
  });
}

function positiveInteger(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const text = env[name];
  if (text === undefined || text === '') {
    return fallback;
  }
  if (!/^\d+$/.test(text) || Number(text) < 1) {
    throw new ConfigError(`${name} must be a positive whole number`);
  }
  return Number(text);
}

function wholeNumber(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const text = env[name];
  if (text === undefined || text === '') {
    return fallback;
  }
  if (!/^\d+$/.test(text)) {
    throw new ConfigError(`${name} must be a whole number (0 or more)`);
  }
  return Number(text);
}

const CRASH_POINTS: readonly CrashPoint[] = ['checkpoint-ids', 'checkpoint-commit'];

function crashPoint(env: NodeJS.ProcessEnv): CrashPoint | undefined {
  const text = env.CRASH_AT;
  if (!text) {
    return undefined;
  }
  if (!CRASH_POINTS.includes(text as CrashPoint)) {
    throw new ConfigError(`CRASH_AT must be one of ${CRASH_POINTS.join(', ')} (a fault-test hook)`);
  }
  return text as CrashPoint;
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

function tcpPort(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const port = positiveInteger(env, name, fallback);
  if (port > 65535) {
    throw new ConfigError(`${name} must be at most 65535`);
  }
  return port;
}

/**
 * The NAVER Cloud Outbound Mailer collector (docs/adapters.md), on when both keys are set:
 * - NCLOUD_ACCESS_KEY, NCLOUD_SECRET_KEY: an API key pair (sub account with read access to the mailer);
 * - NCLOUD_ACCOUNT: our account the collected mail counts for (required with the keys);
 * - NCLOUD_REGION: KR (default), SGN, JPN or GOV (the gov cloud), choosing the API base URL;
 * - NCLOUD_API_URL: another base URL (a proxy, or a local test server), instead of the region's;
 * - NCLOUD_POLL_INTERVAL_SECONDS: seconds between polls, default 60 (longer after failures);
 * - NCLOUD_START_AT: ISO 8601 time the very first poll reads from, default 24 hours before it
 *   (older mail: the backfill command).
 */
export function loadNcloudConfig(env: NodeJS.ProcessEnv): NcloudConfig | undefined {
  const accessKey = env.NCLOUD_ACCESS_KEY || undefined;
  const secretKey = env.NCLOUD_SECRET_KEY || undefined;
  if (!accessKey || !secretKey) {
    const named = Object.keys(env).filter((name) => name.startsWith('NCLOUD_') && env[name]);
    if (named.length > 0) {
      throw new ConfigError(
        `${named.join(', ')} ${named.length > 1 ? 'are' : 'is'} set: the NAVER Cloud collector needs both NCLOUD_ACCESS_KEY and NCLOUD_SECRET_KEY`
      );
    }
    return undefined;
  }
  const account = env.NCLOUD_ACCOUNT ?? '';
  if (!ACCOUNT_PATTERN.test(account)) {
    throw new ConfigError('NCLOUD_ACCOUNT must name the account the collected mail counts for ([A-Za-z0-9_.-]{1,64})');
  }
  const region = (env.NCLOUD_REGION || 'KR').toUpperCase();
  if (!isRegion(region)) {
    throw new ConfigError(`NCLOUD_REGION must be one of ${REGIONS.join(', ')}`);
  }
  const apiUrl = env.NCLOUD_API_URL || REGION_BASE_URLS[region];
  if (!/^https?:\/\/[^/]+/.test(apiUrl)) {
    throw new ConfigError('NCLOUD_API_URL must be an http(s) URL, e.g. https://mail.apigw.ntruss.com/api/v1');
  }
  const startText = env.NCLOUD_START_AT;
  const startAt = startText ? Date.parse(startText) : undefined;
  if (startAt !== undefined && (!Number.isFinite(startAt) || !/(Z|[+-]\d\d:?\d\d)$/i.test(startText!))) {
    throw new ConfigError('NCLOUD_START_AT must be an ISO 8601 time with an offset, e.g. 2026-01-01T00:00:00+09:00');
  }
  return {
    accessKey,
    secretKey,
    account,
    region,
    apiUrl,
    pollIntervalMs: positiveInteger(env, 'NCLOUD_POLL_INTERVAL_SECONDS', 60) * 1000,
    startAt,
  };
}

export function loadConfig(env: NodeJS.ProcessEnv): BackendConfig {
  const defaultTz = env.DEFAULT_TZ || 'UTC';
  if (!isValidZone(defaultTz)) {
    throw new ConfigError(`DEFAULT_TZ ${JSON.stringify(defaultTz)} is not an IANA time zone`);
  }
  const logLevel = env.LOG_LEVEL || 'info';
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`);
  }
  return {
    port: tcpPort(env, 'PORT', 3001),
    host: env.HOST || '127.0.0.1',
    influxUrl: env.INFLUX_URL || 'http://127.0.0.1:8086',
    influxDatabase: env.INFLUX_DATABASE || 'mail_delivery',
    influxUsername: env.INFLUX_USERNAME || undefined,
    influxPassword: env.INFLUX_PASSWORD || undefined,
    influxToken: env.INFLUX_TOKEN || undefined,
    influxLongShardRetentionPolicy: env.INFLUX_LONG_SHARD_RP || DEFAULT_LONG_SHARD_RP,
    apiKeys: parseApiKeys(env.API_KEYS),
    dataDir: env.DATA_DIR || './data',
    defaultTz,
    limitChangeRequestUrl: env.LIMIT_CHANGE_REQUEST_URL || null,
    maxBodyBytes: positiveInteger(env, 'MAX_BODY_BYTES', 32 * 1024 * 1024),
    maxOutbox: positiveInteger(env, 'MAX_OUTBOX', 2_000_000),
    writerId: env.WRITER_ID || undefined,
    // Generous: one key may send 1,000 requests a second for a minute before it is slowed down.
    rateLimitPerMinute: positiveInteger(env, 'RATE_LIMIT_PER_MINUTE', 60_000),
    metricsPort: env.METRICS_PORT ? tcpPort(env, 'METRICS_PORT', 0) : undefined,
    logLevel,
    maxConcurrentExports: positiveInteger(env, 'MAX_CONCURRENT_EXPORTS', DEFAULT_MAX_CONCURRENT_EXPORTS),
    keepAliveTimeoutSeconds: positiveInteger(env, 'KEEP_ALIVE_TIMEOUT_SECONDS', DEFAULT_KEEP_ALIVE_TIMEOUT_SECONDS),

    ncloud: loadNcloudConfig(env),
    dedupeWindowDays: wholeNumber(env, 'DEDUPE_WINDOW_DAYS', 35),
    crashAt: crashPoint(env),
    snsCertUrlPattern: snsCertUrlPattern(env),
    webhookToleranceSeconds: positiveInteger(env, 'WEBHOOK_TOLERANCE_SECONDS', DEFAULT_TOLERANCE_SECONDS),
    webhookSources: webhookSources(env),
  };
}
