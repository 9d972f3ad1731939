/** Account isolation on every endpoint, export included: no key ever sees another account's numbers. */
import type * as ExcelJS from 'exceljs';
import { startTestBackend, TEST_KEYS, type TestBackend } from '../../support/backend';
import { call, postEvents } from '../../support/http';
import { readWorkbook } from '../export/exportServer';

const NOW = Date.parse('2026-04-15T12:00:00Z');
const ACME_MARKS = ['AcmeOnlyTemplate', 'acme-only.example', 'MAILBOX_ERROR'];

const READS = [
  '/api/v1/stats/request-date',
  '/api/v1/stats/send-date',
  '/api/v1/stats/domains',
  '/api/v1/stats/result-codes',
  '/api/v1/stats/sending-limit',
  '/api/v1/values/templates',
  '/api/v1/values/domains',
  '/api/v1/values/result-codes',
  '/api/v1/limits',
];
const WORKBOOKS = [
  ...READS.filter((path) => path.includes('/stats/')).map((path) => `${path}?format=xlsx`),
  '/api/v1/export?views=request-date,send-date,domains,result-codes,sending-limit',
];

let backend: TestBackend;

beforeAll(async () => {
  backend = await startTestBackend({}, { now: () => NOW });
  const at = { requestedAt: '2026-04-10T09:00:00Z', sentAt: '2026-04-10T09:05:00Z' };
  expect(
    (
      await postEvents(backend.url, TEST_KEYS.acme, [
        { id: 'a1', type: 'requested', template: 'AcmeOnlyTemplate', domain: 'acme-only.example', count: 7, ...at },
        {
          id: 'a2',
          type: 'result',
          resultCode: 'MAILBOX_ERROR',
          template: 'AcmeOnlyTemplate',
          domain: 'acme-only.example',
          count: 5,
          ...at,
        },
      ])
    ).status
  ).toBe(202);
  expect(
    (
      await postEvents(backend.url, TEST_KEYS.beta, [
        { id: 'a1', type: 'requested', template: 'BetaTemplate', domain: 'beta.example', count: 3, ...at },
        {
          id: 'b2',
          type: 'result',
          resultCode: 'MAIL_SENT',
          template: 'BetaTemplate',
          domain: 'beta.example',
          count: 2,
          ...at,
        },
      ])
    ).status
  ).toBe(202);
  const limits = await call(`${backend.url}/api/v1/limits?account=acme`, TEST_KEYS.admin, {
    method: 'PUT',
    body: { monthly: 999_999, daily: 55_555, changeRequestUrl: null },
  });
  expect(limits.status).toBe(200);
});

afterAll(() => backend.stop());

const withAccount = (path: string, account: string) => `${path}${path.includes('?') ? '&' : '?'}account=${account}`;

function cellTexts(workbook: ExcelJS.Workbook): string[] {
  const texts: string[] = [];
  workbook.eachSheet((sheet) =>
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        texts.push(cell.value instanceof Date ? cell.value.toISOString() : JSON.stringify(cell.value));
      })
    )
  );
  return texts;
}

async function workbookCells(path: string, key: string): Promise<string[]> {
  const answer = await fetch(`${backend.url}${path}`, { headers: { Authorization: `Bearer ${key}` } });
  expect(answer.status).toBe(200);
  return cellTexts(await readWorkbook(Buffer.from(await answer.arrayBuffer())));
}

test('the accounts hold different numbers (so the comparisons below can tell them apart)', async () => {
  const acme = await call(`${backend.url}/api/v1/stats/request-date`, TEST_KEYS.acme);
  const beta = await call(`${backend.url}/api/v1/stats/request-date`, TEST_KEYS.beta);
  expect(acme.body.totals).toMatchObject({ requestCount: 7, sentCount: 5, bouncedCount: 5 });
  expect(beta.body.totals).toMatchObject({ requestCount: 3, sentCount: 2, deliveredCount: 2 });
});

test.each(READS)("beta's key reads exactly beta's numbers from %s, nothing of acme's", async (path) => {
  const own = await call(`${backend.url}${path}`, TEST_KEYS.beta);
  const asAdmin = await call(`${backend.url}${withAccount(path, 'beta')}`, TEST_KEYS.admin);
  const acme = await call(`${backend.url}${path}`, TEST_KEYS.acme);
  expect(own.status).toBe(200);
  expect(own.body).toEqual(asAdmin.body);
  expect(own.body).not.toEqual(acme.body);
  for (const mark of [...ACME_MARKS, '999999', '55555']) {
    expect(JSON.stringify(own.body)).not.toContain(mark);
  }
});

test.each(WORKBOOKS)("beta's workbook from %s holds beta's numbers only", async (path) => {
  const own = await workbookCells(path, TEST_KEYS.beta);
  expect(own).toEqual(await workbookCells(withAccount(path, 'beta'), TEST_KEYS.admin));
  expect(own).not.toEqual(await workbookCells(path, TEST_KEYS.acme));
  for (const mark of ACME_MARKS) {
    expect(own.join('\n')).not.toContain(mark);
  }
});

test.each([...READS, ...WORKBOOKS])('a non-admin key naming another account gets 403 from %s', async (path) => {
  const answer = await call(`${backend.url}${withAccount(path, 'acme')}`, TEST_KEYS.beta);
  expect(answer).toMatchObject({ status: 403, body: { error: { code: 'forbidden_account' } } });
});

test.each([...READS, ...WORKBOOKS])('an admin key without ?account= gets 400 from %s', async (path) => {
  const answer = await call(`${backend.url}${path}`, TEST_KEYS.admin);
  expect(answer).toMatchObject({ status: 400, body: { error: { code: 'account_required' } } });
});

test('writes for another account are refused and change nothing', async () => {
  const event = {
    id: 'x1',
    type: 'requested',
    domain: 'example.com',
    requestedAt: '2026-04-10T09:00:00Z',
    count: 1000,
  };
  expect(await postEvents(backend.url, TEST_KEYS.beta, [event], '?account=acme')).toMatchObject({
    status: 403,
    body: { error: { code: 'forbidden_account' } },
  });
  expect(await postEvents(backend.url, TEST_KEYS.beta, [{ ...event, account: 'acme' }])).toMatchObject({
    status: 403,
    body: { error: { code: 'forbidden_account' } },
  });
  const put = await call(`${backend.url}/api/v1/limits?account=acme`, TEST_KEYS.beta, {
    method: 'PUT',
    body: { monthly: 1, daily: null, changeRequestUrl: null },
  });
  expect(put).toMatchObject({ status: 403, body: { error: { code: 'forbidden_scope' } } });
  expect((await call(`${backend.url}/api/v1/stats/request-date`, TEST_KEYS.acme)).body.totals.requestCount).toBe(7);
  expect((await call(`${backend.url}/api/v1/limits`, TEST_KEYS.acme)).body.monthly).toBe(999_999);
});
