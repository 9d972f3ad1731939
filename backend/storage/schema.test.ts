import { measurementFor, rollupsOf } from './schema';

test('a query reads the least detailed measurement that has its names', () => {
  expect(measurementFor(false, false)).toBe('mail_totals');
  expect(measurementFor(true, false)).toBe('mail_by_template');
  expect(measurementFor(false, true)).toBe('mail_by_domain');
  expect(measurementFor(true, true)).toBe('mail_counts');
});

test('a detailed counter rolls up without template, domain, or both', () => {
  const key = {
    measurement: 'mail_counts' as const,
    axis: 'send',
    kind: 'result',
    code: 'MAIL_SENT',
    template: 'T',
    domain: 'd.com',
  };
  expect(rollupsOf(key)).toEqual([
    { ...key, measurement: 'mail_by_template', domain: '' },
    { ...key, measurement: 'mail_by_domain', template: '' },
    { ...key, measurement: 'mail_totals', template: '', domain: '' },
  ]);
});

test('a result on the request date also counts for its domain alone', () => {
  const key = {
    measurement: 'mail_counts' as const,
    axis: 'request',
    kind: 'result',
    code: 'MAIL_SENT',
    template: 'T',
    domain: 'd.com',
  };
  expect(rollupsOf(key)[3]).toEqual({ ...key, measurement: 'mail_results_by_domain', template: '', code: '' });
  expect(rollupsOf({ ...key, kind: 'opened', code: '-' })).toHaveLength(3);
});
