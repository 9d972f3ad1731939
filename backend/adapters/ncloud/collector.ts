/**
 * The NAVER Cloud Outbound Mailer collector: polls the mail requests incrementally from its
 * checkpoint, follows each request until every recipient has a final result (scheduled mails
 * for days), and ingests their events through the ingestion use case (exactly once by id).
 *
 * One poll: (1) list the requests made since the checkpoint (with an overlap for requests the
 * gateway lists late and for clock differences; known ones are skipped), page by page, in windows
 * of at most a day; (2) for each open request, read its status; when it changed since the last
 * read, read its mails (pages) and each mail not yet final, ingest, mark final mails; a request
 * is closed once ready, with all its mails final. A failure (network, 5xx, rate limit beyond its
 * waits, ingestion refused for lack of room) ends the poll and the next one comes after a back-off;
 * a request whose data we cannot take (an unknown result code) keeps its reason and stays open.
 */
import type { IngestResult } from '../../domain/ingest';
import { ApiError } from '../../domain/errors';
import type { IngestCaller } from '../../domain/events';
import type { CollectorReading } from '../../observability/metrics';
import type { MailRequestStatus, Page } from './apiTypes';
import { nextPollDelayMs } from './backoff';
import type { CheckpointStore } from './checkpointStore';
import { NcloudClient } from './client';
import { eventsOfMail, MappingError } from './mapping';

export interface IngestPort {
  ingest(raw: unknown[], caller: IngestCaller): IngestResult | Promise<IngestResult>;
}

export interface CollectorOptions {
  baseUrl: string;
  accessKey: string;
  secretKey: string;
  /** Our account the mail counts for. */
  account: string;
  pollIntervalMs: number;
  /** Where the first poll starts when there is no checkpoint (epoch ms). */
  startAt: number;
  checkpoint: CheckpointStore;
  ingest: IngestPort;
  now?: () => number;
  log?: (error: Error) => void;
  /** Each API answer's HTTP status (0: none), for metrics. */
  onApiCall?: (status: number) => void;
}

export interface NcloudProgress {
  account: string;
  apiUrl: string;
  /** The request list has been read up to here (gateway clock). */
  listedThrough: string | null;
  lagSeconds: number | null;
  openRequests: number;
  /** Open requests whose data could not be taken (the oldest one's reason: lastRequestError). */
  erroredRequests: number;
  oldestOpenRequestedAt: string | null;
  lastPollAt: string | null;
  lastSuccessAt: string | null;
  consecutiveFailures: number;
  lastError: string | null;
  lastRequestError: string | null;
  eventsIngested: number;
  duplicates: number;
  clockOffsetMs: number;
}

/** Requests the gateway lists late, and clocks apart, are caught by re-reading this much before the checkpoint. */
export const LIST_OVERLAP_MS = 10 * 60 * 1000;
const MAX_WINDOW_MS = 24 * 60 * 60 * 1000;
const MIN_EXTRA_WINDOW_MS = 60 * 1000;
const PAGE_SIZE = 100;
const OPEN_REQUESTS_PER_POLL = 1000;

class StoppedError extends Error {}

const iso = (ms: number | null | undefined): string | null =>
  ms === null || ms === undefined ? null : new Date(ms).toISOString();

export class NcloudCollector {
  private readonly client: NcloudClient;
  private readonly caller: IngestCaller;
  private readonly now: () => number;
  private readonly aborter = new AbortController();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> = Promise.resolve();
  private stopped = false;
  private lastPollAt: number | null = null;
  private lastSuccessAt: number | null = null;
  private consecutiveFailures = 0;
  private lastError: string | null = null;
  private eventsIngested = 0;
  private duplicates = 0;

  constructor(private readonly options: CollectorOptions) {
    this.now = options.now ?? Date.now;
    this.caller = { account: options.account, admin: false };
    this.client = new NcloudClient({
      baseUrl: options.baseUrl,
      accessKey: options.accessKey,
      secretKey: options.secretKey,
      now: this.now,
      onCall: options.onApiCall,
      signal: this.aborter.signal,
      sleep: (ms) => this.sleep(ms),
    });
  }

  /** Polls now and then every poll interval (longer after failures) until stop(). */
  start(): void {
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    this.aborter.abort();
    await this.running;
  }

  /** One poll, after the one under way; rejects with its error. */
  pollNow(): Promise<void> {
    return this.serialized(() => this.poll());
  }

  /** Reads every request made in [from, to) and takes what they have; the live checkpoint is left alone. */
  backfill(from: number, to: number): Promise<void> {
    return this.serialized(async () => {
      await this.listWindow(from, () => to);
      await this.followOpenRequests();
    });
  }

  reading(): CollectorReading {
    const listedThrough = this.options.checkpoint.listedThrough() ?? null;
    const stored = this.options.checkpoint.progress();
    return {
      listedThroughMs: listedThrough,
      lagSeconds: listedThrough === null ? null : Math.max(0, (this.client.serverNow() - listedThrough) / 1000),
      openRequests: stored.openRequests,
      erroredRequests: stored.erroredRequests,
      consecutiveFailures: this.consecutiveFailures,
      lastSuccessMs: this.lastSuccessAt,
    };
  }

  progress(): NcloudProgress {
    const reading = this.reading();
    const stored = this.options.checkpoint.progress();
    return {
      account: this.options.account,
      apiUrl: this.options.baseUrl,
      listedThrough: iso(reading.listedThroughMs),
      lagSeconds: reading.lagSeconds,
      openRequests: stored.openRequests,
      erroredRequests: stored.erroredRequests,
      oldestOpenRequestedAt: iso(stored.oldestOpenRequestedAt),
      lastPollAt: iso(this.lastPollAt),
      lastSuccessAt: iso(this.lastSuccessAt),
      consecutiveFailures: this.consecutiveFailures,
      lastError: this.lastError,
      lastRequestError: stored.oldestError,
      eventsIngested: this.eventsIngested,
      duplicates: this.duplicates,
      clockOffsetMs: Math.round(this.client.serverNow() - this.now()),
    };
  }

