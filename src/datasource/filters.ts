import type { ScopedVars } from '@grafana/data';
import type { TemplateSrv } from '@grafana/runtime';
import { ALL_MARKER } from '../../contract/params';
import type { FilterKey } from '../../contract/views';
import type { MailQuery, ValuesKind } from './types';

/** The query property holding each filter's values. */
export const FILTER_QUERY_KEYS: Readonly<Record<FilterKey, 'templates' | 'domains' | 'resultCodes'>> = {
  template: 'templates',
  domain: 'domains',
  resultCode: 'resultCodes',
};

/** The /api/v1/values/<kind> endpoint suggesting each filter's values. */
export const FILTER_VALUES_KINDS: Readonly<Record<FilterKey, ValuesKind>> = {
  template: 'templates',
  domain: 'domains',
  resultCode: 'result-codes',
};

// Joins a multi-value variable's values; names may hold commas, spaces and newlines, never NUL.
const VALUE_SEPARATOR = '\u0000';
const joinVariableValues = (value: string | string[]) => (Array.isArray(value) ? value.join(VALUE_SEPARATOR) : value);

/**
 * A filter's values with template variables replaced, multi-value ones expanded to one value
 * each; undefined (no filter) when nothing is left or a value is the All marker.
 */
export function interpolateFilter(
  values: readonly string[] | undefined,
  templateSrv: Pick<TemplateSrv, 'replace'>,
  scopedVars?: ScopedVars
): string[] | undefined {
  const expanded = (values ?? [])
    .flatMap((value) => templateSrv.replace(value, scopedVars, joinVariableValues).split(VALUE_SEPARATOR))
    .filter((value) => value !== '');
  if (expanded.length === 0 || expanded.includes(ALL_MARKER)) {
    return undefined;
  }
  return Array.from(new Set(expanded));
}

/** The filter values a query sets for one filter. */
export function queryFilterValues(query: MailQuery, filter: FilterKey): string[] | undefined {
  return query[FILTER_QUERY_KEYS[filter]];
}
