/**
 * Subscription periods (the console's "statistics start at the (re-)subscription date").
 * An account never configured has no periods and shows everything, as before. A configured
 * account shows its latest period only: from its start to its end (or on, while open), and
 * its events are refused while no period is open. Earlier periods stay stored: an admin
 * reads them with period=all.
 */
import type { StoredPeriod, SubscriptionStore } from '../storage/subscriptionStore';
import type { AccountJson, ErrorDetail, PeriodJson } from '../contract/apiTypes';
import { ApiError, badRequest } from './errors';
import { choicesText, QUERY_PARAMETERS } from './queryParameters';
import { formatBucket } from './timeBuckets';
import { parseEventTime } from './timestamps';

/** What a view may show of an account: [from, to), epoch ms; `to` is Infinity while the period is open. */
export interface VisibleWindow {
  from: number;
  to: number;
}

const iso = (ms: number) => new Date(ms).toISOString();
const periodJson = (period: StoredPeriod): PeriodJson => ({
  subscribedAt: iso(period.subscribedAt),
  unsubscribedAt: period.unsubscribedAt === null ? null : iso(period.unsubscribedAt),
});

/** The one field a subscription body may carry, as epoch ms (now when absent). */
function bodyTime(body: unknown, field: 'subscribedAt' | 'unsubscribedAt', now: number): number {
  if (body === undefined || body === null || (typeof body === 'object' && Object.keys(body).length === 0)) {
    return now;
  }
  if (typeof body !== 'object' || Array.isArray(body)) {
    throw badRequest('invalid_body', `the body must be a JSON object like {"${field}": "2026-12-01T00:00:00+09:00"}`);
  }
  const unknown = Object.keys(body).filter((key) => key !== field);
  if (unknown.length > 0) {
    throw badRequest('invalid_body', `unknown field ${JSON.stringify(unknown[0])}; the body takes only ${field}`);
  }
  const parsed = parseEventTime((body as Record<string, unknown>)[field]);
  if (typeof parsed === 'string') {
    throw badRequest('invalid_time', `${field} ${parsed}`);
  }
  if (parsed > now) {
    throw badRequest('invalid_time', `${field} must not be in the future`);
  }
  return parsed;
}

export class SubscriptionService {
  private readonly periods: Map<string, StoredPeriod[]>;

  constructor(private readonly store: SubscriptionStore) {
    this.periods = store.all();
  }

  describe(account: string): AccountJson {
    const periods = this.periods.get(account) ?? [];
    const open = this.openPeriod(account);
    return {
      account,
      subscribedAt: open ? iso(open.subscribedAt) : null,
      periods: periods.map(periodJson),
    };
  }

  subscribe(account: string, body: unknown, now: number): AccountJson {
    const subscribedAt = bodyTime(body, 'subscribedAt', now);
    const open = this.openPeriod(account);
    if (open) {
      throw new ApiError(
        409,
        'already_subscribed',
        `account ${account} is subscribed since ${iso(open.subscribedAt)}: end that period first (DELETE /api/v1/accounts/${account}/subscription)`
      );
    }
    const last = this.latest(account);
    if (last && subscribedAt < last.unsubscribedAt!) {
      throw new ApiError(
        409,
        'period_overlap',
        `subscribedAt must not be before the end of the previous period, ${iso(last.unsubscribedAt!)}`
      );
    }
    this.store.start(account, subscribedAt);
    this.periods.set(account, [...(this.periods.get(account) ?? []), { subscribedAt, unsubscribedAt: null }]);
    return this.describe(account);
  }

  unsubscribe(account: string, body: unknown, now: number): AccountJson {
    const unsubscribedAt = bodyTime(body, 'unsubscribedAt', now);
    const open = this.openPeriod(account);
    if (!open) {
      throw new ApiError(409, 'not_subscribed', `account ${account} has no open subscription period to end`);
    }
    if (unsubscribedAt <= open.subscribedAt) {
      throw badRequest('invalid_time', `unsubscribedAt must be after the period's start, ${iso(open.subscribedAt)}`);
    }
    this.store.end(account, open.subscribedAt, unsubscribedAt);
    open.unsubscribedAt = unsubscribedAt;
    return this.describe(account);
  }

  /** The latest period, which the views show; undefined for an account never configured. */
  visibleWindow(account: string): VisibleWindow | undefined {
    const last = this.latest(account);
    return last && { from: last.subscribedAt, to: last.unsubscribedAt ?? Infinity };
  }

  /** Refuses a batch naming any configured account that has no open period (409, one detail per event). */
  admit(accounts: readonly string[]): void {
    if (this.periods.size === 0) {
      return;
    }
    const details: ErrorDetail[] = [];
    accounts.forEach((account, index) => {
      const last = this.latest(account);
      if (last && last.unsubscribedAt !== null) {
        details.push({
          index,
          field: 'account',
          message: `account ${account} is not subscribed: its last period ended at ${iso(last.unsubscribedAt)}`,
        });
      }
    });
    if (details.length > 0) {
      throw new ApiError(
        409,
        'account_not_subscribed',
        `${details[0].message}; its events are refused until a new period starts (PUT /api/v1/accounts/{account}/subscription)`,
        details
      );
    }
  }

  private latest(account: string): StoredPeriod | undefined {
    const periods = this.periods.get(account);
    return periods?.[periods.length - 1];
  }

  private openPeriod(account: string): StoredPeriod | undefined {
    const last = this.latest(account);
    return last?.unsubscribedAt === null ? last : undefined;
  }
}

/** A range narrowed to what the window shows; an empty range where they do not meet. */
export function clampToWindow<R extends { from: number; to: number }>(range: R, window: VisibleWindow | undefined): R {
  if (!window) {
    return range;
  }
  const to = Math.min(range.to, window.to);
  return { ...range, from: Math.min(Math.max(range.from, window.from), to), to };
}

/** What an answer says of the window it was clamped to (in the answer's zone). */
export function windowFields(window: VisibleWindow | undefined, tz: string): { since?: string; until?: string } {
  if (!window) {
    return {};
  }
  return {
    since: formatBucket(window.from, tz),
    ...(Number.isFinite(window.to) ? { until: formatBucket(window.to, tz) } : {}),
  };
}

/**
 * The window a request sees: the latest period, or every period for an admin's `period=all`.
 * `period` is the raw query value.
 */
export function requestedWindow(
  subscriptions: SubscriptionService,
  account: string,
  period: unknown,
  admin: boolean
): VisibleWindow | undefined {
  const { enum: periods, default: latest } = QUERY_PARAMETERS.period.schema;
  if (period === undefined || period === '' || period === latest) {
    return subscriptions.visibleWindow(account);
  }
  if (!periods.includes(period as (typeof periods)[number])) {
    throw badRequest('invalid_parameter', `period must be ${choicesText(periods)}`);
  }
  if (!admin) {
    throw new ApiError(403, 'forbidden_scope', 'period=all (every subscription period) needs an admin key');
  }
  return undefined;
}
