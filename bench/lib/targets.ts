/** The targets of issue 7, checked on ratios and latencies measured in the same run. */
import type { ViewId } from '../../contract/views';
import type { Summary } from './summary';

export interface TargetCheck {
  target: string;
  measured: number;
  limit: string;
  pass: boolean;
}

export const TARGETS = {
  ingestRatio: 1.0,
  ingestSpreadRatio: 0.5,
  viewP95Ms: 150,
  viewSpeedup: 20,
  viewScaling: 1.3,
  exportPeakRssMb: 300,
} as const;

export interface ViewLatencies {
  backend: Summary;
  speedupP50: number;
  speedupP95: number;
}

export function ingestTargets(ratio: number, spreadRatio?: number): TargetCheck[] {
  const checks = [{ target: 'ingest: backend events/s / raw points/s', measured: ratio, limit: `>= ${TARGETS.ingestRatio}`, pass: ratio >= TARGETS.ingestRatio }];
  if (spreadRatio !== undefined) {
    checks.push({
      target: 'ingest spread over 90 days: backend events/s / raw points/s',
      measured: spreadRatio,
      limit: `>= ${TARGETS.ingestSpreadRatio}`,
      pass: spreadRatio >= TARGETS.ingestSpreadRatio,
    });
  }
  return checks;
}

/** Per data set: p95 and speed-up over raw; between the smallest and the largest: how p95 and p50 grow. */
export function viewTargets(bySize: ReadonlyArray<{ label: string; views: Partial<Record<ViewId, ViewLatencies>> }>): TargetCheck[] {
  const checks: TargetCheck[] = [];
  for (const { label, views } of bySize) {
    for (const [id, figures] of Object.entries(views) as Array<[ViewId, ViewLatencies]>) {
      checks.push(
        { target: `views ${label} ${id}: backend p95 ms`, measured: figures.backend.p95, limit: `<= ${TARGETS.viewP95Ms}`, pass: figures.backend.p95 <= TARGETS.viewP95Ms },
        { target: `views ${label} ${id}: raw / backend at p50`, measured: figures.speedupP50, limit: `>= ${TARGETS.viewSpeedup}`, pass: figures.speedupP50 >= TARGETS.viewSpeedup },
        { target: `views ${label} ${id}: raw / backend at p95`, measured: figures.speedupP95, limit: `>= ${TARGETS.viewSpeedup}`, pass: figures.speedupP95 >= TARGETS.viewSpeedup }
      );
    }
  }
  if (bySize.length >= 2) {
    const small = bySize[0];
    const large = bySize[bySize.length - 1];
    for (const [id, figures] of Object.entries(large.views) as Array<[ViewId, ViewLatencies]>) {
      const base = small.views[id];
      if (!base) {
        continue;
      }
      for (const [name, pick] of [['p50', (s: Summary) => s.median], ['p95', (s: Summary) => s.p95]] as const) {
        const growth = Number((pick(figures.backend) / pick(base.backend)).toFixed(2));
        checks.push({
          target: `views ${id}: backend ${name} ${large.label} / ${small.label}`,
          measured: growth,
          limit: `<= ${TARGETS.viewScaling}`,
          pass: growth <= TARGETS.viewScaling,
        });
      }
    }
  }
  return checks;
}

export function exportTargets(summary: ReadonlyArray<{ rows: number; xlsxPeakRssMb: number }>): TargetCheck[] {
  return summary.map(({ rows, xlsxPeakRssMb }) => ({
    target: `export ${rows} rows xlsx: peak RSS MB`,
    measured: xlsxPeakRssMb,
    limit: `<= ${TARGETS.exportPeakRssMb}`,
    pass: xlsxPeakRssMb <= TARGETS.exportPeakRssMb,
  }));
}
