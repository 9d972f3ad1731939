/** One entry point for every view, by its definition's shape. */
import type { StatsResponse } from '../contract/apiTypes';
import type { LimitsService } from './limits';
import { sendingLimitView } from './sendingLimit';
import type { StatsRequest } from './statsParams';
import type { QueryGateway } from './queryGateway';
import type { VisibleWindow } from './subscriptions';
import type { ViewDefinition } from '../contract/views';

export function computeView(
  stats: QueryGateway,
  limits: LimitsService,
  view: ViewDefinition,
  request: StatsRequest,
  now: number,
  signal?: AbortSignal,
  /** The subscription period shown (already applied to request's range). */
  window?: VisibleWindow
): Promise<StatsResponse> {
  switch (view.shape) {
    case 'time':
      return stats.timeView(view, request, signal);
    case 'distribution':
      return stats.distribution(view, request, signal);
    case 'limit':
      return sendingLimitView(stats, limits.get(request.account), request, now, signal, window);
  }
}
