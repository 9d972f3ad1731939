/**
 * Webhook sources: those configured through the API (durable in DATA_DIR) and those from
 * WEBHOOK_SOURCES, which the API shows but cannot change.
 */
import { ApiError } from '../../domain/errors';
import type { SourceStore } from '../../storage/sourceStore';
import { parseSource, publicView } from './sourceConfig';
import type { WebhookSource } from './types';

export class SourceRegistry {
  private readonly fromEnvironment: ReadonlyMap<string, WebhookSource>;

  constructor(
    readonly store: SourceStore,
    environmentSources: readonly WebhookSource[] = []
  ) {
    this.fromEnvironment = new Map(environmentSources.map((source) => [source.id, source]));
  }

  get(id: string): WebhookSource | undefined {
    const fixed = this.fromEnvironment.get(id);
    if (fixed) {
      return fixed;
    }
    const stored = this.store.get(id);
    return stored ? parseSource(stored.id, JSON.parse(stored.config)) : undefined;
  }

  list() {
    const stored = this.store
      .list()
      .filter((entry) => !this.fromEnvironment.has(entry.id))
      .map((entry) => publicView(parseSource(entry.id, JSON.parse(entry.config)), 'api'));
    const fixed = [...this.fromEnvironment.values()].map((source) => publicView(source, 'environment'));
    return [...fixed, ...stored].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  /** Creates or replaces; true when it created. */
  put(id: string, body: unknown): { source: WebhookSource; created: boolean } {
    this.refuseEnvironment(id);
    const source = parseSource(id, body);
    const created = this.store.get(id) === undefined;
    const { id: _id, ...config } = source;
    this.store.put(id, JSON.stringify(config));
    return { source, created };
  }

  delete(id: string): boolean {
    this.refuseEnvironment(id);
    return this.store.delete(id);
  }

  private refuseEnvironment(id: string): void {
    if (this.fromEnvironment.has(id)) {
      throw new ApiError(409, 'source_from_environment', `source ${id} is set in WEBHOOK_SOURCES; change it there`);
    }
  }
}
