import { levelFor, MEASUREMENT_NAMES, measurementOf, rollupsOf } from './schema';

const none = { template: false, domain: false, code: false, axis: 'request' };

test('a query reads the least detailed level that has its names and its counters', () => {
  expect(levelFor({ ...none, code: true })).toBe('mail_totals');
  expect(levelFor({ ...none, template: true })).toBe('mail_by_template');
  expect(levelFor({ ...none, domain: true, code: true })).toBe('mail_by_domain');
  expect(levelFor({ ...none, template: true, domain: true })).toBe('mail_counts');
  // results on the request date by domain: their own level, unless a code or another axis or kind is asked for
  expect(levelFor({ ...none, domain: true, kinds: ['result'] })).toBe('mail_results_by_domain');
  expect(levelFor({ ...none, domain: true, code: true, kinds: ['result'] })).toBe('mail_by_domain');
  expect(levelFor({ ...none, domain: true, axis: 'send', kinds: ['result'] })).toBe('mail_by_domain');
  expect(levelFor({ ...none, domain: true })).toBe('mail_by_domain');
  expect(levelFor({ ...none, domain: true, kinds: ['result', 'opened'] })).toBe('mail_by_domain');
});

test('the table names every measurement with the tags it keeps', () => {
  expect(MEASUREMENT_NAMES).toEqual({
    mail_totals: { template: false, domain: false, code: true },
    mail_totals_1h: { template: false, domain: false, code: true },
    mail_totals_1d: { template: false, domain: false, code: true },
    mail_results_by_domain: { template: false, domain: true, code: false },
    mail_results_by_domain_1h: { template: false, domain: true, code: false },
    mail_results_by_domain_1d: { template: false, domain: true, code: false },
    mail_by_template: { template: true, domain: false, code: true },
    mail_by_domain: { template: false, domain: true, code: true },
    mail_counts: { template: true, domain: true, code: true },
  });
  expect(measurementOf('mail_totals', '1d')).toBe('mail_totals_1d');
  expect(() => measurementOf('mail_counts', '1h')).toThrow('mail_counts keeps no 1h pieces');
});

// 2026-03-29T01:45:00Z: its hour starts at 01:00Z, its UTC day at 00:00Z.
const bucket = Date.UTC(2026, 2, 29, 1, 45);
const hour = Date.UTC(2026, 2, 29, 1);
const day = Date.UTC(2026, 2, 29);
const detailed = {
  measurement: 'mail_counts' as const,
  axis: 'send',
  kind: 'result',
  code: 'MAIL_SENT',
  template: 'T',
  domain: 'd.com',
  bucket,
};

test('a detailed counter rolls up without template, domain, or both, and into hours and UTC days', () => {
  expect(rollupsOf(detailed)).toEqual([
    { ...detailed, measurement: 'mail_totals', template: '', domain: '' },
    { ...detailed, measurement: 'mail_totals_1h', template: '', domain: '', bucket: hour },
    { ...detailed, measurement: 'mail_totals_1d', template: '', domain: '', bucket: day },
    { ...detailed, measurement: 'mail_by_template', domain: '' },
    { ...detailed, measurement: 'mail_by_domain', template: '' },
  ]);
});

test('a result on the request date also counts for its domain alone, in every piece size', () => {
  const onRequestDate = { ...detailed, axis: 'request' };
  const byDomain = { ...onRequestDate, template: '', code: '' };
  expect(rollupsOf(onRequestDate).filter((key) => key.measurement.startsWith('mail_results_by_domain'))).toEqual([
    { ...byDomain, measurement: 'mail_results_by_domain' },
    { ...byDomain, measurement: 'mail_results_by_domain_1h', bucket: hour },
    { ...byDomain, measurement: 'mail_results_by_domain_1d', bucket: day },
  ]);
  expect(rollupsOf({ ...onRequestDate, kind: 'opened', code: '-' })).toHaveLength(5);
});
