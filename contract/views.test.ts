import { computeRates, REQUEST_DATE_VIEW, SEND_DATE_VIEW, VIEWS, zeroCounts } from './views';
import { REQUEST_DATE_METRIC_LABELS } from '../tests/support/consoleNames';

test('rates are fractions with null where the denominator is 0', () => {
  const counts = {
    ...zeroCounts(),
    requestCount: 8,
    sentCount: 4,
    bouncedCount: 1,
    openedCount: 0,
    unsubscribeCount: 0,
  };
  expect(computeRates({ ...counts, complaintCount: 1, machineOpenedCount: 3 })).toEqual({
    deliveryRate: 0.5,
    openRate: 0,
    unsubscribeRate: null,
    bounceRate: 0.25,
    complaintRate: 0.25,
  });
  expect(computeRates(zeroCounts())).toEqual({
    deliveryRate: null,
    openRate: null,
    unsubscribeRate: null,
    bounceRate: null,
    complaintRate: null,
  });
});

test('the send-date view has neither requestCount, canceledCount nor deliveryRate', () => {
  expect(SEND_DATE_VIEW.metrics).toEqual([
    'sentCount',
    'deliveredCount',
    'bouncedCount',
    'openedCount',
    'machineOpenedCount',
    'unsubscribeCount',
    'complaintCount',
    'openRate',
    'unsubscribeRate',
    'bounceRate',
    'complaintRate',
  ]);
  expect(REQUEST_DATE_VIEW.columns.map((column) => column.label)).toEqual(['Time', ...REQUEST_DATE_METRIC_LABELS]);
});

test('every view is keyed by its own id and its path names it', () => {
  for (const [id, view] of Object.entries(VIEWS)) {
    expect(view.id).toBe(id);
    expect(view.path).toBe(`/stats/${id}`);
  }
});
