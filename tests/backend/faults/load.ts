/**
 * Bounded load for fault tests: batches of `requested` events with unique ids spread over
 * the buckets of one day, sent by a few concurrent senders. Every batch ends up in exactly
 * one of: acknowledged (202), refused (an answer that says nothing was taken) or unknown
 * (no answer: the connection broke), so a test can re-send what was not acknowledged and
 * compare exact totals.
 */
export const LOAD_DAY = { from: '2026-05-04', to: '2026-05-05', tz: 'UTC' };
const DAY_START = Date.parse('2026-05-04T00:00:00Z');
const QUARTER_HOUR = 15 * 60 * 1000;

export interface Batch {
  name: string;
  events: Array<Record<string, unknown>>;
  /** Recipient mails in the batch: what requestCount must grow by. */
  mails: number;
}

export function makeBatch(prefix: string, index: number, size: number): Batch {
  const events = Array.from({ length: size }, (_unused, i) => ({
    id: `${prefix}-${index}-${i}`,
    type: 'requested',
    template: `T${i % 3}`,
    domain: 'example.com',
    // Many buckets, so the outbox holds many changed counters.
    requestedAt: new Date(DAY_START + ((index * size + i) % 96) * QUARTER_HOUR).toISOString(),
    count: 1 + (i % 4),
  }));
  return { name: `${prefix}-${index}`, events, mails: events.reduce((sum, event) => sum + event.count, 0) };
}

export interface Outcomes {
  acknowledged: Batch[];
  refused: Array<{ batch: Batch; status: number; code: string; retryAfter: string | null }>;
  unknown: Batch[];
}

export const mailsOf = (batches: readonly Batch[]) => batches.reduce((sum, batch) => sum + batch.mails, 0);

export async function send(
  url: string,
  key: string,
  batch: Batch
): Promise<{ status: number; body: any; retryAfter: string | null }> {
  const answer = await fetch(`${url}/api/v1/events`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(batch.events),
  });
  return { status: answer.status, body: await answer.json(), retryAfter: answer.headers.get('retry-after') };
}

/**
 * Runs `senders` loops until `stopWhen` holds for what has happened so far (checked before
 * every send) or `maxBatches` were sent. `onOutcome` sees each outcome as it is recorded, so
 * a test can act on observed state (kill a process once N batches were acknowledged).
 */
export async function runLoad(options: {
  url: () => string;
  key: string;
  prefix: string;
  batchSize: number;
  senders: number;
  maxBatches: number;
  stopWhen: (outcomes: Outcomes) => boolean;
  onOutcome?: (outcomes: Outcomes) => void;
}): Promise<Outcomes> {
  const outcomes: Outcomes = { acknowledged: [], refused: [], unknown: [] };
  let next = 0;
  const sender = async () => {
    while (!options.stopWhen(outcomes) && next < options.maxBatches) {
      const batch = makeBatch(options.prefix, next++, options.batchSize);
      try {
        const answer = await send(options.url(), options.key, batch);
        if (answer.status === 202) {
          outcomes.acknowledged.push(batch);
        } else {
          outcomes.refused.push({
            batch,
            status: answer.status,
            code: answer.body?.error?.code,
            retryAfter: answer.retryAfter,
          });
        }
      } catch {
        outcomes.unknown.push(batch);
        // pacing only: no answer means the backend is gone, so do not hammer its port
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      options.onOutcome?.(outcomes);
    }
  };
  await Promise.all(Array.from({ length: options.senders }, sender));
  return outcomes;
}

export async function requestCount(url: string, key: string): Promise<{ status: number; count?: number; body: any }> {
  const answer = await fetch(`${url}/api/v1/stats/request-date?${new URLSearchParams(LOAD_DAY)}`, {
    headers: { Authorization: `Bearer ${key}` },
  });
  const body = await answer.json();
  return { status: answer.status, count: body.totals?.requestCount, body };
}

/** The backend's /readyz answer (status and JSON body). */
export async function readyz(url: string): Promise<{ status: number; body: any }> {
  const answer = await fetch(`${url}/readyz`);
  return { status: answer.status, body: await answer.json() };
}
