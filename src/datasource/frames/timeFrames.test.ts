import { FieldType } from '@grafana/data';
import type { TimeViewResponse } from '../../../contract/apiTypes';
import { REQUEST_DATE_VIEW, SEND_DATE_VIEW } from '../../../contract/views';
import { chosenMetrics, timeTotalsFrame, timeViewFrame } from './timeFrames';
import { REQUEST_DATE_METRIC_LABELS } from '../../../tests/support/consoleNames';

const response: TimeViewResponse = {
  view: 'request-date',
  from: '2026-03-28T00:00:00+01:00',
  to: '2026-03-30T00:00:00+02:00',
  tz: 'Europe/Berlin',
  interval: '1d',
  rows: [
    {
      time: '2026-03-28T00:00:00+01:00',
      requestCount: 4,
      sentCount: 3,
      deliveredCount: 2,
      bouncedCount: 1,
      openedCount: 1,
      unsubscribeCount: 0,
      canceledCount: 1,
      deliveryRate: 0.75,
      openRate: 1 / 3,
      unsubscribeRate: 0,
      bounceRate: 1 / 3,
    },
    {
      time: '2026-03-29T00:00:00+01:00',
      requestCount: 0,
      sentCount: 0,
      deliveredCount: 0,
      bouncedCount: 0,
      openedCount: 0,
      unsubscribeCount: 0,
      canceledCount: 0,
      deliveryRate: null,
      openRate: null,
      unsubscribeRate: null,
      bounceRate: null,
    },
  ],
  totals: {},
};

describe('timeTotalsFrame', () => {
  // The backend's totals of the two rows above: its rates are of the summed counts (3/4, 1/3, 0/1, 1/3).
  const withTotals: TimeViewResponse = {
    ...response,
    totals: { requestCount: 4, sentCount: 3, openedCount: 1, deliveryRate: 0.75, openRate: 1 / 3, unsubscribeRate: 0 },
  };

  it('is one row of the backend totals for the chosen metrics, with console labels and units, and no time', () => {
    const frame = timeTotalsFrame(withTotals, REQUEST_DATE_VIEW, ['deliveryRate', 'sentCount'], 'B');
    expect(frame.refId).toBe('B');
    expect(frame.length).toBe(1);
    expect(frame.fields).toEqual([
      {
        name: 'deliveryRate',
        type: FieldType.number,
        values: [0.75],
        config: { displayName: 'Delivery rate', unit: 'percentunit' },
      },
      { name: 'sentCount', type: FieldType.number, values: [3], config: { displayName: 'Sent count', unit: 'short' } },
    ]);
  });

  it('gives null where the backend has no total (a rate over zero)', () => {
    const frame = timeTotalsFrame(withTotals, REQUEST_DATE_VIEW, ['bounceRate'], 'A');
    expect(frame.fields[0].values).toEqual([null]);
  });
});

describe('timeViewFrame', () => {
  it('has the time and one field per chosen metric, in the chosen order, with console labels and units', () => {
    const frame = timeViewFrame(response, REQUEST_DATE_VIEW, ['openRate', 'sentCount'], 'A');
    expect(frame.refId).toBe('A');
    expect(frame.name).toBe('By request date');
    expect(frame.length).toBe(2);
    expect(frame.fields).toEqual([
      {
        name: 'time',
        type: FieldType.time,
        values: [Date.parse('2026-03-27T23:00:00Z'), Date.parse('2026-03-28T23:00:00Z')],
        config: {},
      },
      {
        name: 'openRate',
        type: FieldType.number,
        values: [1 / 3, null],
        config: { displayName: 'Open rate', unit: 'percentunit' },
      },
      {
        name: 'sentCount',
        type: FieldType.number,
        values: [3, 0],
        config: { displayName: 'Sent count', unit: 'short' },
      },
    ]);
  });

  it('shows every metric of the view when none is chosen', () => {
    const frame = timeViewFrame(response, REQUEST_DATE_VIEW, [], 'A');
    expect(frame.fields.map((field) => field.config.displayName)).toEqual([undefined, ...REQUEST_DATE_METRIC_LABELS]);
    expect(frame.fields[10].values).toEqual([0.75, null]);
  });
});

describe('chosenMetrics', () => {
  it('drops metrics the view does not have (kept from another view) and falls back to all', () => {
    expect(chosenMetrics(SEND_DATE_VIEW, ['requestCount', 'openedCount'])).toEqual(['openedCount']);
    expect(chosenMetrics(SEND_DATE_VIEW, ['requestCount'])).toEqual(SEND_DATE_VIEW.metrics);
    expect(chosenMetrics(SEND_DATE_VIEW, undefined)).toEqual([
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
  });
});
