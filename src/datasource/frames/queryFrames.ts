import type { DataFrame } from '@grafana/data';
import type { SendingLimitResponse, StatsResponse, TimeViewResponse } from '../../../contract/apiTypes';
import type { ViewDefinition } from '../../../contract/views';
import type { MailQuery } from '../types';
import { distributionSeriesFrame, distributionTableFrame, type DistributionResponse } from './distributionFrames';
import { limitDaysFrame, limitMonthsFrame } from './limitFrames';
import { timeTotalsFrame, timeViewFrame } from './timeFrames';

/** The frame a query's answer becomes, as the query's view and output choose. */
export function queryFrame(query: MailQuery, view: ViewDefinition, response: StatsResponse): DataFrame {
  return withPeriodNotice(viewFrame(query, view, response), response);
}

/** A panel notice when the answer is clamped to the account's subscription period. */
function withPeriodNotice(frame: DataFrame, response: StatsResponse): DataFrame {
  if (response.since === undefined) {
    return frame;
  }
  const text = `Statistics start at the account's subscription, ${response.since}${
    response.until === undefined ? '' : `, and end at its unsubscription, ${response.until}`
  }.`;
  return { ...frame, meta: { ...frame.meta, notices: [...(frame.meta?.notices ?? []), { severity: 'info', text }] } };
}

function viewFrame(query: MailQuery, view: ViewDefinition, response: StatsResponse): DataFrame {
  switch (view.shape) {
    case 'time':
      return query.timeOutput === 'totals'
        ? timeTotalsFrame(response as TimeViewResponse, view, query.metrics, query.refId)
        : timeViewFrame(response as TimeViewResponse, view, query.metrics, query.refId);
    case 'distribution':
      return query.output === 'series'
        ? distributionSeriesFrame(response as DistributionResponse, view, query.refId)
        : distributionTableFrame(response as DistributionResponse, view, query.refId);
    case 'limit':
      return query.limitOutput === 'months'
        ? limitMonthsFrame(response as SendingLimitResponse, query.refId)
        : limitDaysFrame(response as SendingLimitResponse, query.refId);
  }
}
