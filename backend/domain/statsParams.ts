/**
 * Parameters of the statistics endpoints (api.md, "Statistics"), validated into one
 * request. Each filter value is taken whole (commas included); Grafana's `var-NAME`
 * spelling and its All marker `$__all` are understood too.
 */
import { DateTime } from 'luxon';
import { badRequest } from './errors';
import { canonicalHostName } from './hostName';
import { ALL_MARKER, MONTHS, MONTH_PATTERN, TOP, takesTop } from '../contract/params';
import { RESULT_CODES } from '../contract/resultCodes';
import { planBuckets } from './timeBuckets';
import { canonicalZone, parseQueryTime } from './timestamps';
import type { FilterKey, Interval, ViewDefinition } from '../contract/views';
import type { Choices } from './openApiSchemas';
import { choicesText, MONTH_RANGE, QUERY_PARAMETERS } from './queryParameters';

export type RawParams = Record<string, unknown>;

export interface StatsFilters {
  template: string[];
  domain: string[];
  resultCode: string[];
}

export interface StatsRequest {
  account: string;
  from: number;
  to: number;
  tz: string;
  interval: Interval;
  filters: StatsFilters;
  /** Domains listed before the rest is summed as (other); Infinity for `top=all` (every domain). */
  top: number;
  /** Sending limit: YYYY-MM and how many months back, `month` included. */
  month: string;
  months: number;
  format: (typeof QUERY_PARAMETERS.format.schema.enum)[number];
}

const MAX_FILTER_VALUES = 500;
/** Room for 500 values of each filter together, with every other parameter: the query parser applies all or refuses. */
export const MAX_QUERY_PARAMETERS = 2000;
/** Cells (series entries: buckets x rows) of one answer; beyond it memory and body size grow without bound. */
export const MAX_ANSWER_CELLS = 300_000;
const APPROX_MS: Record<Interval, number> = {
  '1h': 3_600_000,
  '1d': 86_400_000,
  '1w': 604_800_000,
  '1M': 2_592_000_000,
};
const MAX_BUCKETS = 10_000;

function values(raw: RawParams, name: string): string[] {
  const collected: string[] = [];
  for (const key of [name, `var-${name}`]) {
    const value = raw[key];
    if (value === undefined) {
      continue;
    }
    for (const item of Array.isArray(value) ? value : [value]) {
      if (typeof item !== 'string') {
        throw badRequest('invalid_parameter', `${key} must be given as plain text values`);
      }
      collected.push(item);
    }
  }
  return collected;
}

function single(raw: RawParams, name: string): string | undefined {
  const all = values(raw, name);
  if (all.length > 1) {
    throw badRequest('invalid_parameter', `${name} must be given once`);
  }
  return all[0];
}

/** `strict`: a filter the view does not take is an error; otherwise it is left out (whole-workbook export). */
function filterValues(raw: RawParams, name: FilterKey, view: ViewDefinition, strict: boolean): string[] {
  const given = values(raw, name);
  if (given.includes(ALL_MARKER)) {
    return [];
  }
  const taken = given.filter((value) => value !== '');
  if (taken.length === 0) {
    return [];
  }
  if (!view.filters.includes(name)) {
    if (!strict) {
      return [];
    }
    throw badRequest(
      'invalid_filter',
      `the ${view.id} view cannot be filtered by ${name}; it takes ${view.filters.join(', ') || 'no filters'}`
    );
  }
  if (taken.length > MAX_FILTER_VALUES) {
    throw badRequest('invalid_filter', `${name} takes at most ${MAX_FILTER_VALUES} values`);
  }
  if (name === 'domain') {
    // Stored names are canonical host names; any other value can only match nothing.
    return [...new Set(taken.map((value) => canonicalHostName(value) ?? value.toLowerCase()))];
  }
  if (name === 'resultCode') {
    const unknown = taken.filter((code) => !RESULT_CODES.has(code));
    if (unknown.length > 0) {
      throw badRequest('invalid_filter', `unknown result code ${JSON.stringify(unknown[0].slice(0, 100))}`);
    }
  }
  return [...new Set(taken)];
}

/** A parameter with choices (QUERY_PARAMETERS): its value, or its default when absent or empty. */
function chosen<Value extends string>(raw: RawParams, name: string, allowed: Choices<Value>, code: string): Value {
  const value = single(raw, name) || allowed.default;
  if (!allowed.enum.includes(value as Value)) {
    throw badRequest(code, `${name} must be ${choicesText(allowed.enum)}`);
  }
  return value as Value;
}

/** `alternative`: the one word also taken in place of a number (named in the error). */
function wholeNumber(
  raw: RawParams,
  name: string,
  min: number,
  max: number,
  fallback: number,
  alternative?: string
): number {
  const text = single(raw, name);
  if (text === undefined || text === '') {
    return fallback;
  }
  if (!/^\d+$/.test(text) || Number(text) < min || Number(text) > max) {
    const or = alternative ? ` or ${alternative}` : '';
    throw badRequest('invalid_parameter', `${name} must be a whole number from ${min} to ${max}${or}`);
  }
  return Number(text);
}

