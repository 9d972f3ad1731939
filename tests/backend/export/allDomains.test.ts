/**
 * `top=all`: an account with 50,000 recipient domains gets every one of them, through
 * the real HTTP API on a real InfluxDB, in a streamed workbook and in JSON.
 */
import { readWorkbook } from './exportServer';
import { startTestBackend, type TestBackend } from '../../support/backend';
import { getStats, postEvents } from '../../support/http';

const DOMAINS = 50_000;
const BATCH = 10_000;
const domainName = (n: number) => `d${n}.example`;
const countOf = (n: number) => 1 + (n % 7);
const RANGE = { from: '2026-03-01', to: '2026-03-03', tz: 'UTC' };

let backend: TestBackend;

beforeAll(async () => {
  backend = await startTestBackend();
  for (let first = 0; first < DOMAINS; first += BATCH) {
    const events = Array.from({ length: BATCH }, (_unused, index) => ({
      id: `res-${first + index}`,
      type: 'result',
      template: 'Newsletter',
      domain: domainName(first + index),
      requestedAt: '2026-03-02T10:00:00Z',
      sentAt: '2026-03-02T10:05:00Z',
      resultCode: 'MAIL_SENT',
      count: countOf(first + index),
    }));
    const answer = await postEvents(backend.url, backend.keys.acme, events);
    expect(answer).toMatchObject({ status: 202, body: { accepted: BATCH } });
  }
}, 600_000);

afterAll(() => backend.stop());

/** 503 means the 50,000 domains' counters are still on their way to InfluxDB: ask again until they are there. */
async function whenStored<T extends { status: number }>(ask: () => Promise<T>): Promise<T> {
  for (;;) {
    const answer = await ask();
    if (answer.status !== 503) {
      return answer;
    }
  }
}

/** Every domain by count descending, then by name, as the view orders them. */
function expectedRows(): Array<[string, number]> {
  return Array.from({ length: DOMAINS }, (_unused, n): [string, number] => [domainName(n), countOf(n)]).sort(
    (a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)
  );
}

test('the xlsx of top=all holds all 50,000 domains, no (other), and their total', async () => {
  const params = new URLSearchParams({ ...RANGE, top: 'all', format: 'xlsx' });
  const answer = await whenStored(() =>
    fetch(`${backend.url}/api/v1/stats/domains?${params}`, {
      headers: { Authorization: `Bearer ${backend.keys.acme}` },
    })
  );
  expect(answer.status).toBe(200);
  const workbook = await readWorkbook(Buffer.from(await answer.arrayBuffer()));
  const ws = workbook.getWorksheet('By domain')!;
  // Header block: Account, Range, Time zone, Template, Domain, Result code, Top domains, Generated at.
  expect([ws.getCell('A8').value, ws.getCell('B8').value]).toEqual(['Top domains', 'all']);
  expect(ws.getCell('A11').value).toBe('Domain');
  const expected = expectedRows();
  const total = expected.reduce((sum, [, count]) => sum + count, 0);
  const rows: Array<[string, number]> = [];
  for (let row = 12; row < 12 + DOMAINS; row++) {
    rows.push([ws.getCell(row, 1).value as string, ws.getCell(row, 2).value as number]);
  }
  expect(rows).toEqual(expected);
  expect(ws.getCell(12, 3).value).toBe(expected[0][1] / total);
  expect([ws.getCell(12 + DOMAINS + 1, 1).value, ws.getCell(12 + DOMAINS + 1, 2).value]).toEqual(['Total', total]);
  expect(ws.autoFilter).toBe(`A11:C${11 + DOMAINS}`);
}, 300_000);

test('JSON with top=all lists every domain too; a number above 1000 is refused naming both choices', async () => {
  const { status, body } = await whenStored(() =>
    getStats(backend.url, backend.keys.acme, '/stats/domains', { ...RANGE, top: 'all', interval: '1d' })
  );
  expect(status).toBe(200);
  expect(body.rows).toHaveLength(DOMAINS);
  expect(body.rows.some((row: { domain: string }) => row.domain === '(other)')).toBe(false);
  expect(body.series).toHaveLength(DOMAINS * 2);
  const refused = await getStats(backend.url, backend.keys.acme, '/stats/domains', { ...RANGE, top: '1001' });
  expect(refused).toMatchObject({
    status: 400,
    body: { error: { code: 'invalid_parameter', message: 'top must be a whole number from 1 to 1000 or all' } },
  });
}, 300_000);
