import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SubscriptionStore } from '../storage/subscriptionStore';
import { clampToWindow, SubscriptionService, windowFields } from './subscriptions';

const MAR_15 = Date.UTC(2026, 2, 15);
const MAR_20 = Date.UTC(2026, 2, 20);
const NOW = Date.UTC(2026, 11, 1);

describe('clampToWindow', () => {
  test('an account never configured keeps its range', () => {
    expect(clampToWindow({ from: 1, to: 9 }, undefined)).toEqual({ from: 1, to: 9 });
  });
  test('the range starts no earlier than the period and ends no later', () => {
    expect(clampToWindow({ from: 0, to: MAR_20 + 5, tz: 'UTC' }, { from: MAR_15, to: MAR_20 })).toEqual({
      from: MAR_15,
      to: MAR_20,
      tz: 'UTC',
    });
  });
  test('a range wholly before the period becomes empty at its end', () => {
    expect(clampToWindow({ from: 0, to: 10 }, { from: MAR_15, to: Infinity })).toEqual({ from: 10, to: 10 });
  });
});

test('windowFields names the period in the answer zone, with until once it ended', () => {
  expect(windowFields({ from: MAR_15, to: Infinity }, 'Asia/Seoul')).toEqual({ since: '2026-03-15T09:00:00+09:00' });
  expect(windowFields({ from: MAR_15, to: MAR_20 }, 'UTC')).toEqual({
    since: '2026-03-15T00:00:00Z',
    until: '2026-03-20T00:00:00Z',
  });
  expect(windowFields(undefined, 'UTC')).toEqual({});
});

describe('SubscriptionService', () => {
  let dir: string;
  let store: SubscriptionStore;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'mda-subs-'));
    store = new SubscriptionStore(dir);
  });
  afterEach(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('start defaults to now; an empty body is the same as none', () => {
    const service = new SubscriptionService(store);
    expect(service.subscribe('acme', {}, NOW).subscribedAt).toBe('2026-12-01T00:00:00.000Z');
  });

  test('the window is the latest period; admit refuses only accounts whose last period ended', () => {
    const service = new SubscriptionService(store);
    service.admit(['acme']);
    service.subscribe('acme', { subscribedAt: MAR_15 }, NOW);
    expect(service.visibleWindow('acme')).toEqual({ from: MAR_15, to: Infinity });
    service.unsubscribe('acme', { unsubscribedAt: MAR_20 }, NOW);
    expect(service.visibleWindow('acme')).toEqual({ from: MAR_15, to: MAR_20 });
    expect(() => service.admit(['beta', 'acme'])).toThrow(
      expect.objectContaining({
        status: 409,
        code: 'account_not_subscribed',
        details: [expect.objectContaining({ index: 1 })],
      })
    );
    service.admit(['beta']);
  });

  test('unknown body fields and bad times are refused', () => {
    const service = new SubscriptionService(store);
    expect(() => service.subscribe('acme', { since: MAR_15 }, NOW)).toThrow(
      'unknown field "since"; the body takes only subscribedAt'
    );
    expect(() => service.subscribe('acme', { subscribedAt: 'yesterday' }, NOW)).toThrow(
      expect.objectContaining({ status: 400, code: 'invalid_time' })
    );
    expect(() => service.unsubscribe('acme', undefined, NOW)).toThrow(
      'account acme has no open subscription period to end'
    );
  });
});
