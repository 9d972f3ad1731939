/**
 * How long the oldest change in the outbox has waited for InfluxDB, without storing a time
 * per change: once a second (and at every reading) it notes the newest outbox sequence number
 * handed out so far. A pending change with sequence S was made after the last note whose
 * number is below S, so its age is known to within the note interval (never understated).
 */
interface Note {
  /** Newest sequence number at `at`: every larger one was handed out later. */
  seq: number;
  at: number;
}

export class OutboxClock {
  private notes: Note[] = [];

  /** @param startedAt changes left by an earlier run count as waiting since this start */
  constructor(private readonly startedAt: number) {}

  note(lastSeq: number, now: number): void {
    const last = this.notes[this.notes.length - 1];
    if (last && last.seq === lastSeq) {
      last.at = now; // nothing new since: a later time bounds the next change more tightly
    } else {
      this.notes.push({ seq: lastSeq, at: now });
    }
  }

  /** Seconds since the change with sequence number `oldestSeq` was made; 0 for an empty outbox. */
  ageSeconds(oldestSeq: number | null, now: number): number {
    if (oldestSeq === null) {
      return 0;
    }
    let before = -1;
    for (let index = this.notes.length - 1; index >= 0; index--) {
      if (this.notes[index].seq < oldestSeq) {
        before = index;
        break;
      }
    }
    // The oldest pending number only grows, so earlier notes are never needed again.
    if (before > 0) {
      this.notes = this.notes.slice(before);
    }
    const since = before === -1 ? this.startedAt : this.notes[0].at;
    return Math.max(0, (now - since) / 1000);
  }
}
