/**
 * The ids of accepted events, as 128-bit seeded hashes of (account, id), in memory in typed
 * arrays (open addressing, 16 B a slot), partitioned by the UTC day the event was accepted so
 * that the dedupe window expires whole days. On disk: one file of 16-byte records per day
 * (DATA_DIR/ids/<day>.ids), appended at each checkpoint and read back at start.
 *
 * Collisions: the hash is seeded with 128 random bits made once per DATA_DIR, so ids cannot be
 * chosen to collide. For n remembered ids the chance that a new id is taken for a duplicate is
 * about n / 2^127 per event (one bit is spent to tell used slots from empty ones): at 10^10
 * ids, below 10^-28.
 */
import { mkdirSync, readdirSync, readFileSync, unlinkSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';

export const ID_BYTES = 16;
const DAY_MS = 86_400_000;
const MIN_CAPACITY = 1024;

/** Hash lanes of 16-byte records, copied when the bytes do not start on a 4-byte boundary. */
export function lanesOf(bytes: Uint8Array): Uint32Array {
  const whole = bytes.length - (bytes.length % ID_BYTES);
  if (bytes.byteOffset % 4 === 0) {
    return new Uint32Array(bytes.buffer, bytes.byteOffset, whole / 4);
  }
  const lanes = new Uint32Array(whole / 4);
  new Uint8Array(lanes.buffer).set(bytes.subarray(0, whole));
  return lanes;
}

/** UTC day number of an acceptance time: the unit the dedupe window expires by. */
export const acceptanceDay = (ms: number) => Math.floor(ms / DAY_MS);

const fmix = (value: number) => {
  let h = value;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
};

/** A seeded 128-bit hash of a string (four 32-bit lanes, murmur3's finalizer); never all zeros. */
export class IdHasher {
  /** The last hash, four lanes. */
  readonly out = new Uint32Array(4);

  constructor(private readonly seed: Uint32Array) {}

  hash(text: string): Uint32Array {
    let h1 = this.seed[0] ^ 0x9e3779b9;
    let h2 = this.seed[1] ^ 0x7f4a7c15;
    let h3 = this.seed[2] ^ 0x6a09e667;
    let h4 = this.seed[3] ^ 0xbb67ae85;
    for (let i = 0; i < text.length; i++) {
      const k = text.charCodeAt(i);
      h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
      h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
      h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
      h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
    }
    h1 = fmix(h1 ^ text.length);
    h2 = fmix(h2 ^ h1);
    h3 = fmix(h3 ^ h2);
    h4 = fmix(h4 ^ h3);
    h1 = fmix(h1 ^ h4);
    const out = this.out;
    out[0] = h1;
    out[1] = h2;
    out[2] = h3;
    out[3] = (h4 | 1) >>> 0; // a used slot is never all zeros
    return out;
  }
}

/** One day's hashes: linear probing on lane 0, doubled at 70 % load. */
class DayTable {
  private slots: Uint32Array;
  private mask: number;
  size = 0;

  constructor(capacity = MIN_CAPACITY) {
    this.slots = new Uint32Array(capacity * 4);
    this.mask = capacity - 1;
  }

  private find(h: ArrayLike<number>, at: number): number {
    const slots = this.slots;
    let slot = h[at] & this.mask;
    for (;;) {
      const base = slot * 4;
      if (slots[base + 3] === 0) {
        return -1 - base;
      }
      if (slots[base] === h[at] && slots[base + 1] === h[at + 1] && slots[base + 2] === h[at + 2] && slots[base + 3] === h[at + 3]) {
        return base;
      }
      slot = (slot + 1) & this.mask;
    }
  }

  has(h: ArrayLike<number>, at = 0): boolean {
    return this.find(h, at) >= 0;
  }

  /** False when the hash was there already. */
  add(h: ArrayLike<number>, at = 0): boolean {
    const found = this.find(h, at);
    if (found >= 0) {
      return false;
    }
    const base = -1 - found;
    this.slots[base] = h[at];
    this.slots[base + 1] = h[at + 1];
    this.slots[base + 2] = h[at + 2];
    this.slots[base + 3] = h[at + 3];
    this.size++;
    if (this.size * 10 > (this.mask + 1) * 7) {
      this.grow();
    }
    return true;
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Uint32Array(old.length * 2);
    this.mask = (this.mask + 1) * 2 - 1;
    this.size = 0;
    for (let base = 0; base < old.length; base += 4) {
      if (old[base + 3] !== 0) {
        this.add(old, base);
      }
    }
  }

  get bytes(): number {
    return this.slots.byteLength;
  }
}

/** The remembered ids of the dedupe window, by acceptance day. */
export class SeenIds {
  private readonly days = new Map<number, DayTable>();
  private readonly dir: string;

  /** @param windowDays days an id is remembered (the day of acceptance included); 0: forever */
  constructor(
    dataDir: string,
    private readonly windowDays: number
  ) {
    this.dir = join(dataDir, 'ids');
    mkdirSync(this.dir, { recursive: true });
  }

  /** Whether a day is still inside the window on `today`. */
  private inWindow(day: number, today: number): boolean {
    return this.windowDays === 0 || day > today - this.windowDays;
  }

  /** Reads the day files still inside the window (a torn last record is ignored: the log still has it). */
  load(today: number): void {
    for (const name of readdirSync(this.dir)) {
      const day = Number(name.replace(/\.ids$/, ''));
      if (!name.endsWith('.ids') || !Number.isInteger(day)) {
        continue;
      }
      if (!this.inWindow(day, today)) {
        unlinkSync(join(this.dir, name));
        continue;
      }
      this.addAll(day, lanesOf(readFileSync(join(this.dir, name))));
    }
  }

  has(h: ArrayLike<number>): boolean {
    for (const table of this.days.values()) {
      if (table.has(h)) {
        return true;
      }
    }
    return false;
  }

  /** Adds hashes (4 lanes each) accepted on `day`. */
  addAll(day: number, hashes: Uint32Array): void {
    let table = this.days.get(day);
    if (!table) {
      table = new DayTable();
      this.days.set(day, table);
    }
    for (let at = 0; at < hashes.length; at += 4) {
      table.add(hashes, at);
    }
  }

  /** Appends a day's new hashes to its file, durably (fdatasync), off the event loop. */
  async persist(day: number, hashes: readonly Buffer[]): Promise<void> {
    const file = await open(join(this.dir, `${day}.ids`), 'a');
    try {
      const { bytesWritten } = await file.writev(hashes);
      const bytes = hashes.reduce((sum, chunk) => sum + chunk.length, 0);
      if (bytesWritten !== bytes) {
        throw Object.assign(new Error(`short write to ${day}.ids (${bytesWritten} of ${bytes} bytes)`), { code: 'EIO' });
      }
      await file.datasync();
    } finally {
      await file.close();
    }
  }

  /** Forgets the days that left the window on `today`, in memory and on disk. */
  expire(today: number): void {
    for (const day of [...this.days.keys()]) {
      if (!this.inWindow(day, today)) {
        this.days.delete(day);
        try {
          unlinkSync(join(this.dir, `${day}.ids`));
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
            throw error;
          }
        }
      }
    }
  }

  isExpired(day: number, today: number): boolean {
    return !this.inWindow(day, today);
  }

  /** Ids remembered and the bytes their tables take in memory. */
  stats(): { ids: number; memoryBytes: number; days: number } {
    let ids = 0;
    let memoryBytes = 0;
    for (const table of this.days.values()) {
      ids += table.size;
      memoryBytes += table.bytes;
    }
    return { ids, memoryBytes, days: this.days.size };
  }
}
