import type { DomainRow } from './apiTypes';
import {
  computeRates,
  DOMAINS_VIEW,
  REQUEST_DATE_VIEW,
  RESULT_CODES_VIEW,
  SEND_DATE_VIEW,
  VIEWS,
  zeroCounts,
  type ColumnDefinition,
  type ColumnsOf,
  type LimitColumnKey,
} from './views';
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

describe('columns name fields of their view rows (checked by tsc)', () => {
  test('a key that is not a field of the row type does not compile', () => {
    const columns: ColumnsOf<DomainRow> = [
      { key: 'domain', label: 'Domain', unit: 'text' },
      // @ts-expect-error DomainRow has no field "domains"
      { key: 'domains', label: 'Domain', unit: 'text' },
    ];
    // @ts-expect-error the limit columns show `monthly` and `daily` of the answer's limit only
    const limit: ColumnDefinition<LimitColumnKey> = { key: 'changeRequestUrl', label: 'URL', unit: 'text' };
    expect([...columns.map((column) => column.key), limit.key]).toEqual(['domain', 'domains', 'changeRequestUrl']);
  });

  test("each distribution view's columns are its row's fields, the dimension first", () => {
    const row: DomainRow = { domain: 'example.com', count: 1, share: 1 };
    expect(DOMAINS_VIEW.columns.map((column) => column.key)).toEqual(Object.keys(row));
    expect(RESULT_CODES_VIEW.columns[0].key).toBe(RESULT_CODES_VIEW.dimension);
  });
});
