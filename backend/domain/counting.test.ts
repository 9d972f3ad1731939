import { countersOf, metricsOf } from './counting';
import { RESULT_CODES } from '../contract/resultCodes';

test('result classes decide the counts', () => {
  expect(metricsOf('result', 'MAIL_SENT')).toEqual(['sentCount', 'deliveredCount']);
  expect(metricsOf('result', 'TEST_MAIL_SEND')).toEqual(['sentCount', 'deliveredCount']);
  expect(metricsOf('result', 'SMTP_ERROR')).toEqual(['sentCount', 'bouncedCount']);
  expect(metricsOf('result', 'RESENDING_MAIL')).toEqual([]);
  expect(metricsOf('result', 'UNKNOWN_DOMAIN_ADDRESS')).toEqual([]);
  expect(metricsOf('result', 'UNSUBSCRIBE_ADDRESS')).toEqual([]);
  expect(metricsOf('result', 'CANCELED_MAIL')).toEqual([]);
  expect(metricsOf('requested', '-')).toEqual(['requestCount']);
  expect(metricsOf('canceled', '-')).toEqual(['canceledCount']);
  expect(metricsOf('opened', '-')).toEqual(['openedCount']);
  expect(metricsOf('unsubscribed', '-')).toEqual(['unsubscribeCount']);
});

test('the code table has 28 codes; 9 count as sent', () => {
  expect(RESULT_CODES.size).toBe(28);
  expect([...RESULT_CODES.values()].filter((code) => code.countsAsSent)).toHaveLength(9);
});

test('an event about a sent mail counts on both axes, in 15-minute buckets', () => {
  const keys = countersOf({
    id: 'e',
    type: 'opened',
    account: 'acme',
    template: 'T',
    domain: 'gmail.com',
    requestedAt: Date.parse('2026-03-02T10:14:59.999Z'),
    sentAt: Date.parse('2026-03-05T08:15:00Z'),
    count: 3,
  });
  expect(keys).toEqual([
    {
      measurement: 'mail_counts',
      account: 'acme',
      kind: 'opened',
      code: '-',
      template: 'T',
      domain: 'gmail.com',
      axis: 'request',
      bucket: Date.parse('2026-03-02T10:00:00Z'),
    },
    {
      measurement: 'mail_counts',
      account: 'acme',
      kind: 'opened',
      code: '-',
      template: 'T',
      domain: 'gmail.com',
      axis: 'send',
      bucket: Date.parse('2026-03-05T08:15:00Z'),
    },
  ]);
});

test('complaints and machine opens have counts of their own; machine opens are not in openedCount', () => {
  expect(metricsOf('complained', '-')).toEqual(['complaintCount']);
  expect(metricsOf('machine_opened', '-')).toEqual(['machineOpenedCount']);
  const event = {
    id: 'm',
    type: 'opened' as const,
    account: 'acme',
    template: 'T',
    domain: 'icloud.com',
    requestedAt: Date.parse('2026-03-02T10:00:00Z'),
    sentAt: Date.parse('2026-03-02T10:00:00Z'),
    count: 1,
  };
  expect(countersOf({ ...event, machine: true }).map((key) => [key.axis, key.kind])).toEqual([
    ['request', 'machine_opened'],
    ['send', 'machine_opened'],
  ]);
  expect(countersOf({ ...event, type: 'complained' }).map((key) => [key.axis, key.kind])).toEqual([
    ['request', 'complained'],
    ['send', 'complained'],
  ]);
});
