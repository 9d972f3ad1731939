/**
 * Luxon zones that remember each instant's UTC offset. Luxon asks Intl for an IANA zone's
 * offset (formatToParts, about 30 µs) once or twice for every local-time step, so planning
 * the buckets of a 90-day view took 10 ms a request, more than summing InfluxDB's rows
 * (measured at 10 M events, docs/architecture.md "Where a view's time goes"). An instant's
 * offset never changes while the process runs, so a remembered answer is the answer; views
 * repeat the same ranges, so nearly every step after the first request is a lookup. Used by
 * the bucket plans (domain/timeBuckets.ts) and the reader's choice of pieces (countsReader.ts).
 */
import { IANAZone, Info, type Zone } from 'luxon';

/** Offsets remembered over every zone (about 80 B each) and zones by name; past either, all are forgotten at once. */
export const MAX_REMEMBERED = 100_000;
const MAX_ZONES = 1_000;
let remembered = 0;

class RememberingZone extends IANAZone {
  readonly offsets = new Map<number, number>();

  override offset(ts: number): number {
    let minutes = this.offsets.get(ts);
    if (minutes === undefined) {
      minutes = super.offset(ts);
      if (remembered >= MAX_REMEMBERED) {
        forgetAll();
      }
      this.offsets.set(ts, minutes);
      remembered++;
    }
    return minutes;
  }
}

const zones = new Map<string, RememberingZone>();

function forgetAll(): void {
  for (const zone of zones.values()) {
    zone.offsets.clear();
  }
  zones.clear();
  remembered = 0;
}

/**
 * The zone luxon would make of `name`, remembering offsets when it is a valid IANA zone. Other
 * names ('UTC', fixed offsets, invalid ones) stay luxon's own zones, whose offsets cost nothing
 * and whose output (e.g. 'Z' for UTC) must not change.
 */
export function zoneOf(name: string): Zone {
  const cached = zones.get(name);
  if (cached) {
    return cached;
  }
  const zone = Info.normalizeZone(name);
  if (!(zone instanceof IANAZone) || !zone.isValid) {
    return zone;
  }
  if (zones.size >= MAX_ZONES) {
    forgetAll();
  }
  const remembering = new RememberingZone(zone.name);
  zones.set(name, remembering);
  return remembering;
}