  private schedule(delayMs: number): void {
    if (this.stopped) {
      return;
    }
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.pollNow()
        .catch(() => undefined) // recorded in progress() and logged by poll()
        .finally(() => this.schedule(nextPollDelayMs(this.options.pollIntervalMs, this.consecutiveFailures)));
    }, delayMs);
  }

  private serialized(task: () => Promise<void>): Promise<void> {
    const next = this.running.then(task);
    this.running = next.catch(() => undefined);
    return next;
  }

  private async poll(): Promise<void> {
    this.lastPollAt = this.now();
    try {
      const through = this.options.checkpoint.listedThrough();
      const start = through === undefined ? this.options.startAt : through - LIST_OVERLAP_MS;
      await this.listWindow(
        start,
        () => this.client.serverNow(),
        (windowEnd) => this.options.checkpoint.setListedThrough(windowEnd)
      );
      await this.followOpenRequests();
      this.lastSuccessAt = this.now();
      this.consecutiveFailures = 0;
      this.lastError = null;
    } catch (error) {
      if (this.stopped) {
        return;
      }
      this.consecutiveFailures++;
      this.lastError = (error as Error).message;
      this.options.log?.(error as Error);
      throw error;
    }
  }

  /**
   * Lists [from, to) in windows of at most a day; after each complete window, `done(windowEnd)`.
   * `to` is asked again after each window, as the live poll's end is the gateway's now, which the
   * first answer may show to be ahead of ours; a rest shorter than a minute is left to the next poll.
   */
  private async listWindow(from: number, to: () => number, done: (windowEnd: number) => void = () => undefined) {
    let windowStart = from;
    let end = to();
    while (windowStart < end) {
      const windowEnd = Math.min(end, windowStart + MAX_WINDOW_MS);
      await this.forEachPage(
        (page) => this.client.listRequests({ startUtc: windowStart, endUtc: windowEnd, page, size: PAGE_SIZE }),
        (request) => {
          this.options.checkpoint.addRequest(request.requestId, request.requestDate.utc);
        }
      );
      done(windowEnd);
      windowStart = windowEnd;
      // The end moves on for a clock just learned, not for the milliseconds the calls took.
      const later = to();
      if (later - end >= MIN_EXTRA_WINDOW_MS) {
        end = later;
      }
    }
  }

  private async forEachPage<T>(read: (page: number) => Promise<Page<T>>, each: (item: T) => void): Promise<void> {
    for (let page = 0; ; page++) {
      this.throwIfStopped();
      const answer = await read(page);
      answer.content.forEach(each);
      const last =
        answer.last ??
        (answer.totalPages !== undefined ? page + 1 >= answer.totalPages : answer.content.length < PAGE_SIZE);
      if (last || answer.content.length === 0) {
        return;
      }
    }
  }

  private async followOpenRequests(): Promise<void> {
    const { checkpoint } = this.options;
    for (const request of checkpoint.openRequests(OPEN_REQUESTS_PER_POLL)) {
      this.throwIfStopped();
      const status = await this.client.requestStatus(request.requestId);
      const fingerprint = statusFingerprint(status);
      if (fingerprint === request.statusFingerprint) {
        continue; // nothing happened to its recipients since we last read them
      }
      try {
        const allFinal = await this.takeMails(request.requestId, status.requestCount);
        if (status.readyCompleted && allFinal) {
          checkpoint.closeRequest(request.requestId);
        } else {
          checkpoint.setStatusFingerprint(request.requestId, fingerprint);
        }
      } catch (error) {
        if (!(error instanceof MappingError || (error instanceof ApiError && error.status === 400))) {
          throw error;
        }
        checkpoint.setRequestError(request.requestId, error.message);
        this.options.log?.(new Error(`request ${request.requestId}: ${error.message}`));
      }
    }
  }

  /** Ingests the mails of a request not final yet; true when all `expected` mails are final. */
  private async takeMails(requestId: string, expected: number): Promise<boolean> {
    const { checkpoint } = this.options;
    const final = checkpoint.finalMails(requestId);
    const mailIds: string[] = [];
    await this.forEachPage(
      (page) => this.client.listMails(requestId, { page, size: PAGE_SIZE }),
      (mail) => {
        mailIds.push(mail.mailId);
      }
    );
    for (const mailId of mailIds.filter((id) => !final.has(id))) {
      this.throwIfStopped();
      const mail = await this.client.mail(mailId);
      const { events, final: mailFinal } = eventsOfMail(mail);
      const result = await this.options.ingest.ingest(events, this.caller);
      this.eventsIngested += result.accepted - result.duplicates;
      this.duplicates += result.duplicates;
      if (mailFinal) {
        checkpoint.markMailFinal(mailId, requestId);
        final.add(mailId);
      }
    }
    return mailIds.length >= expected && mailIds.every((id) => final.has(id));
  }

  private throwIfStopped(): void {
    if (this.stopped) {
      throw new StoppedError('the collector is stopping');
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const onAbort = () => {
        clearTimeout(timer);
        reject(new StoppedError('the collector is stopping'));
      };
      const timer = setTimeout(() => {
        this.aborter.signal.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      this.aborter.signal.addEventListener('abort', onAbort, { once: true });
    });
  }
}

/** What changes when a request's recipients change: counts per status, readiness, finished count. */
function statusFingerprint(status: MailRequestStatus): string {
  return JSON.stringify([status.readyCompleted, status.finishCount, status.sentCount ?? null, status.countsByStatus]);
}
