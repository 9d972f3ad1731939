/**
 * Counters as key strings, the form the write path works in: one string per counter, built
 * once per event and counter, so a batch is summed in a Map of key → delta without a key
 * object per event. Rollup keys and line-protocol lines are made from a key's tag part
 * ("head": every field but the bucket), cached per head: a busy head repeats across
 * buckets, so the per-counter work is a lookup and a concatenation.
 */
import { encodeTagText, escapeLineTag } from './lineProtocol';
import {
  COUNTS_MEASUREMENT,
  MEASUREMENT_NAMES,
  MEASUREMENTS,
  rollupTargets,
  type CounterMeasurement,
  type Retention,
} from './schema';

export type Axis = 'request' | 'send';

/** One counter: recipient mails of one kind (and result code) for one bucket and tag set. */
export interface CounterKey {
  /** mail_counts for an event's own counters; the store adds the rollups. */
  measurement: CounterMeasurement;
  account: string;
  axis: Axis;
  kind: string;
  /** Result code for kind=result, '-' otherwise. */
  code: string;
  /** '' in rollups that do not keep it. */
  template: string;
  domain: string;
  /** Bucket start, epoch ms. */
  bucket: number;
}

const SEP = '\u0000';

/** Every field of a key but the bucket, each followed by NUL. */
function headOf(
  measurement: string,
  account: string,
  axis: string,
  kind: string,
  code: string,
  template: string,
  domain: string
): string {
  return `${measurement}${SEP}${account}${SEP}${axis}${SEP}${kind}${SEP}${code}${SEP}${template}${SEP}${domain}${SEP}`;
}

/**
 * A counter's key as one string. Only the template may hold any character (NUL included);
 * every other field is NUL-free, so cutting 5 fields from the left and 2 from the right is exact.
 */
export const keyString = (key: CounterKey) =>
  headOf(key.measurement, key.account, key.axis, key.kind, key.code, key.template, key.domain) + key.bucket;

/** The head of an event's own (mail_counts) counters: add the bucket for each axis's key. */
export const countsHead = (account: string, axis: Axis, kind: string, code: string, template: string, domain: string) =>
  headOf(COUNTS_MEASUREMENT, account, axis, kind, code, template, domain);

/** The measurement a key string's counter belongs to (its first field). */
export const measurementOfKey = (key: string) => key.slice(0, key.indexOf(SEP)) as CounterMeasurement;

export function parseKeyString(text: string): CounterKey {
  const left: string[] = [];
  let at = 0;
  for (let field = 0; field < 5; field++) {
    const end = text.indexOf(SEP, at);
    left.push(text.slice(at, end));
    at = end + 1;
  }
  const bucketAt = text.lastIndexOf(SEP);
  const domainAt = text.lastIndexOf(SEP, bucketAt - 1);
  return {
    measurement: left[0] as CounterMeasurement,
    account: left[1],
    axis: left[2] as Axis,
    kind: left[3],
    code: left[4],
    template: text.slice(at, domainAt),
    domain: text.slice(domainAt + 1, bucketAt),
    bucket: Number(text.slice(bucketAt + 1)),
  };
}

/** A line's series key and field name up to the value: `measurement,tags n=`. */
export function linePrefix(key: Omit<CounterKey, 'bucket'>, writerId: string): string {
  const names = MEASUREMENT_NAMES[key.measurement];
  let tags = `,account=${escapeLineTag(key.account)},axis=${escapeLineTag(key.axis)}`;
  if (names.code) {
    tags += `,code=${escapeLineTag(key.code)}`;
  }
  if (names.domain) {
    tags += `,domain=${escapeLineTag(encodeTagText(key.domain))}`;
  }
  tags += `,kind=${escapeLineTag(key.kind)}`;
  if (names.template) {
    tags += `,template=${escapeLineTag(encodeTagText(key.template))}`;
  }
  return `${key.measurement}${tags},writer=${escapeLineTag(writerId)} n=`;
}

/** One line: the counter's absolute total at its bucket start (seconds). */
export const lineOf = (prefix: string, n: number, bucketMs: number) => `${prefix}${Math.trunc(n)}i ${bucketMs / 1000}`;

/**
 * Heads a cache keeps before it starts again (bounded memory; a miss only costs a parse). A
 * rollup entry holds 5-8 heads, about 1 KB: 50,000 heads stay under 60 MB.
 */
const MAX_CACHED_HEADS = 50_000;

class HeadCache<T> {
  private readonly entries = new Map<string, T>();
  constructor(private readonly make: (head: string) => T) {}

  get(head: string): T {
    let value = this.entries.get(head);
    if (value === undefined) {
      if (this.entries.size >= MAX_CACHED_HEADS) {
        this.entries.clear();
      }
      value = this.make(head);
      this.entries.set(head, value);
    }
    return value;
  }
}

/** Splits a key string at its bucket: [head, bucket ms]. */
export function splitKey(key: string): [string, number] {
  const bucketAt = key.lastIndexOf(SEP) + 1;
  return [key.slice(0, bucketAt), Number(key.slice(bucketAt))];
}

/** For a mail_counts head: each rollup's head and piece size (schema.ts rollupTargets). */
const rollupHeads = new HeadCache((head: string) => {
  const key = parseKeyString(`${head}0`);
  return rollupTargets(key.axis, key.kind).map(({ measurement, names, pieceMs }) => ({
    head: headOf(
      measurement,
      key.account,
      key.axis,
      key.kind,
      names.code ? key.code : '',
      names.template ? key.template : '',
      names.domain ? key.domain : ''
    ),
    pieceMs,
  }));
});

/** Adds every rollup of a detailed (mail_counts) counter, as key strings, to `sums`. */
export function addRollups(sums: Map<string, number>, detailedKey: string, n: number): void {
  const [head, bucket] = splitKey(detailedKey);
  for (const rollup of rollupHeads.get(head)) {
    const key = rollup.head + Math.floor(bucket / rollup.pieceMs) * rollup.pieceMs;
    sums.set(key, (sums.get(key) ?? 0) + n);
  }
}

/** Line-protocol writers of one writer id, by key string. */
export class KeyLines {
  private readonly prefixes: HeadCache<string>;

  constructor(writerId: string) {
    this.prefixes = new HeadCache((head) => linePrefix(parseKeyString(`${head}0`), writerId));
  }

  line(key: string, n: number): string {
    const [head, bucket] = splitKey(key);
    return lineOf(this.prefixes.get(head), n, bucket);
  }

  /** Where the counter's line goes (retention.ts). */
  static retention(key: string): Retention {
    return MEASUREMENTS[measurementOfKey(key)].retention;
  }
}
