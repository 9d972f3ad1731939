/**
 * The demo generator against the REAL backend and InfluxDB: every event it makes is
 * accepted, and the backend's views add up to exactly what the generator says it sent.
 */
import { runDemo } from '../../scripts/demo/runDemo';
import { demoLimits } from '../../scripts/demo/limits';
import type { DemoArgs } from '../../scripts/demo/args';
import { startTestBackend, type TestBackend } from '../support/backend';
import { getStats } from '../support/http';

// Thursday 2026-11-05 21:00 in Seoul: the last week holds the monthly promotion (requested
// on the 1st, sent on the 4th), a weekly newsletter (Tuesday for Thursday) and a gmail incident day.
const NOW = Date.parse('2026-11-05T12:00:00Z');
const FROM = '2026-10-27T15:00:00Z'; // local midnight (Seoul) 8 days before NOW's day
const TO = new Date(NOW + 1).toISOString();

describe('demo data on the real backend', () => {
  let backend: TestBackend;
  let args: DemoArgs;
  beforeAll(async () => {
    backend = await startTestBackend({ defaultTz: 'Asia/Seoul' });
    args = {
      days: 8,
      rate: 400,
      url: backend.url,
      key: backend.keys.acme,
      adminKey: backend.keys.admin,
      account: 'acme',
      seed: 'deploy-test',
      follow: false,
      tickSeconds: 10,
      batchSize: 500,
    };
  });
  afterAll(() => backend.stop());

  it('is accepted whole and every view totals what the generator sent', async () => {
    const logs: string[] = [];
    const sent = await runDemo(args, { now: () => NOW, log: (line) => logs.push(line) });
    expect(sent.events).toBeGreaterThan(3000);
    expect(sent.canceledCount).toBeGreaterThan(0);
    expect(sent.unsubscribeCount).toBeGreaterThan(0);
    expect(logs[logs.length - 1]).toBe(`backfilled 8 days + today: ${JSON.stringify(sent)}`);

    const range = { from: FROM, to: TO, tz: 'Asia/Seoul', interval: '1d' };
    const requestDate = await getStats(backend.url, backend.keys.acme, '/stats/request-date', range);
    expect(requestDate.status).toBe(200);
    expect(requestDate.body.rows).toHaveLength(9);
    expect(requestDate.body.totals).toMatchObject({
      requestCount: sent.requestCount,
      sentCount: sent.sentCount,
      deliveredCount: sent.deliveredCount,
      bouncedCount: sent.bouncedCount,
      openedCount: sent.openedCount,
      unsubscribeCount: sent.unsubscribeCount,
      canceledCount: sent.canceledCount,
    });

    const sendDate = await getStats(backend.url, backend.keys.acme, '/stats/send-date', range);
    expect(sendDate.body.totals).toMatchObject({
      sentCount: sent.sentCount,
      deliveredCount: sent.deliveredCount,
      bouncedCount: sent.bouncedCount,
      openedCount: sent.openedCount,
      unsubscribeCount: sent.unsubscribeCount,
    });

    for (const path of ['/stats/domains', '/stats/result-codes']) {
      const distribution = await getStats(backend.url, backend.keys.acme, path, range);
      expect(distribution.body.totals.count).toBe(sent.resultCount);
    }

    const limit = await getStats(backend.url, backend.keys.acme, '/stats/sending-limit', {
      tz: 'Asia/Seoul',
      month: '2026-11',
      months: 2,
    });
    const expectedLimits = demoLimits({ seed: args.seed, rate: args.rate }, NOW);
    expect(limit.body.limit).toEqual({
      monthly: expectedLimits.monthly,
      daily: expectedLimits.daily,
      changeRequestUrl: expectedLimits.changeRequestUrl,
    });
    const used = limit.body.months.reduce((sum: number, month: { used: number }) => sum + month.used, 0);
    expect(used).toBe(sent.requestCount - sent.canceledCount);
  });

  it('changes nothing when the same backfill runs again (same ids)', async () => {
    const range = { from: FROM, to: TO, tz: 'Asia/Seoul' };
    const before = await getStats(backend.url, backend.keys.acme, '/stats/request-date', range);
    await runDemo({ ...args, adminKey: undefined }, { now: () => NOW });
    const after = await getStats(backend.url, backend.keys.acme, '/stats/request-date', range);
    expect(after.body.totals).toEqual(before.body.totals);
  });
});
