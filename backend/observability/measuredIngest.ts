/** The ingestion use case, counting in /metrics the event types of every batch it accepts. */
import { IngestService } from '../domain/ingest';
import type { SubscriptionService } from '../domain/subscriptions';
import type { CounterStore } from '../storage/counterStore';
import type { OutboxFlusher } from '../storage/outboxFlusher';
import type { BackendMetrics } from './metrics';

/** Counts the event types of each accepted batch (the batch is valid once ingest returns). */
export class MeasuredIngestService extends IngestService {
  constructor(
    store: CounterStore,
    flusher: OutboxFlusher,
    subscriptions: SubscriptionService,
    maxOutbox: number,
    private readonly metrics: BackendMetrics
  ) {
    super(store, flusher, subscriptions, maxOutbox);
  }

  override async ingest(...args: Parameters<IngestService['ingest']>): ReturnType<IngestService['ingest']> {
    const result = await super.ingest(...args);
    this.metrics.eventsAccepted(
      args[0].map((event) => String((event as { type: unknown }).type)),
      result.duplicates
    );
    return result;
  }
}
