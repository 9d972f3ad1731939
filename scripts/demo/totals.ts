/** What the generator sent, in the backend's counts (domain.md, "Counts"). */
import { resultCodeDefinition } from '../../contract/resultCodes';
import { zeroCounts, type Counts } from '../../contract/views';
import type { DemoEvent } from './events';

export interface SentTotals extends Counts {
  /** Every result event, deferred attempts included: the total of the domains and result-codes views. */
  resultCount: number;
  /** Events (lines) sent; one event may count many recipient mails. */
  events: number;
}

export function zeroTotals(): SentTotals {
  return { ...zeroCounts(), resultCount: 0, events: 0 };
}

export function addToTotals(totals: SentTotals, events: readonly DemoEvent[]): SentTotals {
  for (const event of events) {
    totals.events++;
    switch (event.type) {
      case 'requested':
        totals.requestCount += event.count;
        break;
      case 'canceled':
        totals.canceledCount += event.count;
        break;
      case 'opened':
        totals.openedCount += event.count;
        break;
      case 'unsubscribed':
        totals.unsubscribeCount += event.count;
        break;
      case 'result': {
        const definition = resultCodeDefinition(event.resultCode ?? '');
        totals.resultCount += event.count;
        totals.sentCount += definition?.countsAsSent ? event.count : 0;
        totals.deliveredCount += definition?.resultClass === 'delivered' ? event.count : 0;
        totals.bouncedCount += definition?.resultClass === 'bounced' ? event.count : 0;
        break;
      }
    }
  }
  return totals;
}
