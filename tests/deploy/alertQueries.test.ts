/**
 * The alert rules' InfluxQL on the run's real InfluxDB: accepted on an empty database,
 * and right on known counters (sums over writers, per account, inside the time range).
 */
import { alertRules, type AlertQuery } from './repoFiles';
import type { Axis } from '../../backend/storage/counterStore';
import { counterLine } from '../../backend/storage/outboxFlusher';
import { limitsLine } from '../../backend/domain/limits';

const influxUrl = () => {
  if (!process.env.INFLUX_URL) {
    throw new Error('INFLUX_URL is not set: run in the jest backend project');
  }
  return process.env.INFLUX_URL;
};
const database = `alerts_${process.pid}_${Date.now().toString(36)}`;
const NOW = Date.now();
const HOUR = 3_600_000;

/** What Grafana puts for $timeFilter: the query's relative range as epoch milliseconds. */
function grafanaQuery(item: AlertQuery): string {
  const { from, to } = item.relativeTimeRange!;
  return item.model.query!.replace('$timeFilter', `time >= ${NOW - from * 1000}ms and time <= ${NOW - to * 1000}ms`);
}

async function influx(path: string, params: Record<string, string>, body?: string): Promise<any> {
  const answer = await fetch(`${influxUrl()}${path}?${new URLSearchParams({ db: database, ...params })}`, {
    method: 'POST',
    body,
  });
  const text = await answer.text();
  if (answer.status >= 300) {
    throw new Error(`${path} ${answer.status}: ${text}`);
  }
  return text ? JSON.parse(text) : undefined;
}

/** Runs one query; returns account -> value, or throws InfluxDB's error. */
async function run(query: string): Promise<Record<string, number>> {
  const answer = await influx('/query', { q: query, epoch: 'ms' });
  const result = answer.results[0];
  if (result.error) {
    throw new Error(`${result.error}\n${query}`);
  }
  return Object.fromEntries((result.series ?? []).map((series: any) => [series.tags.account, series.values[0][1]]));
}

const queries = alertRules().flatMap((rule) =>
  rule.data.filter((item) => item.model.query).map((item) => ({ name: `${rule.uid} ${item.refId}`, item }))
);
const valueOf = (refId: string) => run(grafanaQuery(queries.find((query) => query.item.refId === refId)!.item));

function counter(
  account: string,
  axis: string,
  kind: string,
  code: string,
  n: number,
  agoMs: number,
  writer = 'w1'
): string {
  // the backend's own line for the rollup the rules read, at a 15-minute bucket start
  const bucket = Math.floor((NOW - agoMs) / 900_000) * 900_000;
  const key = {
    measurement: 'mail_totals' as const,
    account,
    axis: axis as Axis,
    kind,
    code,
    template: '',
    domain: '',
    bucket,
  };
  return counterLine({ ...key, n }, writer);
}

describe('alert queries on the real InfluxDB', () => {
  beforeAll(() => influx('/query', { q: `CREATE DATABASE "${database}"` }));
  afterAll(() => influx('/query', { q: `DROP DATABASE "${database}"` }));

  it('are all accepted on an empty database', async () => {
    expect(queries.length).toBeGreaterThanOrEqual(8);
    for (const { name, item } of queries) {
      await expect(run(grafanaQuery(item)).then((values) => [name, values])).resolves.toEqual([name, {}]);
    }
  });

  describe('on known counters', () => {
    beforeAll(() =>
      influx(
        '/write',
        { precision: 's' },
        [
          // account acme, last 24 h: 90 + 5 delivered (two writers), 10 bounced, 5 deferred, 10 failed, 2 blocked
          counter('acme', 'send', 'result', 'MAIL_SENT', 60, 2 * HOUR),
          counter('acme', 'send', 'result', 'MAIL_SENT', 30, 2 * HOUR, 'w2'),
          counter('acme', 'send', 'result', 'TEST_MAIL_SEND', 5, 3 * HOUR),
          counter('acme', 'send', 'result', 'MAILBOX_ERROR', 6, 2 * HOUR),
          counter('acme', 'send', 'result', 'RESEND_MAIL_FAIL', 4, 5 * HOUR),
          counter('acme', 'send', 'result', 'CONNECTION_ABNORMAL', 5, 2 * HOUR),
          counter('acme', 'send', 'result', 'NONEXISTENT_DOMAIN_ADDRESS', 10, 2 * HOUR),
          counter('acme', 'send', 'result', 'SEND_BLOCK_ADDRESS', 2, 2 * HOUR),
          // same codes on the request axis must not count in send-axis rules
          counter('acme', 'request', 'result', 'MAILBOX_ERROR', 999, 2 * HOUR),
          // acme, 3 days ago (in the 7-day baseline only): 200 delivered, 20 failed
          counter('acme', 'send', 'result', 'MAIL_SENT', 200, 72 * HOUR),
          counter('acme', 'send', 'result', 'UNKNOWN_CAUSE_FAIL', 20, 72 * HOUR),
          // acme complaints: 3 in the last 24 h over two writers, 1 on the request axis, 7 a week ago
          counter('acme', 'send', 'complained', '-', 2, 2 * HOUR),
          counter('acme', 'send', 'complained', '-', 1, 4 * HOUR, 'w2'),
          counter('acme', 'request', 'complained', '-', 1, 2 * HOUR),
          counter('acme', 'send', 'complained', '-', 7, 72 * HOUR),
          // account beta, last 24 h: everything failed; nothing was sent
          counter('beta', 'send', 'result', 'NONEXISTENT_DOMAIN_ADDRESS', 50, HOUR),
          // usage: acme requested 1000 + 500 (10 and 20 days ago), canceled 100; 700 requested 40 days ago is out
          counter('acme', 'request', 'requested', '-', 1000, 240 * HOUR),
          counter('acme', 'request', 'requested', '-', 500, 480 * HOUR, 'w2'),
          counter('acme', 'request', 'canceled', '-', 100, 240 * HOUR),
          counter('acme', 'request', 'requested', '-', 700, 960 * HOUR),
          counter('beta', 'request', 'requested', '-', 30, HOUR),
          // limits: written long ago, and changed later for acme
          limitsLine('acme', { monthly: 2000, daily: 100, changeRequestUrl: null }, NOW - 90 * 24 * HOUR)!,
          limitsLine('acme', { monthly: 1500, daily: 100, changeRequestUrl: null }, NOW - 60 * 24 * HOUR)!,
        ].join('\n')
      )
    );

    it('sums bounced and sent mails of the last 24 h per account, over all writers', async () => {
      expect(await valueOf('BOUNCED')).toEqual({ acme: 10 });
      expect(await valueOf('SENT')).toEqual({ acme: 105 });
    });

    it('sums complaints of the last 24 h on the send date per account, over all writers', async () => {
      expect(await valueOf('COMPLAINED')).toEqual({ acme: 3 });
    });

    it('gives the sent and final counts of both windows, with 0 sent for an account whose mails all failed', async () => {
      expect(await valueOf('SENT_24H')).toEqual({ acme: 105, beta: 0 });
      expect(await valueOf('FINAL_24H')).toEqual({ acme: 117, beta: 50 });
      expect(await valueOf('SENT_7D')).toEqual({ acme: 200 });
      expect(await valueOf('FINAL_7D')).toEqual({ acme: 220 });
    });

    it('computes usage as requested minus canceled over 31 days, and reads the latest monthly limit', async () => {
      expect(await valueOf('USED')).toEqual({ acme: 1400, beta: 30 });
      expect(await valueOf('LIMIT')).toEqual({ acme: 1500 });
    });
  });
});
