/**
 * Runs a panel's transformations with Grafana's own transformers, as the dashboard would.
 * Grafana registers them at start-up; a test has to do it itself, once.
 */
import { lastValueFrom } from 'rxjs';
import {
  standardTransformers,
  standardTransformersRegistry,
  transformDataFrame,
  type DataFrame,
  type DataTransformerConfig,
  type DataTransformerInfo,
  type TransformerRegistryItem,
} from '@grafana/data';

function registerStandardTransformers(): void {
  // standardTransformers is deprecated for plugins, but outside Grafana it is the only way to get them.
  // Some transformers are listed under two names; the registry refuses a duplicate id.
  const byId = new Map<string, DataTransformerInfo>(Object.values(standardTransformers).map((t) => [t.id, t]));
  standardTransformersRegistry.setInit(() =>
    [...byId.values()].map((transformer): TransformerRegistryItem => ({
      id: transformer.id,
      name: transformer.name,
      description: transformer.description,
      transformation: () => Promise.resolve(transformer),
      editor: () => null,
      imageDark: '',
      imageLight: '',
    }))
  );
}

let registered = false;

export function applyTransformations(
  transformations: DataTransformerConfig[],
  frames: DataFrame[]
): Promise<DataFrame[]> {
  if (!registered) {
    registerStandardTransformers();
    registered = true;
  }
  return lastValueFrom(transformDataFrame(transformations, frames));
}
