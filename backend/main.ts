/** `npm run backend`: configuration from the environment, stops cleanly on SIGINT/SIGTERM. */
import { ConfigError, loadConfig } from './config';
import { startBackend } from './server';

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const backend = await startBackend(config);
  console.log(`mail delivery analytics backend listening on ${backend.url} (InfluxDB ${config.influxUrl}, database ${config.influxDatabase})`);
  const stop = () => {
    backend.stop().then(
      () => process.exit(0),
      () => process.exit(1)
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: Error) => {
  console.error(error instanceof ConfigError ? `configuration error: ${error.message}` : `cannot start: ${error.message}`);
  process.exit(1);
});
