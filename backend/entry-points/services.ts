import type { NcloudProgress } from '../adapters/ncloud';
import type { ReceiverContext } from '../adapters/webhooks/receivers';
import type { BackendConfig } from '../config';
import type { IngestService } from '../domain/ingest';
import type { LimitsService } from '../domain/limits';
import type { QueryGateway } from '../domain/queryGateway';
import type { SubscriptionService } from '../domain/subscriptions';
import type { CounterStore } from '../storage/counterStore';
import type { InfluxClient } from '../storage/influxClient';
import type { OutboxFlusher } from '../storage/outboxFlusher';

/** Everything the HTTP layer calls, made once at start. */
export interface Services {
  config: BackendConfig;
  store: CounterStore;
  influx: InfluxClient;
  flusher: OutboxFlusher;
  ingest: IngestService;
  stats: QueryGateway;
  limits: LimitsService;
  subscriptions: SubscriptionService;
  /** Webhook sources and what the vendor receivers need. */
  webhooks: ReceiverContext;
  now(): number;
  /** The NAVER Cloud collector, when configured (progress in /readyz). */
  ncloud?: { progress(): NcloudProgress };
}
