/**
 * Signed HTTP client of the Cloud Outbound Mailer API (the four read endpoints the collector uses).
 * It keeps its own estimate of the gateway's clock from each answer's `Date` header, so that a
 * local clock minutes off still signs acceptable timestamps and asks for the right time windows,
 * and it waits out `429`s as `Retry-After` says.
 */
import type { MailDetail, MailRequestStatus, MailRequestSummary, MailSummary, Page } from './apiTypes';
import { signedHeaders, type Credentials } from './signature';

export class NcloudApiError extends Error {
  constructor(
    readonly status: number,
    readonly path: string,
    detail: string
  ) {
    super(`NAVER Cloud API ${path} answered ${status}${detail ? `: ${detail}` : ''}`);
  }
}

export interface ClientOptions extends Credentials {
  /** Region base URL or NCLOUD_API_URL, e.g. https://mail.apigw.ntruss.com/api/v1 */
  baseUrl: string;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** Each HTTP answer's status (or 0 for no answer), for metrics. */
  onCall?: (status: number) => void;
  /** 429s waited out per call before giving up (the next poll tries again). */
  maxRateLimitWaits?: number;
  timeoutMs?: number;
  /** Aborts calls under way (the collector is stopping). */
  signal?: AbortSignal;
}

const DEFAULT_RETRY_AFTER_MS = 1000;
const MAX_RETRY_AFTER_MS = 5 * 60 * 1000;
/** Date headers have one-second resolution: smaller differences are noise, not skew. */
const SKEW_NOISE_MS = 2000;

/** Milliseconds to wait for a Retry-After header (seconds or an HTTP date); bounded. */
export function retryAfterMs(header: string | null, now: number): number {
  if (header === null || header.trim() === '') {
    return DEFAULT_RETRY_AFTER_MS;
  }
  const seconds = Number(header);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(header) - now;
  return Number.isFinite(ms) ? Math.min(MAX_RETRY_AFTER_MS, Math.max(0, ms)) : DEFAULT_RETRY_AFTER_MS;
}

export class NcloudClient {
  private readonly base: URL;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  /** Gateway clock minus local clock, as last observed. */
  private offsetMs = 0;

  constructor(private readonly options: ClientOptions) {
    this.base = new URL(options.baseUrl.replace(/\/+$/, ''));
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  /** The gateway's current time as far as we know it. */
  serverNow(): number {
    return this.now() + this.offsetMs;
  }

  listRequests(query: {
    startUtc: number;
    endUtc: number;
    page: number;
    size: number;
  }): Promise<Page<MailRequestSummary>> {
    return this.get('/mails/requests', query);
  }

  requestStatus(requestId: string): Promise<MailRequestStatus> {
    return this.get(`/mails/requests/${encodeURIComponent(requestId)}/status`, {});
  }

  listMails(requestId: string, query: { page: number; size: number }): Promise<Page<MailSummary>> {
    return this.get(`/mails/requests/${encodeURIComponent(requestId)}/mails`, query);
  }

  mail(mailId: string): Promise<MailDetail> {
    return this.get(`/mails/${encodeURIComponent(mailId)}`, {});
  }

  private async get<T>(path: string, query: Record<string, number | string>): Promise<T> {
    const url = new URL(this.base.href + path);
    for (const [name, value] of Object.entries(query)) {
      url.searchParams.set(name, String(value));
    }
    let rateLimitWaits = 0;
    let skewRetried = false;
    for (;;) {
      const answer = await this.send(url);
      this.options.onCall?.(answer.status);
      const skewChanged = this.observeClock(answer.headers.get('date'));
      if (answer.ok) {
        return (await answer.json()) as T;
      }
      const detail = (await answer.text().catch(() => '')).slice(0, 300);
      if (answer.status === 429 && rateLimitWaits < (this.options.maxRateLimitWaits ?? 5)) {
        rateLimitWaits++;
        await this.sleep(retryAfterMs(answer.headers.get('retry-after'), this.now()));
        continue;
      }
      // A refused timestamp: sign again once with the clock the gateway just showed us.
      if (answer.status === 401 && skewChanged && !skewRetried) {
        skewRetried = true;
        continue;
      }
      throw new NcloudApiError(answer.status, url.pathname, detail);
    }
  }

  private async send(url: URL): Promise<Response> {
    const headers = {
      ...signedHeaders('GET', url.pathname + url.search, this.serverNow(), this.options),
      accept: 'application/json',
    };
    try {
      const timeout = AbortSignal.timeout(this.options.timeoutMs ?? 30_000);
      const signal = this.options.signal ? AbortSignal.any([timeout, this.options.signal]) : timeout;
      return await fetch(url, { headers, signal });
    } catch (error) {
      this.options.onCall?.(0);
      throw error;
    }
  }

  /** Updates the clock offset from a Date header; true when it moved by more than noise. */
  private observeClock(dateHeader: string | null): boolean {
    const serverTime = dateHeader ? Date.parse(dateHeader) : NaN;
    if (!Number.isFinite(serverTime)) {
      return false;
    }
    // The header is truncated to the second: its true value lies up to 1 s later.
    const offset = serverTime + 500 - this.now();
    if (Math.abs(offset - this.offsetMs) <= SKEW_NOISE_MS) {
      return false;
    }
    this.offsetMs = Math.abs(offset) <= SKEW_NOISE_MS ? 0 : offset;
    return true;
  }
}
