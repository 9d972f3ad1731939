/**
 * What the backend stores in InfluxDB: THE table of counting rules (documented in the README,
 * the alert rules read `mail_totals`). Both paths read it: the write path asks `rollupsOf`
 * which rollups a detailed counter adds to, the read path asks `levelFor` and `measurementOf`
 * which measurement and time pieces a query reads. A measurement the table does not name is
 * not a `CounterMeasurement`, so the compiler catches a path that writes or reads one.
 *
 * Every counter is kept at several levels of detail (which name tags it keeps), each at one or
 * more time granularities (15-minute pieces, hourly pieces, UTC-day pieces). Each measurement
 * sums correctly on its own; a query reads the least detailed level that has what it filters
 * or groups by, in the coarsest pieces that fit its range and zone (countsReader.ts).
 */
export const LIMITS_MEASUREMENT = 'mail_limits';

/** Piece sizes. Fifteen minutes divides every UTC offset in use; hours and UTC days only some. */
export const GRANULARITY_MS = { '15m': 900_000, '1h': 3_600_000, '1d': 86_400_000 } as const;
export type Granularity = keyof typeof GRANULARITY_MS;

export interface KeptNames {
  template: boolean;
  domain: boolean;
  code: boolean;
}

interface LevelRule {
  /** Name tags kept (every measurement also has account, axis, kind, writer). */
  names: KeptNames;
  /** Only counters of this axis and kind feed the level; absent: every counter. */
  only?: { axis: string; kind: string };
  /** Finest first; '15m' always: the edges of any range need it. */
  granularities: readonly ['15m', ...Granularity[]];
}

/**
 * The levels, least detailed first: a query reads the first one that has what it needs.
 * Coarse pieces exist only where a view reads them (each costs ingestion work, see
 * docs/architecture.md): the totals serve the time views, result codes and sending limit,
 * the results by domain the domain view.
 */
const LEVELS = {
  mail_totals: { names: { template: false, domain: false, code: true }, granularities: ['15m', '1h', '1d'] },
  // The domain view without a result-code filter: result events on the request date, by domain only.
  mail_results_by_domain: {
    names: { template: false, domain: true, code: false },
    only: { axis: 'request', kind: 'result' },
    granularities: ['15m', '1h', '1d'],
  },
  mail_by_template: { names: { template: true, domain: false, code: true }, granularities: ['15m'] },
  mail_by_domain: { names: { template: false, domain: true, code: true }, granularities: ['15m'] },
  mail_counts: { names: { template: true, domain: true, code: true }, granularities: ['15m'] },
} as const satisfies Record<string, LevelRule>;

export type CounterLevel = keyof typeof LEVELS;
type CoarseGranularity<L extends CounterLevel> = Exclude<(typeof LEVELS)[L]['granularities'][number], '15m'>;
/** A level's 15-minute pieces carry its own name; coarser ones append the granularity: mail_totals_1h. */
export type CounterMeasurement = { [L in CounterLevel]: L | `${L}_${CoarseGranularity<L>}` }[CounterLevel];

/**
 * Where a measurement's points live. InfluxDB 1.x pays per series and per shard: a 90-day sum
 * over 2,000 domain series in 7-day shards opens 26,000 series cursors. Hourly and daily pieces
 * are few, so they go to a retention policy with one shard per ten years ('longShards',
 * retention.ts); 15-minute pieces, read only at a range's edges, stay in the default one.
 */
export type Retention = 'default' | 'longShards';

export interface MeasurementRule {
  level: CounterLevel;
  granularity: Granularity;
  names: KeptNames;
  retention: Retention;
}

function nameOf(level: CounterLevel, granularity: Granularity): CounterMeasurement {
  return (granularity === '15m' ? level : `${level}_${granularity}`) as CounterMeasurement;
}

const LEVEL_ORDER = Object.keys(LEVELS) as CounterLevel[];

