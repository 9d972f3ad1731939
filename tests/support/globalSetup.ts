/**
 * Starts one real InfluxDB for the whole jest run; test files isolate themselves by
 * database name. An InfluxDB named by TEST_INFLUX_URL is used instead when set.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startInfluxd, type RunningInfluxd } from '../../scripts/lib/influxd';

declare global {
  var testInfluxd: RunningInfluxd | undefined;
}

export default async function globalSetup(): Promise<void> {
  if (process.env.TEST_INFLUX_URL) {
    process.env.INFLUX_URL = process.env.TEST_INFLUX_URL;
    return;
  }
  if (globalThis.testInfluxd) {
    return; // another jest project of this run started it already
  }
  const influxd = await startInfluxd(mkdtempSync(join(tmpdir(), 'mda-influxd-')));
  globalThis.testInfluxd = influxd;
  process.env.INFLUX_URL = influxd.url;
}
