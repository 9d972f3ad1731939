/**
 * What the backend stores in InfluxDB (documented in the README and used by alert rules).
 *
 * Counters are kept four times, at four levels of detail, so that a query reads only the
 * series it needs: a view without filters reads a few dozen series per account instead of
 * one per template x domain x code. Each measurement sums correctly on its own.
 */
export const LIMITS_MEASUREMENT = 'mail_limits';

export type CounterMeasurement =
  'mail_counts' | 'mail_by_template' | 'mail_by_domain' | 'mail_totals' | 'mail_results_by_domain';

/** Every tag: template and domain both. */
export const COUNTS_MEASUREMENT: CounterMeasurement = 'mail_counts';

/** Which name tags each counter measurement keeps (every one has account, axis, kind, writer). */
export const MEASUREMENT_NAMES: Readonly<
  Record<CounterMeasurement, { template: boolean; domain: boolean; code: boolean }>
> = {
  mail_counts: { template: true, domain: true, code: true },
  mail_by_template: { template: true, domain: false, code: true },
  mail_by_domain: { template: false, domain: true, code: true },
  mail_totals: { template: false, domain: false, code: true },
  // The domain view without a result-code filter: result events on the request date, by domain only.
  mail_results_by_domain: { template: false, domain: true, code: false },
};

/** The measurement with the least detail that still has the names a query filters or groups by. */
export function measurementFor(needsTemplate: boolean, needsDomain: boolean): CounterMeasurement {
  if (needsTemplate) {
    return needsDomain ? 'mail_counts' : 'mail_by_template';
  }
  return needsDomain ? 'mail_by_domain' : 'mail_totals';
}

interface RollupKey {
  measurement: CounterMeasurement;
  axis: string;
  kind: string;
  code: string;
  template: string;
  domain: string;
}

/**
 * The rollups a detailed counter (of mail_counts) adds to: the same key without template,
 * domain or both, and for a result on the request date, its domain alone.
 */
export function rollupsOf<K extends RollupKey>(key: K): K[] {
  const rollups: K[] = [
    { ...key, measurement: 'mail_by_template', domain: '' },
    { ...key, measurement: 'mail_by_domain', template: '' },
    { ...key, measurement: 'mail_totals', template: '', domain: '' },
  ];
  if (key.kind === 'result' && key.axis === 'request') {
    rollups.push({ ...key, measurement: 'mail_results_by_domain', template: '', code: '' });
  }
  return rollups;
}