/** Every measurement of the table, with its level, piece size and tags. */
export const MEASUREMENTS = Object.fromEntries(
  LEVEL_ORDER.flatMap((level) =>
    LEVELS[level].granularities.map((granularity) => [
      nameOf(level, granularity),
      { level, granularity, names: LEVELS[level].names, retention: granularity === '15m' ? 'default' : 'longShards' },
    ])
  )
) as Readonly<Record<CounterMeasurement, MeasurementRule>>;

/** Which name tags each counter measurement keeps (counterLine writes these). */
export const MEASUREMENT_NAMES = Object.fromEntries(
  Object.entries(MEASUREMENTS).map(([measurement, rule]) => [measurement, rule.names])
) as Readonly<Record<CounterMeasurement, KeptNames>>;

/** The detailed level an event's own counters go to; the store adds the rollups. */
export const COUNTS_MEASUREMENT: CounterMeasurement = 'mail_counts';

/** What a query filters or groups by, and which counters it sums. */
export interface LevelNeeds {
  template: boolean;
  domain: boolean;
  code: boolean;
  axis: string;
  /** Undefined: every kind. */
  kinds?: readonly string[];
}

function feeds(rule: LevelRule, needs: LevelNeeds): boolean {
  const names = rule.names;
  const hasNames =
    (names.template || !needs.template) && (names.domain || !needs.domain) && (names.code || !needs.code);
  const only = rule.only;
  const hasCounters =
    only === undefined || (needs.axis === only.axis && needs.kinds?.length === 1 && needs.kinds[0] === only.kind);
  return hasNames && hasCounters;
}

/** The least detailed level that has every name a query needs and every counter it sums. */
export function levelFor(needs: LevelNeeds): CounterLevel {
  // mail_counts keeps everything and every counter feeds it.
  return LEVEL_ORDER.find((level) => feeds(LEVELS[level], needs)) ?? 'mail_counts';
}

/** A level's piece sizes, coarsest first. */
export function granularitiesOf(level: CounterLevel): readonly Granularity[] {
  return [...LEVELS[level].granularities].reverse();
}

export function measurementOf(level: CounterLevel, granularity: Granularity): CounterMeasurement {
  if (!(LEVELS[level].granularities as readonly Granularity[]).includes(granularity)) {
    throw new Error(`${level} keeps no ${granularity} pieces`);
  }
  return nameOf(level, granularity);
}

interface RollupKey {
  measurement: CounterMeasurement;
  axis: string;
  kind: string;
  code: string;
  template: string;
  domain: string;
  /** Piece start, epoch ms: 15-minute bucket in a detailed key. */
  bucket: number;
}

/** A measurement a detailed counter adds to: the names it keeps and its piece size. */
export interface RollupTarget {
  measurement: CounterMeasurement;
  names: KeptNames;
  pieceMs: number;
}

/** The measurements a detailed counter (mail_counts) of this axis and kind adds to, itself not included. */
export function rollupTargets(axis: string, kind: string): RollupTarget[] {
  const needs = { template: false, domain: false, code: false, axis, kinds: [kind] };
  return (Object.keys(MEASUREMENTS) as CounterMeasurement[])
    .filter((measurement) => measurement !== COUNTS_MEASUREMENT && feeds(LEVELS[MEASUREMENTS[measurement].level], needs))
    .map((measurement) => ({
      measurement,
      names: MEASUREMENTS[measurement].names,
      pieceMs: GRANULARITY_MS[MEASUREMENTS[measurement].granularity],
    }));
}

/**
 * Every counter a detailed counter (a 15-minute piece of mail_counts) adds to, itself not
 * included: each level it feeds, at each granularity, without the names the level drops and
 * with the bucket floored to the piece (hour or UTC day) that holds it.
 */
export function rollupsOf<K extends RollupKey>(key: K): K[] {
  return rollupTargets(key.axis, key.kind).map(({ measurement, names, pieceMs }) => ({
    ...key,
    measurement,
    template: names.template ? key.template : '',
    domain: names.domain ? key.domain : '',
    code: names.code ? key.code : '',
    bucket: Math.floor(key.bucket / pieceMs) * pieceMs,
  }));
}
