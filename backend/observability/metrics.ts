/**
 * Prometheus metrics of one backend instance, in its own registry (several backends may run
 * in one process, as in the tests). Labels are bounded: event types, error codes, endpoints.
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

export interface OutboxReading {
  depth: number;
  ageSeconds: number;
}

/** How far the NAVER Cloud collector has got (epoch ms; null: not yet). */
export interface CollectorReading {
  listedThroughMs: number | null;
  lagSeconds: number | null;
  openRequests: number;
  erroredRequests: number;
  consecutiveFailures: number;
  lastSuccessMs: number | null;
}

const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

export class BackendMetrics {
  readonly registry = new Registry();
  private readonly events: Counter<'type'>;
  private readonly duplicates: Counter;
  private readonly refused: Counter<'code'>;
  private readonly influxWrites: Histogram;
  private readonly influxWriteErrors: Counter;
  private readonly influxWrittenCounters: Counter;
  private readonly queries: Histogram<'view'>;
  private readonly requests: Counter<'route' | 'method' | 'status'>;
  private ncloudCalls: Counter<'status'> | undefined;

  constructor(readOutbox: () => OutboxReading) {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry });
    this.events = new Counter({
      name: 'mda_ingested_events_total',
      help: 'Events in accepted (202) batches, by event type; ids seen before included (see mda_ingested_duplicate_events_total)',
      labelNames: ['type'],
      registers,
    });
    this.duplicates = new Counter({
      name: 'mda_ingested_duplicate_events_total',
      help: 'Events in accepted batches whose id was accepted before: they changed nothing',
      registers,
    });
    this.refused = new Counter({
      name: 'mda_ingest_refused_batches_total',
      help: 'Batches refused by POST /api/v1/events, by error code (outbox_full, storage_unavailable, invalid_events, rate_limited, ...)',
      labelNames: ['code'],
      registers,
    });
    new Gauge({
      name: 'mda_outbox_depth',
      help: 'Changed counters committed to DATA_DIR and not yet confirmed by InfluxDB',
      registers,
      collect() {
        this.set(readOutbox().depth);
      },
    });
    new Gauge({
      name: 'mda_outbox_age_seconds',
      help: 'Seconds since the oldest change still waiting for InfluxDB was made (0 when the outbox is empty)',
      registers,
      collect() {
        this.set(readOutbox().ageSeconds);
      },
    });
    this.influxWrites = new Histogram({
      name: 'mda_influxdb_write_seconds',
      help: 'Duration of successful InfluxDB writes of outbox batches',
      buckets: LATENCY_BUCKETS,
      registers,
    });
    this.influxWriteErrors = new Counter({
      name: 'mda_influxdb_write_errors_total',
      help: 'Failed InfluxDB writes (each is retried with back-off)',
      registers,
    });
    this.influxWrittenCounters = new Counter({
      name: 'mda_influxdb_written_counters_total',
      help: 'Counter totals written to InfluxDB',
      registers,
    });
    this.queries = new Histogram({
      name: 'mda_query_seconds',
      help: 'Duration of successful statistics answers, by view (export and values/* included)',
      labelNames: ['view'],
      buckets: LATENCY_BUCKETS,
      registers,
    });
    this.requests = new Counter({
      name: 'mda_http_requests_total',
      help: 'HTTP requests by endpoint, method and status',
      labelNames: ['route', 'method', 'status'],
      registers,
    });
  }

  eventsAccepted(types: readonly string[], duplicates: number): void {
    const byType = new Map<string, number>();
    for (const type of types) {
      byType.set(type, (byType.get(type) ?? 0) + 1);
    }
    for (const [type, n] of byType) {
      this.events.inc({ type }, n);
    }
    this.duplicates.inc(duplicates);
  }

  batchRefused(code: string): void {
    this.refused.inc({ code });
  }

  /** Matches OutboxFlusher's onWrite hook. */
  influxWrite(counters: number, seconds: number, error?: Error): void {
    if (error) {
      this.influxWriteErrors.inc();
      return;
    }
    this.influxWrites.observe(seconds);
    this.influxWrittenCounters.inc(counters);
  }

  query(view: string, seconds: number): void {
    this.queries.observe({ view }, seconds);
  }

  request(route: string, method: string, status: number): void {
    this.requests.inc({ route, method, status: String(status) });
  }

  /** The NAVER Cloud collector's progress, read at each scrape; registered only when it runs. */
  watchNcloud(read: () => CollectorReading): void {
    const registers = [this.registry];
    const gauge = (name: string, help: string, value: (reading: CollectorReading) => number | null) =>
      new Gauge({
        name,
        help,
        registers,
        collect() {
          const current = value(read());
          if (current === null) {
            this.reset();
          } else {
            this.set(current);
          }
        },
      });
    gauge(
      'mda_ncloud_listed_through_timestamp_seconds',
      'The NAVER mail request list has been read up to this time',
      (r) => (r.listedThroughMs === null ? null : r.listedThroughMs / 1000)
    );
    gauge(
      'mda_ncloud_lag_seconds',
      'Seconds between now (gateway clock) and how far the request list has been read',
      (r) => r.lagSeconds
    );
    gauge(
      'mda_ncloud_open_requests',
      'NAVER mail requests followed until every recipient has its final result',
      (r) => r.openRequests
    );
    gauge(
      'mda_ncloud_errored_requests',
      'Open NAVER mail requests whose data could not be taken (reason in /readyz)',
      (r) => r.erroredRequests
    );
    gauge(
      'mda_ncloud_consecutive_failures',
      'NAVER polls failed in a row (0: the last one succeeded)',
      (r) => r.consecutiveFailures
    );
    gauge('mda_ncloud_last_success_timestamp_seconds', 'When the last NAVER poll succeeded', (r) =>
      r.lastSuccessMs === null ? null : r.lastSuccessMs / 1000
    );
    this.ncloudCalls = new Counter({
      name: 'mda_ncloud_api_requests_total',
      help: 'Calls to the NAVER Cloud Outbound Mailer API by HTTP status (0: no answer; 429: rate limited)',
      labelNames: ['status'],
      registers,
    });
  }

  ncloudApiCall(status: number): void {
    this.ncloudCalls?.inc({ status: String(status) });
  }
}
