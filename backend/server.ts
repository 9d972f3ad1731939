/** Assembles storage, domain, HTTP and observability, and starts listening. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { createNcloudCollector, type RunningCollector } from './adapters/ncloud';
import { SigningCertificates } from './adapters/webhooks/ses/snsMessage';
import { SourceRegistry } from './adapters/webhooks/sourceRegistry';
import { DEFAULT_TOLERANCE_SECONDS } from './adapters/webhooks/timestamps';
import { DEFAULT_LONG_SHARD_RP, DEFAULT_SNS_CERT_URL_PATTERN, type BackendConfig } from './config';
import { LimitsService } from './domain/limits';
import { QueryGateway } from './domain/queryGateway';
import { SubscriptionService } from './domain/subscriptions';
import { createApp, metricsHandler, securityHeaders } from './entry-points/app';
import { answerClientError } from './entry-points/clientErrors';
import { setConnectionTimeouts } from './entry-points/connectionTimeouts';
import type { Services } from './entry-points/services';
import { createLogger, type Logger } from './observability/logger';
import { MeasuredIngestService } from './observability/measuredIngest';
import { BackendMetrics } from './observability/metrics';
import { OutboxClock } from './observability/outboxClock';
import { CounterStore } from './storage/counterStore';
import { InfluxClient, InfluxUnavailableError } from './storage/influxClient';
import { prepareLongShards } from './storage/retention';
import { OutboxFlusher } from './storage/outboxFlusher';
import { SubscriptionStore } from './storage/subscriptionStore';
import { SourceStore } from './storage/sourceStore';

export interface RunningBackend {
  url: string;
  /** Set when config.metricsPort is: the unauthenticated /metrics listener. */
  metricsUrl?: string;
  services: Services;
  metrics: BackendMetrics;
  /** Set when config.ncloud is: the NAVER Cloud collector (polling already). */
  ncloud?: RunningCollector['collector'];
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Unexpected errors; default: the logger. */
  log?: (error: Error) => void;
  /** Default: JSON lines on stdout at config.logLevel (silent when unset). */
  logger?: Logger;
  now?: () => number;
  /** Start the NAVER Cloud collector's polling loop when configured (default true; the backfill command drives it itself). */
  pollNcloud?: boolean;
}

const DATABASE_RETRY_MS = 2000;

function listen(
  handler: Parameters<typeof createServer>[1],
  port: number,
  host: string,
  keepAliveTimeoutSeconds: number | undefined
): Promise<{ server: Server; url: string }> {
  const server = createServer(handler).on('clientError', answerClientError);
  setConnectionTimeouts(server, keepAliveTimeoutSeconds);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const bound = (server.address() as AddressInfo).port;
      const shown = host === '0.0.0.0' ? '127.0.0.1' : host;
      resolve({ server, url: `http://${shown.includes(':') ? `[${shown}]` : shown}:${bound}` });
    });
  });
}

