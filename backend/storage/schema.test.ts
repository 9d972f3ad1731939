import { measurementFor, rollupsOf } from './schema';

test('a query reads the least detailed measurement that has its names', () => {
  expect(measurementFor(false, false)).toBe('mail_totals');
  expect(measurementFor(true, false)).toBe('mail_by_template');
  expect(measurementFor(false, true)).toBe('mail_by_domain');
  expect(measurementFor(true, true)).toBe('mail_counts');
});

test('a detailed counter rolls up without template, domain, or both', () => {
  const key = { measurement: 'mail_counts' as const, template: 'T', domain: 'd.com', bucket: 0 };
  expect(rollupsOf(key)).toEqual([
    { measurement: 'mail_by_template', template: 'T', domain: '', bucket: 0 },
    { measurement: 'mail_by_domain', template: '', domain: 'd.com', bucket: 0 },
    { measurement: 'mail_totals', template: '', domain: '', bucket: 0 },
  ]);
});