function time(raw: RawParams, name: 'from' | 'to', tz: string, fallback: number): number {
  const text = single(raw, name);
  if (text === undefined || text === '') {
    return fallback;
  }
  const parsed = parseQueryTime(text, tz);
  if (typeof parsed === 'string') {
    throw badRequest('invalid_time', `${name} ${parsed}`);
  }
  return parsed;
}

/** The zone as the tz database spells it: answers name it so, and InfluxDB is given only such names. */
export function parseZone(raw: RawParams, defaultZone: string): string {
  const tz = single(raw, 'tz') || defaultZone;
  const canonical = canonicalZone(tz);
  if (canonical === undefined) {
    throw badRequest(
      'invalid_tz',
      `tz ${JSON.stringify(tz.slice(0, 100))} is not an IANA time zone (e.g. Asia/Seoul, Europe/Berlin, UTC)`
    );
  }
  return canonical;
}

/**
 * The one cap on an answer's size: `buckets` x `rows` cells at most MAX_ANSWER_CELLS.
 * `narrowRows` says how to ask for fewer rows (e.g. "a smaller top").
 */
export function checkAnswerCells(buckets: number, rows: number, narrowRows: string): void {
  if (buckets * rows > MAX_ANSWER_CELLS) {
    throw badRequest(
      'answer_too_large',
      `the answer would have ${buckets} buckets x ${rows} rows = ${buckets * rows} cells; at most ${MAX_ANSWER_CELLS} are allowed: choose a longer interval, a shorter range or ${narrowRows}`
    );
  }
}

/** Rows a distribution view can have before its data is read: top plus "(other)", or every code asked for. */
function checkDistributionCells(view: ViewDefinition, request: StatsRequest): void {
  const buckets = planBuckets(request.from, request.to, request.interval, request.tz).starts.length;
  if (takesTop(view)) {
    // top=all: the rows are known only once read; the view checks then (queryGateway.ts).
    if (Number.isFinite(request.top)) {
      checkAnswerCells(buckets, request.top + 1, 'a smaller top');
    }
  } else {
    const codes = request.filters.resultCode.length || RESULT_CODES.size;
    checkAnswerCells(buckets, codes, 'fewer resultCode values');
  }
}

/** [from, to) of the `days` local days that end with today. */
export function lastDays(now: number, tz: string, days: number): { from: number; to: number } {
  const tomorrow = DateTime.fromMillis(now, { zone: tz }).startOf('day').plus({ days: 1 });
  return { from: tomorrow.minus({ days }).toMillis(), to: tomorrow.toMillis() };
}

export function parseRange(raw: RawParams, tz: string, now: number, defaultDays: number): { from: number; to: number } {
  const fallback = lastDays(now, tz, defaultDays);
  const from = time(raw, 'from', tz, fallback.from);
  const to = time(raw, 'to', tz, fallback.to);
  if (from >= to) {
    throw badRequest('invalid_time', 'from must be before to');
  }
  return { from, to };
}

export function parseStatsParams(
  raw: RawParams,
  view: ViewDefinition,
  account: string,
  defaultZone: string,
  now: number,
  strict = true
): StatsRequest {
  const tz = parseZone(raw, defaultZone);
  const { from, to } = parseRange(raw, tz, now, 7);
  const interval = chosen(raw, 'interval', QUERY_PARAMETERS.interval.schema, 'invalid_interval');
  if ((to - from) / APPROX_MS[interval] > MAX_BUCKETS) {
    throw badRequest(
      'invalid_interval',
      `the range has more than ${MAX_BUCKETS} buckets of ${interval}: choose a longer interval or a shorter range`
    );
  }
  const month = single(raw, 'month') || DateTime.fromMillis(now, { zone: tz }).toFormat('yyyy-MM');
  if (!MONTH_PATTERN.test(month) || month < MONTH_RANGE.first || month > MONTH_RANGE.last) {
    throw badRequest('invalid_parameter', `month must be YYYY-MM between ${MONTH_RANGE.first} and ${MONTH_RANGE.last}`);
  }
  const format = chosen(raw, 'format', QUERY_PARAMETERS.format.schema, 'invalid_parameter');
  const request: StatsRequest = {
    account,
    from,
    to,
    tz,
    interval,
    filters: {
      template: filterValues(raw, 'template', view, strict),
      domain: filterValues(raw, 'domain', view, strict),
      resultCode: filterValues(raw, 'resultCode', view, strict),
    },
    // top=all: every domain, no (other) row; streamed into a sheet of any length.
    top:
      single(raw, 'top') === TOP.all
        ? Number.POSITIVE_INFINITY
        : wholeNumber(raw, 'top', TOP.min, TOP.max, TOP.default, TOP.all),
    month,
    months: wholeNumber(raw, 'months', MONTHS.min, MONTHS.max, MONTHS.default),
    format,
  };
  if (view.shape === 'distribution') {
    checkDistributionCells(view, request);
  }
  return request;
}
