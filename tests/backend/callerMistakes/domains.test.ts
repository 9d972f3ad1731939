/**
 * Issue 12, defect 3: names that are not domains were accepted, some rewritten or merged
 * (`a/b.com` listed as `a`, `exa\r\nmple.com` merged into `example.com`). A domain is a DNS
 * host name after UTS #46; anything else is refused with a detail per event, nothing counted.
 */
import { startTestBackend, type TestBackend } from '../../support/backend';
import { getStats, postEvents } from '../../support/http';

let backend: TestBackend;

beforeAll(async () => {
  backend = await startTestBackend();
});

afterAll(() => backend.stop());

const HOST_NAME_RULE =
  'a DNS host name (labels of letters, digits and inner hyphens, 1 to 63 characters each, 253 in all, other scripts as IDNA; nothing is repaired)';
const AT = '2026-07-01T10:00:00Z';
const RANGE = { from: '2026-07-01', to: '2026-07-02', tz: 'UTC' };
const LONG_LABEL = `${'a'.repeat(64)}.com`;
const NOT_HOST_NAMES = [
  'a/b.com',
  'exa\r\nmple.com',
  'exa%41mple.com',
  'xn--zz.com',
  '-bad-.com',
  'a..b.com',
  LONG_LABEL,
  'ex_ample.com',
  'example.com.',
];

test('every name that is not a host name is refused, each with its own detail, and nothing is counted', async () => {
  const events = NOT_HOST_NAMES.map((domain, index) => ({
    id: `d${index}`,
    type: 'requested',
    domain,
    requestedAt: AT,
  }));
  events.push({ id: 'recipient', type: 'requested', recipient: 'kim@exa%41mple.com', requestedAt: AT } as never);
  events.push({ id: 'good', type: 'requested', domain: 'example.com', requestedAt: AT });
  const answer = await postEvents(backend.url, backend.keys.acme, events);
  expect(answer.status).toBe(400);
  expect(answer.body).toEqual({
    error: {
      code: 'invalid_events',
      message: '10 of 11 events are invalid; nothing was accepted',
      details: [
        ...NOT_HOST_NAMES.map((domain, index) => ({
          index,
          field: 'domain',
          message: `domain must be ${HOST_NAME_RULE}: ${JSON.stringify(domain)} is not`,
        })),
        {
          index: 9,
          field: 'recipient',
          message: `recipient must have as its domain ${HOST_NAME_RULE}: "exa%41mple.com" is not`,
        },
      ],
    },
  });
  const values = await getStats(backend.url, backend.keys.acme, '/values/domains', RANGE);
  expect(values.body).toEqual({ values: [] });
});

test('host names are only case-folded and IDNA-converted, and a filter finds them in any IDNA spelling', async () => {
  const events = [
    { id: 'h1', type: 'requested', domain: 'Example.COM', requestedAt: AT, count: 2 },
    { id: 'h2', type: 'requested', recipient: 'kim@Bücher.example', requestedAt: AT, count: 3 },
    { id: 'h3', type: 'requested', domain: 'xn--bcher-kva.example', requestedAt: AT, count: 5 },
    { id: 'h4', type: 'requested', domain: 'exa-mple.com', requestedAt: AT, count: 7 },
  ];
  expect((await postEvents(backend.url, backend.keys.acme, events)).status).toBe(202);
  const values = await getStats(backend.url, backend.keys.acme, '/values/domains', RANGE);
  expect(values.body).toEqual({ values: ['exa-mple.com', 'example.com', 'xn--bcher-kva.example'] });
  const bücher = await getStats(backend.url, backend.keys.acme, '/stats/request-date', {
    ...RANGE,
    domain: 'BÜCHER.example',
  });
  expect(bücher.body.totals.requestCount).toBe(8);
  const example = await getStats(backend.url, backend.keys.acme, '/stats/request-date', {
    ...RANGE,
    domain: 'example.com',
  });
  expect(example.body.totals.requestCount).toBe(2);
});
