/**
 * What the backend stores in InfluxDB (documented in the README and used by alert rules).
 *
 * Counters are kept four times, at four levels of detail, so that a query reads only the
 * series it needs: a view without filters reads a few dozen series per account instead of
 * one per template x domain x code. Each measurement sums correctly on its own.
 */
export const LIMITS_MEASUREMENT = 'mail_limits';

export type CounterMeasurement = 'mail_counts' | 'mail_by_template' | 'mail_by_domain' | 'mail_totals';

/** Every tag: template and domain both. */
export const COUNTS_MEASUREMENT: CounterMeasurement = 'mail_counts';

/** Which name tags each counter measurement keeps. */
export const MEASUREMENT_NAMES: Readonly<Record<CounterMeasurement, { template: boolean; domain: boolean }>> = {
  mail_counts: { template: true, domain: true },
  mail_by_template: { template: true, domain: false },
  mail_by_domain: { template: false, domain: true },
  mail_totals: { template: false, domain: false },
};

/** The measurement with the least detail that still has the names a query filters or groups by. */
export function measurementFor(needsTemplate: boolean, needsDomain: boolean): CounterMeasurement {
  if (needsTemplate) {
    return needsDomain ? 'mail_counts' : 'mail_by_template';
  }
  return needsDomain ? 'mail_by_domain' : 'mail_totals';
}

/** The rollups a detailed counter (of mail_counts) adds to: the same key without template, domain or both. */
export function rollupsOf<K extends { measurement: CounterMeasurement; template: string; domain: string }>(
  key: K
): K[] {
  return [
    { ...key, measurement: 'mail_by_template', domain: '' },
    { ...key, measurement: 'mail_by_domain', template: '' },
    { ...key, measurement: 'mail_totals', template: '', domain: '' },
  ];
}
