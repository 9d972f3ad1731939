import { rmSync } from 'node:fs';

export default async function globalTeardown(): Promise<void> {
  const influxd = globalThis.testInfluxd;
  if (influxd) {
    globalThis.testInfluxd = undefined;
    await influxd.stop();
    rmSync(influxd.dir, { recursive: true, force: true });
  }
}
