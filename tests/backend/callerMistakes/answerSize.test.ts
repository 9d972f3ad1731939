/**
 * Issue 12, defect 4: the domain view's series was unbounded (13 months of hours x top=200
 * gave a 131 MB body). Answers are capped at 300,000 cells (buckets x rows) with a 400 that
 * names the cap and how to narrow the query.
 */
import { startTestBackend, type TestBackend } from '../../support/backend';
import { getStats, postEvents } from '../../support/http';

let backend: TestBackend;

beforeAll(async () => {
  backend = await startTestBackend();
  const answer = await postEvents(backend.url, backend.keys.acme, [
    {
      id: 's1',
      type: 'result',
      domain: 'example.com',
      resultCode: 'MAIL_SENT',
      requestedAt: '2025-03-01T10:00:00Z',
      sentAt: '2025-03-01T10:01:00Z',
    },
  ]);
  expect(answer.status).toBe(202);
});

afterAll(() => backend.stop());

// 2025-01-01 to 2026-02-01 in UTC: 365 + 31 days = 9,504 hours
const THIRTEEN_MONTHS = { from: '2025-01-01', to: '2026-02-01', tz: 'UTC', interval: '1h' };

test('13 months of hours with top=200: 400 naming the cap and how to narrow the query', async () => {
  const answer = await getStats(backend.url, backend.keys.acme, '/stats/domains', { ...THIRTEEN_MONTHS, top: 200 });
  expect(answer.status).toBe(400);
  expect(answer.body).toEqual({
    error: {
      code: 'answer_too_large',
      message:
        'the answer would have 9504 buckets x 201 rows = 1910304 cells; at most 300000 are allowed: choose a longer interval, a shorter range or a smaller top',
    },
  });
});

test('the same range is answered in days, or in hours with a top that fits', async () => {
  const days = await getStats(backend.url, backend.keys.acme, '/stats/domains', {
    ...THIRTEEN_MONTHS,
    interval: '1d',
    top: 200,
  });
  expect(days.status).toBe(200);
  // one row (example.com), no "(other)": one series entry per day
  expect(days.body.series).toHaveLength(396);
  const hours = await getStats(backend.url, backend.keys.acme, '/stats/domains', { ...THIRTEEN_MONTHS, top: 30 });
  expect(hours.status).toBe(200); // 9,504 x 31 = 294,624 cells
  expect(hours.body.totals).toEqual({ count: 1 });
});

test('the result-code view is capped by the codes asked for', async () => {
  const answer = await getStats(backend.url, backend.keys.acme, '/stats/result-codes', {
    ...THIRTEEN_MONTHS,
    resultCode: ['MAIL_SENT', 'MAILBOX_ERROR'],
  });
  expect(answer.status).toBe(200);
  expect(answer.body.rows.map((row: { resultCode: string }) => row.resultCode)).toEqual(['MAIL_SENT']);
});
