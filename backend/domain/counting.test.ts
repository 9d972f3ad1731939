import { countersOf, counterKeysOf } from './counting';
import type { DeliveryEvent } from './events';
import { keyString } from '../storage/counterKeys';
import { BUCKET_MS } from './timestamps';

const result: DeliveryEvent = {
  id: 'e1',
  type: 'result',
  account: 'acme',
  template: 'Welcome',
  domain: 'example.com',
  requestedAt: Date.UTC(2026, 2, 29, 9, 31, 12),
  sentAt: Date.UTC(2026, 2, 29, 9, 40, 0),
  resultCode: 'MAIL_SENT',
  count: 1,
};

test('the same counter is the same key string, found again rather than built', () => {
  const first = counterKeysOf(result);
  const again = counterKeysOf({ ...result, id: 'e2', template: ['Wel', 'come'].join('') });
  expect(again).toEqual(first);
  expect(again.every((key, i) => key === first[i])).toBe(true);
  expect(counterKeysOf({ ...result, domain: 'example.org' })).not.toEqual(first);
});

test('keys stay those of countersOf across every clearing of the bounded cache', () => {
  // 150,000 distinct request-date buckets (two keys each): the cache is cleared on the way.
  for (let i = 0; i < 150_000; i++) {
    const event = { ...result, requestedAt: result.requestedAt + i * BUCKET_MS, sentAt: result.sentAt! + (i % 7) * BUCKET_MS };
    const keys = counterKeysOf(event);
    if (i % 997 === 0 || i > 149_990) {
      expect(keys).toEqual(countersOf(event).map(keyString));
    }
  }
});
