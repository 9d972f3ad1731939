/** Assembles storage, domain and HTTP, and starts listening. */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BackendConfig } from './config';
import { IngestService } from './domain/ingest';
import { LimitsService } from './domain/limits';
import { StatsService } from './domain/statsService';
import { createApp } from './entry-points/app';
import type { Services } from './entry-points/services';
import { CounterStore } from './storage/counterStore';
import { InfluxClient } from './storage/influxClient';
import { OutboxFlusher } from './storage/outboxFlusher';

export interface RunningBackend {
  url: string;
  services: Services;
  stop(): Promise<void>;
}

export interface StartOptions {
  log?: (error: Error) => void;
  now?: () => number;
}

export async function startBackend(config: BackendConfig, options: StartOptions = {}): Promise<RunningBackend> {
  const log = options.log ?? ((error: Error) => console.error(error));
  const influx = new InfluxClient({
    url: config.influxUrl,
    database: config.influxDatabase,
    username: config.influxUsername,
    password: config.influxPassword,
    token: config.influxToken,
  });
  const store = new CounterStore(config.dataDir, config.writerId);
  try {
    // A database made just now holds nothing: send it every counter this instance has.
    if ((await influx.ensureDatabase()) === 'created') {
      store.resendAll();
    }
  } catch (error) {
    store.close();
    throw error;
  }
  const flusher = new OutboxFlusher(store, influx);
  const limits = new LimitsService(store, influx, config.limitChangeRequestUrl);
  const now = options.now ?? Date.now;
  await limits.publishAll(now()).catch(log);
  const services: Services = {
    config,
    store,
    influx,
    flusher,
    ingest: new IngestService(store, flusher, config.maxOutbox),
    stats: new StatsService(influx, flusher, store),
    limits,
    now,
  };
  flusher.kick(); // replay what an earlier run left in the outbox
  const app = createApp(services, log);
  const server: Server = await new Promise((resolve, reject) => {
    const listening = app.listen(config.port, config.host, () => resolve(listening));
    listening.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  const host = config.host === '0.0.0.0' ? '127.0.0.1' : config.host;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    services,
    async stop() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await flusher.stop();
      store.close();
    },
  };
}
