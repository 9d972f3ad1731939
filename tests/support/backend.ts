/**
 * A real backend on the run's real InfluxDB (started by globalSetup), with its own
 * database and DATA_DIR, listening on a free loopback port.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseApiKeys, type BackendConfig } from '../../backend/config';
import { startBackend, type RunningBackend, type StartOptions } from '../../backend/server';

export const TEST_KEYS = {
  acme: 'acmeKey0123456789abcdef',
  beta: 'betaKey0123456789abcdef',
  admin: 'adminKey0123456789abcdef',
  readOnly: 'acmeReadOnly0123456789',
  ingestOnly: 'acmeIngestOnly0123456789',
} as const;

export const TEST_API_KEYS = [
  `acme:ingest+read:${TEST_KEYS.acme}`,
  `beta:ingest+read:${TEST_KEYS.beta}`,
  `ops:admin:${TEST_KEYS.admin}`,
  `acme:read:${TEST_KEYS.readOnly}`,
  `acme:ingest:${TEST_KEYS.ingestOnly}`,
].join(',');

let databases = 0;

export interface TestBackend extends RunningBackend {
  keys: typeof TEST_KEYS;
  config: BackendConfig;
}

export function testConfig(overrides: Partial<BackendConfig> = {}): BackendConfig {
  const influxUrl = process.env.INFLUX_URL;
  if (!influxUrl) {
    throw new Error('INFLUX_URL is not set: run this test in the jest backend or integration project');
  }
  databases++;
  return {
    port: 0,
    host: '127.0.0.1',
    influxUrl,
    influxDatabase: `test_${process.pid}_${Date.now().toString(36)}_${databases}`,
    apiKeys: parseApiKeys(TEST_API_KEYS),
    dataDir: mkdtempSync(join(tmpdir(), 'mda-data-')),
    defaultTz: 'UTC',
    limitChangeRequestUrl: 'https://support.example.com/sending-limit',
    maxBodyBytes: 32 * 1024 * 1024,
    maxOutbox: 2_000_000,
    ...overrides,
  };
}

export async function startTestBackend(
  overrides: Partial<BackendConfig> = {},
  options: StartOptions = {}
): Promise<TestBackend> {
  const config = testConfig(overrides);
  const backend = await startBackend(config, { log: () => undefined, ...options });
  return {
    ...backend,
    keys: TEST_KEYS,
    config,
    async stop() {
      await backend.stop();
      rmSync(config.dataDir, { recursive: true, force: true });
    },
  };
}
