/**
 * The write path's key strings (counterKeys.ts) against the counting table's objects: the
 * same counters, the same rollups and the same line-protocol lines, for names with every
 * character the formats treat specially.
 */
import { countersOf, counterKeysOf } from '../../../backend/domain/counting';
import type { DeliveryEvent } from '../../../backend/domain/events';
import { addRollups, KeyLines, keyString, parseKeyString } from '../../../backend/storage/counterKeys';
import { counterLine } from '../../../backend/storage/outboxFlusher';
import { rollupsOf } from '../../../backend/storage/schema';

const sentResult: DeliveryEvent = {
  id: 'e1',
  type: 'result',
  account: 'acme',
  template: 'Welcome, new = "user"\u0000%\\ \n',
  domain: 'mail.example.co.kr',
  requestedAt: Date.UTC(2026, 2, 29, 9, 31, 12),
  sentAt: Date.UTC(2026, 2, 30, 23, 59, 59),
  resultCode: 'MAIL_SENT',
  count: 3,
};
const events: DeliveryEvent[] = [
  sentResult,
  { ...sentResult, type: 'requested', resultCode: undefined, sentAt: undefined },
  { ...sentResult, type: 'opened', resultCode: undefined, machine: true },
];

test.each(events.map((event) => [event.type, event]))('%s: counterKeysOf gives the keys of countersOf', (_type, event) => {
  expect(counterKeysOf(event)).toEqual(countersOf(event).map(keyString));
});

test('key strings read back to the same counters', () => {
  for (const key of events.flatMap(countersOf)) {
    expect(parseKeyString(keyString(key))).toEqual(key);
  }
});

test('addRollups sums the rollups rollupsOf names, each under its key string', () => {
  const sums = new Map<string, number>();
  const expected = new Map<string, number>();
  for (const key of events.flatMap(countersOf)) {
    addRollups(sums, keyString(key), 2);
    for (const rollup of rollupsOf(key)) {
      expected.set(keyString(rollup), (expected.get(keyString(rollup)) ?? 0) + 2);
    }
  }
  expect(sums).toEqual(expected);
  // A result on its request date reaches 8 rollups (results by domain in 3 piece sizes), every other counter 5; no two share a kind and axis.
  expect(sums.size).toBe(8 + 5 + 5 + 5 + 5);
});

test('KeyLines writes the line counterLine writes', () => {
  const lines = new KeyLines('writer,1 =');
  for (const key of events.flatMap(countersOf).flatMap((counter) => [counter, ...rollupsOf(counter)])) {
    expect(lines.line(keyString(key), 41)).toBe(counterLine({ ...key, n: 41 }, 'writer,1 ='));
  }
  expect(lines.line(keyString(countersOf(sentResult)[1]), 7)).toBe(
    'mail_counts,account=acme,axis=send,code=MAIL_SENT,domain=mail.example.co.kr,kind=result,' +
      'template=Welcome\\,\\ new\\ \\=\\ "user"%00%25%5C\\ %0A,writer=writer\\,1\\ \\= n=7i ' +
      `${Date.UTC(2026, 2, 30, 23, 45) / 1000}`
  );
});
