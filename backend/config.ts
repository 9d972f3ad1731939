/** Configuration from the environment (api.md, "Starting the backend"). */
import { createHash } from 'node:crypto';
import { parseEnvironmentSources } from './adapters/webhooks/sourceConfig';
import { DEFAULT_TOLERANCE_SECONDS } from './adapters/webhooks/timestamps';
import type { WebhookSource } from './adapters/webhooks/types';
import { ACCOUNT_PATTERN } from './domain/events';
import { isValidZone } from './domain/timestamps';

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

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

function tcpPort(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const port = positiveInteger(env, name, fallback);
  if (port > 65535) {
    throw new ConfigError(`${name} must be at most 65535`);
  }
  return port;
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
    snsCertUrlPattern: snsCertUrlPattern(env),
    webhookToleranceSeconds: positiveInteger(env, 'WEBHOOK_TOLERANCE_SECONDS', DEFAULT_TOLERANCE_SECONDS),
    webhookSources: webhookSources(env),
  };
}
