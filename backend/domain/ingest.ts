/** Ingestion: a validated batch is counted once per new event id, durably, then sent on to InfluxDB. */
import type { AcceptedEvent, CounterStore } from '../storage/counterStore';
import type { OutboxFlusher } from '../storage/outboxFlusher';
import { counterKeysOf } from './counting';
import { ApiError } from './errors';
import { validateBatch, type DeliveryEvent, type IngestCaller } from './events';
import type { SubscriptionService } from './subscriptions';

/** What the store takes of each valid event: its id and its own counters as key strings. */
export const acceptedEvents = (events: readonly DeliveryEvent[]): AcceptedEvent[] =>
  events.map((event) => ({ account: event.account, id: event.id, count: event.count, keys: counterKeysOf(event) }));

export interface IngestResult {
  accepted: number;
  duplicates: number;
}

export class IngestService {
  constructor(
    private readonly store: CounterStore,
    private readonly flusher: OutboxFlusher,
    /** Refuses events for accounts whose subscription has ended. */
    private readonly subscriptions: SubscriptionService,
    /** Changed counters waiting for InfluxDB beyond which new batches are refused (503). */
    private readonly maxOutbox: number
  ) {}

  /** Resolves once the batch is durable (202); rejects with an ApiError or the storage error. */
  async ingest(raw: unknown[], caller: IngestCaller): Promise<IngestResult> {
    const events = validateBatch(raw, caller);
    this.subscriptions.admit(events.map((event) => event.account));
    const size = this.store.outboxSize();
    if (size >= this.maxOutbox) {
      this.flusher.kick();
      throw new ApiError(
        503,
        'outbox_full',
        `InfluxDB is behind: ${size} changed counters wait to be written; try again later`,
        undefined,
        30
      );
    }
    const { duplicates } = await this.store.accept(acceptedEvents(events));
    this.flusher.kick();
    return { accepted: events.length, duplicates };
  }
}
