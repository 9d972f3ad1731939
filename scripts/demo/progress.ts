/**
 * What the demo prints while it works, so that a long backfill and a quiet live stream both
 * show they are alive: backfill lines with events and percent, live lines with events a
 * minute and how long ago the newest acknowledged event became visible (a statistics read
 * waits until everything acknowledged is in InfluxDB, so acknowledged means visible).
 */
const number = (value: number) => value.toLocaleString('en-US');

function duration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  return seconds < 60 ? `${seconds} s` : `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}

/** One backfill line: how many of all events are acknowledged, the rate so far, the time left at that rate. */
export function backfillLine(acknowledged: number, total: number, elapsedMs: number): string {
  const percent = total === 0 ? 100 : Math.floor((acknowledged * 100) / total);
  const rate = elapsedMs > 0 ? (acknowledged * 1000) / elapsedMs : 0;
  const left =
    rate > 0 && acknowledged < total ? `, about ${duration(((total - acknowledged) / rate) * 1000)} left` : '';
  return `backfill: ${number(acknowledged)} of ${number(total)} events (${percent} %), ${number(Math.round(rate))} events/s${left}`;
}

const MINUTE_MS = 60_000;

/** Live streaming: batches as they are acknowledged, and a line when there is something new to say. */
export class LiveReport {
  private batches: Array<{ atMs: number; events: number }> = [];
  private latestAtMs: number | undefined;
  private reportedLatestAtMs: number | undefined;

  acknowledged(events: number, atMs: number): void {
    if (events > 0) {
      this.batches.push({ atMs, events });
      this.latestAtMs = atMs;
    }
  }

  /** The line for now; undefined when nothing was acknowledged since the last line (no repeats). */
  line(nowMs: number): string | undefined {
    this.batches = this.batches.filter((batch) => batch.atMs > nowMs - MINUTE_MS);
    if (this.latestAtMs === undefined || this.latestAtMs === this.reportedLatestAtMs) {
      return undefined;
    }
    this.reportedLatestAtMs = this.latestAtMs;
    const lastMinute = this.batches.reduce((sum, batch) => sum + batch.events, 0);
    return `live: ${number(lastMinute)} events in the last minute; the newest became visible ${duration(nowMs - this.latestAtMs)} ago`;
  }
}
