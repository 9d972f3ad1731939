/**
 * What a panel shows for a backend answer: its targets' frames built by the data source's own
 * code, then the panel's transformations run by Grafana's own transformers.
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
import type { StatsResponse } from '../../backend/domain/apiTypes';
import { VIEWS, type ViewId } from '../../backend/domain/views';
import { queryFrame } from '../../src/datasource/frames/queryFrames';
import type { MailQuery } from '../../src/datasource/types';
import type { Json } from './dashboardRules';

// Grafana registers its transformers at start-up; a test has to do it itself, once.
// standardTransformers is deprecated for plugins, but outside Grafana it is the only way to get them.
let registered = false;
function registerStandardTransformers(): void {
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
  registered = true;
}

export interface PanelData {
  /** The frames the data source returns for the panel's targets. */
  queried: DataFrame[];
  /** The frames after the panel's transformations. */
  shown: DataFrame[];
}

export async function panelData(panel: Json, responses: Readonly<Record<ViewId, StatsResponse>>): Promise<PanelData> {
  if (!registered) {
    registerStandardTransformers();
  }
  const queried = ((panel.targets ?? []) as MailQuery[]).map((target) =>
    queryFrame(target, VIEWS[target.view], responses[target.view])
  );
  const transformations = (panel.transformations ?? []) as DataTransformerConfig[];
  return { queried, shown: await lastValueFrom(transformDataFrame(transformations, queried)) };
}
