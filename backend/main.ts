/** `npm run backend`: configuration from the environment, JSON logs on stdout, stops cleanly on SIGINT/SIGTERM. */
import { ConfigError, loadConfig } from './config';
import { createLogger } from './observability/logger';
import { startBackend } from './server';

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const logger = createLogger(config.logLevel ?? 'info');
  const backend = await startBackend(config, { logger });
  logger.info(
    { influxUrl: config.influxUrl, database: config.influxDatabase, dataDir: config.dataDir },
    'mail delivery analytics backend started'
  );
  const stop = (signal: string) => {
    logger.info({ signal }, 'stopping');
    backend.stop().then(
      () => process.exit(0),
      (error: Error) => {
        logger.error({ err: error }, 'stopping failed');
        process.exit(1);
      }
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: Error) => {
  const message =
    error instanceof ConfigError ? `configuration error: ${error.message}` : `cannot start: ${error.message}`;
  createLogger('info').fatal({ err: error instanceof ConfigError ? undefined : error }, message);
  process.exit(1);
});
