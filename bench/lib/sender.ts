/** Posting gzip batches with a fixed number of concurrent clients, as a mailer or a collector would. */
import { gzipSync } from 'node:zlib';
import { retryOnConnectionReset } from '../../scripts/lib/connectionReset';

export interface BatchTarget {
  name: string;
  url: string;
  headers: Record<string, string>;
  /** Status codes that mean the batch was taken. */
  accepted: readonly number[];
}

export function backendEventsTarget(baseUrl: string, key: string): BatchTarget {
  return {
    name: 'backend POST /api/v1/events',
    url: `${baseUrl}/api/v1/events`,
    headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/x-ndjson', 'Content-Encoding': 'gzip' },
    accepted: [202],
  };
}

export function influxWriteTarget(
  influxUrl: string,
  database: string,
  precision: 's' | 'u' = 'u',
  retentionPolicy?: string
): BatchTarget {
  const rp = retentionPolicy === undefined ? '' : `&rp=${encodeURIComponent(retentionPolicy)}`;
  return {
    name: `InfluxDB /write db=${database}${retentionPolicy === undefined ? '' : ` rp=${retentionPolicy}`}`,
    url: `${influxUrl}/write?db=${encodeURIComponent(database)}${rp}&precision=${precision}`,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Encoding': 'gzip' },
    accepted: [204],
  };
}

export async function postBatch(target: BatchTarget, body: Buffer): Promise<void> {
  // A Uint8Array view of the same bytes: the DOM typings of fetch do not name Buffer.
  const bytes = new Uint8Array(body.buffer as ArrayBuffer, body.byteOffset, body.byteLength);
  // A re-sent batch counts once: the backend deduplicates ids, InfluxDB replaces equal points.
  const answer = await retryOnConnectionReset(() =>
    fetch(target.url, { method: 'POST', headers: target.headers, body: bytes })
  );
  const text = await answer.text();
  if (!target.accepted.includes(answer.status)) {
    throw new Error(`${target.name} answered ${answer.status}: ${text.slice(0, 300)}`);
  }
}

export function gzipLines(lines: readonly string[], level = 6): Buffer {
  return gzipSync(lines.join('\n'), { level });
}

/** Sends every body, `clients` at a time, each client one batch after another. */
export async function sendAll(target: BatchTarget, bodies: readonly Buffer[], clients: number): Promise<void> {
  let next = 0;
  const client = async () => {
    while (next < bodies.length) {
      await postBatch(target, bodies[next++]);
    }
  };
  await Promise.all(Array.from({ length: clients }, client));
}

/**
 * Lines in, gzip batches out, at most `clients` batches in flight: `add` waits while they are
 * all busy, so a generator can stream millions of lines without holding them.
 */
export class BatchStream {
  private lines: string[] = [];
  private readonly inFlight = new Set<Promise<void>>();
  private failure: Error | undefined;
  sentLines = 0;

  constructor(
    private readonly target: BatchTarget,
    private readonly linesPerBatch: number,
    private readonly clients: number,
    private readonly gzipLevel = 1
  ) {}

  /** Returns a promise only when a batch was shipped (await it); most lines return at once. */
  add(line: string): Promise<void> | undefined {
    this.lines.push(line);
    return this.lines.length >= this.linesPerBatch ? this.ship() : undefined;
  }

  private async ship(): Promise<void> {
    if (this.failure) {
      throw this.failure;
    }
    if (this.lines.length === 0) {
      return;
    }
    const count = this.lines.length;
    const body = gzipLines(this.lines, this.gzipLevel);
    this.lines = [];
    const sending: Promise<void> = postBatch(this.target, body).then(
      () => {
        this.sentLines += count;
        this.inFlight.delete(sending);
      },
      (error: Error) => {
        this.failure ??= error;
        this.inFlight.delete(sending);
      }
    );
    this.inFlight.add(sending);
    while (this.inFlight.size >= this.clients) {
      await Promise.race(this.inFlight);
    }
  }

  /** Sends what is left and waits for every batch. */
  async close(): Promise<void> {
    await this.ship();
    await Promise.all(this.inFlight);
    if (this.failure) {
      throw this.failure;
    }
  }
}
