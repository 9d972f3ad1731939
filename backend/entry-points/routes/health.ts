/** Liveness and readiness: /readyz names what is down (InfluxDB, DATA_DIR) and how far the outbox is behind. */
import { Router } from 'express';
import type { Services } from '../services';

/** Seconds since the change with this outbox sequence number was made (0 for none). */
export type OutboxAge = (oldestSeq: number | null) => number;

export function healthRouter(services: Services, outboxAgeSeconds: OutboxAge): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    const problems: string[] = [];
    // Where the hourly and daily pieces go; a fallback to the default retention policy is no outage.
    const longShards = services.influx.longShards;
    const influxdb = await services.influx.ping().then(
      () => ({ ok: true, longShards }),
      (error: Error) => {
        problems.push(`InfluxDB is down: ${error.message}`);
        return { ok: false, error: error.message, longShards };
      }
    );
    let dataDir: { ok: boolean; error?: string } = { ok: true };
    try {
      await services.store.checkWritable();
    } catch (error) {
      problems.push(`DATA_DIR is not writable: ${(error as Error).message}`);
      dataDir = { ok: false, error: (error as Error).message };
    }
    const outbox = services.store.outbox();
    res.status(problems.length === 0 ? 200 : 503).json({
      status: problems.length === 0 ? 'ready' : 'unavailable',
      // Also in the shape every other error has, for clients that read only that.
      ...(problems.length
        ? { message: problems.join('; '), error: { code: 'not_ready', message: problems.join('; ') } }
        : {}),
      influxdb,
      dataDir,
      outbox: {
        size: outbox.size,
        ageSeconds: outboxAgeSeconds(outbox.oldestSeq),
        maxSize: services.config.maxOutbox,
        acceptingEvents: outbox.size < services.config.maxOutbox,
        writesFailing: services.flusher.state.failing,
        lastError: services.flusher.state.lastError,
      },
      // The collector's own trouble does not make the API unready: it says how far it has got.
      ...(services.ncloud ? { ncloud: services.ncloud.progress() } : {}),
    });
  });
  return router;
}
