import { queryLabel, routeLabel } from './routes';

test('served endpoints keep their path as label; anything else is "other"', () => {
  expect(routeLabel('/api/v1/events')).toBe('/api/v1/events');
  expect(routeLabel('/api/v1/stats/domains')).toBe('/api/v1/stats/domains');
  expect(routeLabel('/api/v1/values/templates')).toBe('/api/v1/values/templates');
  expect(routeLabel('/api/v1/stats/anything-else')).toBe('other');
  expect(routeLabel('/wp-admin.php')).toBe('other');
});

test('query labels name the view, export, or the values kind', () => {
  expect(queryLabel('/api/v1/stats/request-date')).toBe('request-date');
  expect(queryLabel('/api/v1/stats/sending-limit')).toBe('sending-limit');
  expect(queryLabel('/api/v1/values/result-codes')).toBe('values/result-codes');
  expect(queryLabel('/api/v1/export')).toBe('export');
  expect(queryLabel('/api/v1/values/constructor')).toBeUndefined();
  expect(queryLabel('/api/v1/events')).toBeUndefined();
});
