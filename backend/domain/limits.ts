/** Sending limits per account: validation, storage in DATA_DIR, and a copy in InfluxDB for alert rules. */
import type { CounterStore, StoredLimits } from '../storage/counterStore';
import type { InfluxClient } from '../storage/influxClient';
import { formatLine } from '../storage/lineProtocol';
import { LIMITS_MEASUREMENT } from '../storage/schema';
import type { ErrorDetail, Limits } from '../contract/apiTypes';
import { badRequest } from './errors';

const MAX_LIMIT = 1_000_000_000_000;

function readLimit(body: Record<string, unknown>, field: 'monthly' | 'daily', details: ErrorDetail[]): number | null {
  const value = body[field];
  if (value === undefined || value === null) {
    return null;
  }
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > MAX_LIMIT) {
    details.push({ field, message: `${field} must be null or a whole number from 1 to ${MAX_LIMIT}` });
    return null;
  }
  return value;
}

function isUrl(text: string): boolean {
  try {
    return Boolean(new URL(text));
  } catch {
    return false;
  }
}

function readUrl(body: Record<string, unknown>, details: ErrorDetail[]): string | null {
  const value = body.changeRequestUrl;
  if (value === undefined || value === null) {
    return null;
  }
  if (typeof value === 'string' && value.length <= 2000 && /^https?:\/\/[^\s]+$/.test(value) && isUrl(value)) {
    return value;
  }
  details.push({ field: 'changeRequestUrl', message: 'changeRequestUrl must be null or an http(s) URL' });
  return null;
}

export function parseLimits(body: unknown): StoredLimits {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw badRequest('invalid_limits', 'the body must be a JSON object {"monthly","daily","changeRequestUrl"}');
  }
  const fields = body as Record<string, unknown>;
  const details: ErrorDetail[] = [];
  const limits = {
    monthly: readLimit(fields, 'monthly', details),
    daily: readLimit(fields, 'daily', details),
    changeRequestUrl: readUrl(fields, details),
  };
  if (details.length > 0) {
    throw badRequest('invalid_limits', details.map((detail) => detail.message).join('; '), details);
  }
  return limits;
}

export function limitsLine(account: string, limits: StoredLimits, now: number): string | undefined {
  const fields: Array<[string, number]> = [];
  if (limits.monthly !== null) {
    fields.push(['monthly', limits.monthly]);
  }
  if (limits.daily !== null) {
    fields.push(['daily', limits.daily]);
  }
  return fields.length > 0
    ? formatLine(LIMITS_MEASUREMENT, [['account', account]], fields, Math.floor(now / 1000))
    : undefined;
}

export class LimitsService {
  constructor(
    private readonly store: CounterStore,
    private readonly influx: InfluxClient,
    private readonly defaultChangeRequestUrl: string | null
  ) {}

  get(account: string): Limits {
    const stored = this.store.limits(account);
    return {
      monthly: stored?.monthly ?? null,
      daily: stored?.daily ?? null,
      changeRequestUrl: stored?.changeRequestUrl ?? this.defaultChangeRequestUrl,
    };
  }

  /** Stored durably first; InfluxDB's copy (for alert rules) is best effort and rewritten at every start. */
  async set(account: string, limits: StoredLimits, now: number): Promise<Limits> {
    this.store.setLimits(account, limits);
    const line = limitsLine(account, limits, now);
    if (line) {
      await this.influx.write([line]).catch(() => undefined);
    }
    return this.get(account);
  }

  async publishAll(now: number): Promise<void> {
    const lines = this.store
      .allLimits()
      .map((limits) => limitsLine(limits.account, limits, now))
      .filter((line): line is string => line !== undefined);
    await this.influx.write(lines);
  }
}
