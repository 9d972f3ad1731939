/** Makes the NAVER Cloud collector of a configuration: its checkpoint in DATA_DIR, its client, its poller. */
import type { NcloudConfig } from '../../config';
import { CheckpointStore } from './checkpointStore';
import { NcloudCollector, type IngestPort } from './collector';

export type { NcloudProgress } from './collector';

export interface NcloudDependencies {
  dataDir: string;
  ingest: IngestPort;
  now?: () => number;
  log?: (error: Error) => void;
  onApiCall?: (status: number) => void;
}

/** The collector and its checkpoint; stop() ends polling and closes the checkpoint. */
export interface RunningCollector {
  collector: NcloudCollector;
  stop(): Promise<void>;
}

export function createNcloudCollector(config: NcloudConfig, dependencies: NcloudDependencies): RunningCollector {
  const now = dependencies.now ?? Date.now;
  const checkpoint = new CheckpointStore(dependencies.dataDir);
  const collector = new NcloudCollector({
    baseUrl: config.apiUrl,
    accessKey: config.accessKey,
    secretKey: config.secretKey,
    account: config.account,
    pollIntervalMs: config.pollIntervalMs,
    startAt: config.startAt ?? now() - 24 * 60 * 60 * 1000,
    checkpoint,
    ingest: dependencies.ingest,
    now,
    log: dependencies.log,
    onApiCall: dependencies.onApiCall,
  });
  return {
    collector,
    async stop() {
      await collector.stop();
      checkpoint.close();
    },
  };
}
