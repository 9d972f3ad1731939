/**
 * What a panel shows for a backend answer: its targets' frames built by the data source's own
 * code, then the panel's transformations run by Grafana's own transformer operators.
 */
import { lastValueFrom, of } from 'rxjs';
import {
  standardTransformers,
  type DataFrame,
  type DataTransformContext,
  type DataTransformerConfig,
  type DataTransformerInfo,
} from '@grafana/data';
import type { StatsResponse } from '../../contract/apiTypes';
import { VIEWS, type ViewId } from '../../contract/views';
import { queryFrame } from '../../src/datasource/frames/queryFrames';
import type { MailQuery } from '../../src/datasource/types';
import type { Json } from './dashboardRules';

// Each transformer's own operator, applied as transformDataFrame does (defaults under the
// panel's options). Not through standardTransformersRegistry: its item type changed between
// @grafana/data 12.3 and 13, and the tests type-check against both.
const TRANSFORMERS = new Map<string, DataTransformerInfo>(Object.values(standardTransformers).map((t) => [t.id, t]));
const CONTEXT: DataTransformContext = { interpolate: (text) => text };

export interface PanelData {
  /** The frames the data source returns for the panel's targets. */
  queried: DataFrame[];
  /** The frames after the panel's transformations. */
  shown: DataFrame[];
}

export async function panelData(panel: Json, responses: Readonly<Record<ViewId, StatsResponse>>): Promise<PanelData> {
  const queried = ((panel.targets ?? []) as MailQuery[]).map((target) =>
    queryFrame(target, VIEWS[target.view], responses[target.view])
  );
  let shown = queried;
  for (const config of (panel.transformations ?? []) as DataTransformerConfig[]) {
    const transformer = TRANSFORMERS.get(config.id);
    if (!transformer) {
      throw new Error(`transformation "${config.id}" is not one of Grafana's`);
    }
    const options = { ...transformer.defaultOptions, ...config.options };
    shown = await lastValueFrom(of(shown).pipe(transformer.operator(options, CONTEXT)));
  }
  return { queried, shown };
}
