/**
 * The demo's timeline: makes slots as time reaches them and hands out each event once
 * the moment it describes has passed (opens and scheduled sends come days later).
 */
import { slotOf } from './calendar';
import type { DemoEvent, TimedEvent } from './events';
import { slotEvents } from './slotEvents';
import type { Traffic } from './slotMails';

export class DemoStream {
  private nextSlot: number;
  private pending: TimedEvent[] = [];

  constructor(
    private readonly traffic: Traffic,
    fromMs: number
  ) {
    this.nextSlot = slotOf(fromMs);
  }

  /** Events due by `nowMs` (inclusive) not handed out before, in time order. */
  due(nowMs: number): DemoEvent[] {
    const lastSlot = slotOf(nowMs);
    for (; this.nextSlot <= lastSlot; this.nextSlot++) {
      this.pending.push(...slotEvents(this.traffic, this.nextSlot));
    }
    const due: TimedEvent[] = [];
    const later: TimedEvent[] = [];
    for (const timed of this.pending) {
      (timed.atMs <= nowMs ? due : later).push(timed);
    }
    this.pending = later;
    return due.sort((a, b) => a.atMs - b.atMs).map((timed) => timed.event);
  }

  get pendingCount(): number {
    return this.pending.length;
  }
}
