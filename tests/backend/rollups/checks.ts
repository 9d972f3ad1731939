/** Checks a backend's views against the numbers expected.ts computes from the events it was sent. */
import { TEST_KEYS } from '../../support/backend';
import { getStats } from '../../support/http';
import {
  expectedDistribution,
  expectedTimeView,
  REQUEST_COUNTS,
  SEND_COUNTS,
  type Filters,
  type Range,
  type SentEvent,
} from './expected';

const params = (range: Range, extra: Record<string, string | number> = {}) => ({
  tz: range.tz,
  from: range.from,
  to: range.to,
  interval: range.interval,
  ...extra,
});

/** @param url the backend's base URL, read when a check runs; acme's key reads */
export function viewChecks(url: () => string, events: readonly SentEvent[]) {
  async function view(path: string, query: Record<string, string | number>) {
    const { status, body } = await getStats(url(), TEST_KEYS.acme, path, query);
    expect(status).toBe(200);
    return body;
  }

  async function checkTimeView(range: Range, axis: 'request' | 'send', filters: Filters = {}) {
    const names = axis === 'request' ? REQUEST_COUNTS : SEND_COUNTS;
    const body = await view(`/stats/${axis}-date`, params(range, { ...filters }));
    const expected = expectedTimeView(events, range, axis, filters);
    const rows = body.rows.map((row: Record<string, number | string>) => [
      Date.parse(row.time as string),
      ...names.map((name) => row[name]),
    ]);
    expect(rows).toEqual(expected.rows);
    expect(Object.fromEntries(names.map((name) => [name, body.totals[name]]))).toEqual(expected.totals);
  }

  async function checkDistribution(range: Range, dimension: 'domain' | 'code', top: number, filters: Filters = {}) {
    const path = dimension === 'domain' ? '/stats/domains' : '/stats/result-codes';
    const body = await view(path, params(range, { top: Number.isFinite(top) ? top : 'all', ...filters }));
    const name = dimension === 'domain' ? 'domain' : 'resultCode';
    const expected = expectedDistribution(events, range, dimension, dimension === 'domain' ? top : Infinity, filters);
    expect(body.rows.map((row: Record<string, string | number>) => [row[name], row.count])).toEqual(expected.rows);
    expect(
      body.series.map((cell: Record<string, string | number>) => [
        Date.parse(cell.time as string),
        cell[name],
        cell.count,
      ])
    ).toEqual(expected.series);
    expect(body.totals.count).toBe(expected.total);
  }

  /** Every unfiltered view over the range. */
  async function checkAll(range: Range) {
    await checkTimeView(range, 'request');
    await checkTimeView(range, 'send');
    await checkDistribution(range, 'domain', 3);
    await checkDistribution(range, 'code', 10);
  }

  return { view, checkTimeView, checkDistribution, checkAll };
}
