import { DOMAINS_VIEW, REQUEST_DATE_VIEW, RESULT_CODES_VIEW } from '../contract/views';
import { CountSums, totalsRow } from './totals';

const keys = (columns: ReadonlyArray<{ key: string; unit: string }>) =>
  columns.filter((column) => column.unit === 'count').map((column) => column.key);

describe('totalsRow', () => {
  const rows = [
    {
      time: '2026-03-01T00:00:00Z',
      requestCount: 10,
      sentCount: 8,
      deliveredCount: 6,
      bouncedCount: 2,
      openedCount: 4,
    },
    {
      time: '2026-03-02T00:00:00Z',
      requestCount: 90,
      sentCount: 2,
      deliveredCount: 2,
      bouncedCount: 0,
      openedCount: 0,
    },
  ];

  it('takes counts and rates from the totals object, null rates as empty cells', () => {
    const sums = new CountSums(keys(REQUEST_DATE_VIEW.columns));
    const totals = {
      requestCount: 100,
      sentCount: 10,
      deliveredCount: 8,
      bouncedCount: 2,
      openedCount: 4,
      machineOpenedCount: 3,
      unsubscribeCount: 0,
      complaintCount: 1,
      canceledCount: 0,
      deliveryRate: 0.1,
      openRate: 0.4,
      unsubscribeRate: 0,
      bounceRate: null,
      complaintRate: 0.1,
    };
    expect(totalsRow(REQUEST_DATE_VIEW.columns, totals, sums)).toEqual([
      'Total',
      100,
      10,
      8,
      2,
      4,
      3,
      0,
      1,
      0,
      0.1,
      0.4,
      0,
      null,
      0.1,
    ]);
  });

  it('without totals sums the counts and computes rates from the sums, never averaging rates', () => {
    const sums = new CountSums(keys(REQUEST_DATE_VIEW.columns));
    rows.forEach((row) => sums.add(row));
    // Averaging the days' open rates would give (0.5 + 0) / 2 = 0.25; the rate of the range is 4 / 10.
    expect(totalsRow(REQUEST_DATE_VIEW.columns, undefined, sums)).toEqual([
      'Total',
      100,
      10,
      8,
      2,
      4,
      0,
      0,
      0,
      0,
      0.1,
      0.4,
      0,
      0.2,
      0,
    ]);
  });

  it('leaves text columns other than the first empty', () => {
    const sums = new CountSums(keys(RESULT_CODES_VIEW.columns));
    expect(totalsRow(RESULT_CODES_VIEW.columns, { count: 7, share: 1 }, sums)).toEqual(['Total', null, 7, 1]);
  });

  it('leaves a share empty when neither totals nor a rate formula give it', () => {
    const sums = new CountSums(keys(DOMAINS_VIEW.columns));
    sums.add({ domain: 'example.com', count: 3, share: 1 });
    expect(totalsRow(DOMAINS_VIEW.columns, undefined, sums)).toEqual(['Total', 3, null]);
  });
});
