/**
 * Posts events to the backend as gzip NDJSON batches. Retries when the backend says
 * "later" (503, 429: honouring Retry-After) or cannot be reached; any other refusal is
 * a bug in the demo data and stops the run with the backend's message.
 */
import { gzipSync } from 'node:zlib';
import type { DemoEvent } from './events';

export interface SenderOptions {
  url: string;
  key: string;
  batchSize: number;
  /** Batches in flight at once. */
  concurrency: number;
  maxAttempts: number;
  sleep?: (ms: number) => Promise<void>;
  /** Called with each batch's event count once the backend acknowledged it. */
  onBatch?: (events: number) => void;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const MAX_BACKOFF_MS = 30_000;

/** Retry-After in seconds or as an HTTP date; undefined when absent or unreadable. */
export function retryAfterMs(header: string | null, nowMs = Date.now()): number | undefined {
  if (header === null || header.trim() === '') {
    return undefined;
  }
  const seconds = Number(header);
  if (Number.isFinite(seconds)) {
    return Math.max(0, seconds * 1000);
  }
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}

function backoffMs(attempt: number): number {
  return Math.min(MAX_BACKOFF_MS, 500 * 2 ** (attempt - 1));
}

async function postBatch(events: readonly DemoEvent[], options: SenderOptions): Promise<number> {
  const sleep = options.sleep ?? defaultSleep;
  const body = gzipSync(events.map((event) => JSON.stringify(event)).join('\n') + '\n');
  for (let attempt = 1; ; attempt++) {
    let waitMs: number;
    let problem: string;
    try {
      const answer = await fetch(`${options.url}/api/v1/events`, {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${options.key}`,
          'Content-Type': 'application/x-ndjson',
          'Content-Encoding': 'gzip',
        },
        body,
      });
      const text = await answer.text();
      if (answer.status === 202 || answer.status === 200) {
        return Number(JSON.parse(text).accepted ?? events.length);
      }
      if (answer.status !== 503 && answer.status !== 429) {
        throw new FatalSendError(`the backend refused a batch of ${events.length} events: ${answer.status} ${text}`);
      }
      problem = `${answer.status} ${text}`;
      waitMs = retryAfterMs(answer.headers.get('retry-after')) ?? backoffMs(attempt);
    } catch (error) {
      if (error instanceof FatalSendError) {
        throw error;
      }
      problem = (error as Error).message;
      waitMs = backoffMs(attempt);
    }
    if (attempt >= options.maxAttempts) {
      throw new Error(`gave up sending a batch after ${attempt} attempts: ${problem}`);
    }
    await sleep(waitMs);
  }
}

export class FatalSendError extends Error {}

/** Sends every event; returns the sum of the backend's `accepted` answers. */
export async function sendEvents(events: readonly DemoEvent[], options: SenderOptions): Promise<number> {
  const batches: Array<readonly DemoEvent[]> = [];
  for (let start = 0; start < events.length; start += options.batchSize) {
    batches.push(events.slice(start, start + options.batchSize));
  }
  let accepted = 0;
  let next = 0;
  const worker = async () => {
    while (next < batches.length) {
      const batch = batches[next++];
      accepted += await postBatch(batch, options);
      options.onBatch?.(batch.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency, batches.length) }, worker));
  return accepted;
}
