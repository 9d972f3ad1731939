import { DAY_MS, localMidnight, slotOf } from './calendar';
import { DemoStream } from './demoStream';
import { slotEvents } from './slotEvents';

const traffic = { seed: 'stream', rate: 2000 };
const FROM = localMidnight(Date.parse('2026-11-09T00:00:00Z'));

describe('DemoStream', () => {
  it('hands out each event once, when its time has come, and the same events however it is polled', () => {
    const end = FROM + 2 * DAY_MS;
    const atOnce = new DemoStream(traffic, FROM).due(end);
    const stepwise = new DemoStream(traffic, FROM);
    const polled = [];
    for (let now = FROM + 7 * 60_000; now <= end; now += 37 * 60_000) {
      const due = stepwise.due(now);
      expect(due.every((event) => Date.parse(event.at ?? event.sentAt ?? event.requestedAt) <= now)).toBe(true);
      polled.push(...due);
    }
    polled.push(...stepwise.due(end));
    const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
    expect([...polled].sort(byId)).toEqual([...atOnce].sort(byId));
    expect(new Set(polled.map((event) => event.id)).size).toBe(polled.length);
  });

  it('keeps future events (opens days later) pending until they are due', () => {
    const stream = new DemoStream(traffic, FROM);
    const now = FROM + DAY_MS;
    const due = stream.due(now);
    expect(stream.pendingCount).toBeGreaterThan(0);
    let made = 0;
    for (let slot = slotOf(FROM); slot <= slotOf(now); slot++) {
      made += slotEvents(traffic, slot).length;
    }
    expect(due.length + stream.pendingCount).toBe(made);
    const times = due.map((event) => Date.parse(event.at ?? event.sentAt ?? event.requestedAt));
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });
});
