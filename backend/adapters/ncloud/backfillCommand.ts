/**
 * One-off backfill from the NAVER Cloud Outbound Mailer (docs/adapters.md):
 *   node dist-backend/adapters/ncloud/backfillCommand.js --from 2026-01-01T00:00:00+09:00 --to 2026-02-01T00:00:00+09:00
 * with the backend's environment (API_KEYS, DATA_DIR, INFLUX_*, NCLOUD_*). It reads every mail
 * request made in [from, to), ingests their events (exactly once, as the live collector does: a
 * backfill over mail already collected counts nothing), leaves requests still open in the
 * checkpoint for the live collector, and returns once everything is in InfluxDB.
 * Run it while the backend on the same DATA_DIR is stopped: both keep state in it.
 */
import { ConfigError, loadConfig, type BackendConfig } from '../../config';
import { createLogger } from '../../observability/logger';
import { startBackend } from '../../server';
import type { NcloudProgress } from './collector';

export interface BackfillRange {
  from: number;
  to: number;
}

const OFFSET = /(Z|[+-]\d\d:?\d\d)$/i;

export function parseBackfillArgs(argv: readonly string[]): BackfillRange {
  const value = (name: string): number => {
    const index = argv.indexOf(`--${name}`);
    const text = index >= 0 ? argv[index + 1] : undefined;
    const ms = text ? Date.parse(text) : NaN;
    if (!text || !Number.isFinite(ms) || !OFFSET.test(text)) {
      throw new ConfigError(
        `--${name} must be an ISO 8601 time with an offset, e.g. --${name} 2026-01-01T00:00:00+09:00`
      );
    }
    return ms;
  };
  const range = { from: value('from'), to: value('to') };
  if (range.from >= range.to) {
    throw new ConfigError('--from must be before --to');
  }
  return range;
}

/** Runs the backfill on a private, loopback-only instance of the backend (no polling loop). */
export async function runBackfill(config: BackendConfig, range: BackfillRange): Promise<NcloudProgress> {
  if (!config.ncloud) {
    throw new ConfigError('set NCLOUD_ACCESS_KEY, NCLOUD_SECRET_KEY and NCLOUD_ACCOUNT to backfill from NAVER Cloud');
  }
  const backend = await startBackend(
    { ...config, host: '127.0.0.1', port: 0, metricsPort: undefined },
    { pollNcloud: false, logger: createLogger(config.logLevel ?? 'silent') }
  );
  try {
    await backend.ncloud!.backfill(range.from, range.to);
    await backend.services.flusher.flushed();
    return backend.ncloud!.progress();
  } finally {
    await backend.stop();
  }
}

if (require.main === module) {
  const logger = createLogger(process.env.LOG_LEVEL || 'info');
  Promise.resolve()
    .then(() => runBackfill(loadConfig(process.env), parseBackfillArgs(process.argv.slice(2))))
    .then(
      (progress) => {
        logger.info({ progress }, 'NAVER Cloud backfill done');
      },
      (error: Error) => {
        logger.fatal(
          error instanceof ConfigError ? {} : { err: error },
          `NAVER Cloud backfill failed: ${error.message}`
        );
        process.exitCode = 1;
      }
    );
}
