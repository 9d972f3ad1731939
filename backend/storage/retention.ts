/**
 * The retention policy of the hourly and daily pieces (schema.ts `retention: 'longShards'`).
 * InfluxDB 1.x opens a cursor per series and per shard: in the default 7-day shards a 90-day
 * ranking of 2,000 domains opens about 26,000; with one shard per ten years, 2,000. Where the
 * server refuses CREATE RETENTION POLICY (InfluxDB 2.x/3.x/Cloud through the v1 API: there an
 * operator maps database/policy to a bucket, docs/running.md) the pieces stay in the default
 * retention policy, which reads the same numbers, only slower.
 */
import { InfluxUnavailableError, type InfluxClient } from './influxClient';
import { influxIdentifier, influxString } from './lineProtocol';
import { MEASUREMENTS, type CounterMeasurement, type Retention } from './schema';

/** One shard group holds ten years, so a view's range is one shard per series. */
export const LONG_SHARD_DURATION = '520w';
/** A coarse measurement every counter feeds: whether a writer's pieces are somewhere shows in it. */
const PROBE_MEASUREMENT: CounterMeasurement = 'mail_totals_1d';

/** The retention policy a measurement's points are written to and read from; undefined: the default one. */
export const retentionPolicyOf = (influx: InfluxClient, measurement: CounterMeasurement) =>
  policyFor(influx, MEASUREMENTS[measurement].retention);

/** The retention policy of a measurement kept as `retention` says; undefined: the default one. */
function policyFor(influx: InfluxClient, retention: Retention): string | undefined {
  if (retention === 'default') {
    return undefined;
  }
  const state = influx.longShards;
  if (state.status === 'pending') {
    throw new InfluxUnavailableError(
      'InfluxDB has not answered since the start: the retention policy of hourly and daily pieces is not known yet'
    );
  }
  return state.status === 'ready' ? state.retentionPolicy : undefined;
}

/** The measurement as a FROM clause names it: `"policy"."measurement"` or, in the default policy, `"measurement"`. */
export function measurementRef(influx: InfluxClient, measurement: CounterMeasurement): string {
  const policy = retentionPolicyOf(influx, measurement);
  return `${policy === undefined ? '' : `${influxIdentifier(policy)}.`}${influxIdentifier(measurement)}`;
}

/** Writes counter lines, one write per retention policy, concurrently. */
export async function writeCounterLines(
  influx: InfluxClient,
  lines: ReadonlyArray<{ retention: Retention; line: string }>
): Promise<void> {
  const byPolicy = new Map<string | undefined, string[]>();
  for (const { retention, line } of lines) {
    const policy = policyFor(influx, retention);
    const group = byPolicy.get(policy);
    if (group) {
      group.push(line);
    } else {
      byPolicy.set(policy, [line]);
    }
  }
  await Promise.all([...byPolicy].map(([policy, group]) => influx.write(group, policy)));
}

async function policiesOf(influx: InfluxClient): Promise<string[] | undefined> {
  try {
    const [result] = await influx.query(`SHOW RETENTION POLICIES ON ${influxIdentifier(influx.settings.database)}`);
    return (result?.series[0]?.values ?? []).map((row) => String(row[0]));
  } catch (error) {
    if (error instanceof InfluxUnavailableError) {
      throw error;
    }
    return undefined;
  }
}

async function hasPiecesOf(influx: InfluxClient, writerId: string, policy: string | undefined): Promise<boolean> {
  const from = `${policy === undefined ? '' : `${influxIdentifier(policy)}.`}${influxIdentifier(PROBE_MEASUREMENT)}`;
  const [result] = await influx.query(`SELECT "n" FROM ${from} WHERE "writer" = ${influxString(writerId)} LIMIT 1`);
  return (result?.series.length ?? 0) > 0;
}

/** Whether statements can read from the policy (it exists or is mapped). */
async function answers(influx: InfluxClient, policy: string): Promise<boolean> {
  try {
    await hasPiecesOf(influx, '', policy);
    return true;
  } catch (error) {
    if (error instanceof InfluxUnavailableError) {
      throw error;
    }
    return false;
  }
}

/**
 * Finds or makes the long-shard retention policy and sets `influx.longShards`. Resolves to
 * true when this writer's hourly and daily pieces are in the default policy but not yet in
 * the long-shard one (written by a version before it): the caller then re-sends every counter.
 */
export async function prepareLongShards(influx: InfluxClient, writerId: string): Promise<boolean> {
  const policy = influx.settings.longShardRetentionPolicy;
  if (policy === undefined) {
    return false;
  }
  const database = influx.settings.database;
  if (!(await policiesOf(influx))?.includes(policy)) {
    try {
      await influx.query(
        `CREATE RETENTION POLICY ${influxIdentifier(policy)} ON ${influxIdentifier(database)} ` +
          `DURATION INF REPLICATION 1 SHARD DURATION ${LONG_SHARD_DURATION}`
      );
    } catch (error) {
      if (error instanceof InfluxUnavailableError) {
        throw error;
      }
      // An operator may have mapped it (a DBRP mapping on 2.x) where the server lists and makes none.
      if (!(await answers(influx, policy))) {
        influx.longShards = {
          status: 'default',
          reason:
            `InfluxDB refused CREATE RETENTION POLICY ${JSON.stringify(policy)} (${(error as Error).message}): hourly and ` +
            `daily pieces use the default retention policy (same numbers, slower long ranges). On InfluxDB 2.x/3.x map ` +
            `database ${JSON.stringify(database)} and retention policy ${JSON.stringify(policy)} to a bucket with a long ` +
            `shard group duration (DBRP mapping), then restart the backend`,
        };
        return false;
      }
    }
  }
  influx.longShards = { status: 'ready', retentionPolicy: policy };
  return !(await hasPiecesOf(influx, writerId, policy)) && (await hasPiecesOf(influx, writerId, undefined));
}
