/** Values for Grafana variables: templates, domains and result codes seen in a range. */
import type { CounterTag } from '../storage/countsReader';
import type { QueryGateway } from './queryGateway';

export const VALUE_KINDS: Readonly<Record<string, CounterTag>> = {
  templates: 'template',
  domains: 'domain',
  'result-codes': 'code',
};

const MAX_VALUES = 1000;

export async function listValues(
  stats: QueryGateway,
  kind: string,
  account: string,
  range: { from: number; to: number },
  search: string,
  signal?: AbortSignal
): Promise<string[]> {
  const tag = VALUE_KINDS[kind];
  const [rows] = await stats.sums(
    [{ account, axis: 'request', kinds: tag === 'code' ? ['result'] : undefined, ...range, groupBy: [tag] }],
    signal
  );
  const needle = search.toLowerCase();
  return [...new Set(rows.map((row) => row.tags[tag]!))]
    .filter((value) => value.toLowerCase().includes(needle))
    .sort()
    .slice(0, MAX_VALUES);
}