function close(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

export async function startBackend(config: BackendConfig, options: StartOptions = {}): Promise<RunningBackend> {
  const logger = options.logger ?? createLogger(config.logLevel ?? 'silent');
  const log = options.log ?? ((error: Error) => logger.error({ err: error }, error.message));
  const now = options.now ?? Date.now;
  const influx = new InfluxClient({
    url: config.influxUrl,
    database: config.influxDatabase,
    username: config.influxUsername,
    password: config.influxPassword,
    token: config.influxToken,
    longShardRetentionPolicy: config.influxLongShardRetentionPolicy ?? DEFAULT_LONG_SHARD_RP,
  });
  const store = new CounterStore(config.dataDir, {
    writerId: config.writerId,
    dedupeWindowDays: config.dedupeWindowDays ?? 35,
    now,
    crashAt: config.crashAt,
  });
  const subscriptionStore = new SubscriptionStore(config.dataDir);
  const subscriptions = new SubscriptionService(subscriptionStore);
  const clock = new OutboxClock(now());
  const outboxAgeSeconds = (oldestSeq: number | null) => {
    clock.note(store.lastSeq(), now());
    return clock.ageSeconds(oldestSeq, now());
  };
  const outboxReading = () => {
    const { size, oldestSeq } = store.outbox();
    return { depth: size, ageSeconds: outboxAgeSeconds(oldestSeq) };
  };
  const metrics = new BackendMetrics(outboxReading);
  const flusher = new OutboxFlusher(store, influx, (counters, seconds, error) =>
    metrics.influxWrite(counters, seconds, error)
  );

  // InfluxDB may be down at start: ingestion works from DATA_DIR alone, so start anyway and
  // make sure of the database once InfluxDB answers. A database made just now holds nothing:
  // it gets every counter this instance has.
  let stopped = false;
  let databaseRetry: NodeJS.Timeout | undefined;
  const ensureDatabase = async (): Promise<void> => {
    databaseRetry = undefined;
    try {
      const created = (await influx.ensureDatabase()) === 'created';
      // Also when this instance's hourly and daily pieces were written before their retention policy existed.
      if ((await prepareLongShards(influx, store.writerId)) || created) {
        store.resendAll();
      }
      if (influx.longShards.status === 'default') {
        logger.warn(influx.longShards.reason);
      }
      flusher.retryNow();
    } catch (error) {
      if (!(error instanceof InfluxUnavailableError)) {
        throw error;
      }
      logger.warn({ err: error }, 'InfluxDB is unavailable; events are kept in DATA_DIR until it answers');
      if (!stopped) {
        databaseRetry = setTimeout(() => void ensureDatabase().catch(log), DATABASE_RETRY_MS);
      }
    }
  };
  try {
    await ensureDatabase();
  } catch (error) {
    await store.close();
    subscriptionStore.close();
    throw error;
  }
  const limits = new LimitsService(store, influx, config.limitChangeRequestUrl);
  await limits.publishAll(now()).catch(log);
  const ingest = new MeasuredIngestService(store, flusher, subscriptions, config.maxOutbox, metrics);
  const sourceStore = new SourceStore(config.dataDir);
  const snsUrlPattern = config.snsCertUrlPattern ?? DEFAULT_SNS_CERT_URL_PATTERN;
  const services: Services = {
    config,
    store,
    influx,
    flusher,
    ingest,
    stats: new QueryGateway(influx, flusher),
    limits,
    webhooks: {
      sources: new SourceRegistry(sourceStore, config.webhookSources),
      certificates: new SigningCertificates(snsUrlPattern, now),
      snsUrlPattern,
      toleranceSeconds: config.webhookToleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS,
      now,
      ingest: async (events, account) => await ingest.ingest(events, { account, admin: false }),
    },
    subscriptions,
    now,
  };
  // Ages are exact to a second whether or not anyone is looking.
  const clockTimer = setInterval(() => clock.note(store.lastSeq(), now()), 1000).unref();
  flusher.kick(); // replay what an earlier run left in the outbox
  const app = createApp(services, {
    logger,
    metrics,
    log,
    outboxAgeSeconds,
    metricsOnApiPort: config.metricsPort === undefined,
  });
  const api = await listen(app, config.port, config.host, config.keepAliveTimeoutSeconds);
  const ncloud: RunningCollector | undefined = config.ncloud
    ? createNcloudCollector(config.ncloud, {
        dataDir: config.dataDir,
        ingest: services.ingest,
        now,
        log: (error) => logger.warn({ err: error }, `NAVER Cloud collector: ${error.message}`),
        onApiCall: (status) => metrics.ncloudApiCall(status),
      })
    : undefined;
  if (ncloud) {
    services.ncloud = ncloud.collector;
    metrics.watchNcloud(() => ncloud.collector.reading());
    if (options.pollNcloud !== false) {
      ncloud.collector.start();
    }
  }
  let metricsListener: { server: Server; url: string } | undefined;
  const stop = async () => {
    stopped = true;
    clearTimeout(databaseRetry);
    clearInterval(clockTimer);
    await Promise.all([close(api.server), ...(metricsListener ? [close(metricsListener.server)] : [])]);
    await ncloud?.stop();
    await flusher.stop();
    await store.close();
    subscriptionStore.close();
    sourceStore.close();
  };
  if (config.metricsPort !== undefined) {
    const metricsApp = express().disable('x-powered-by').use(securityHeaders).get('/metrics', metricsHandler(metrics));
    metricsListener = await listen(metricsApp, config.metricsPort, config.host, config.keepAliveTimeoutSeconds).catch(async (error: Error) => {
      await stop();
      throw error;
    });
  }
  logger.info({ url: api.url, metricsUrl: metricsListener?.url, writer: store.writerId }, 'listening');
  return { url: api.url, metricsUrl: metricsListener?.url, services, metrics, ncloud: ncloud?.collector, stop };
}
