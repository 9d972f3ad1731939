import { exportTargets, ingestTargets, viewTargets, type ViewLatencies } from './targets';

const latencies = (median: number, p95: number, speedupP50: number, speedupP95: number): ViewLatencies => ({
  backend: { runs: 20, median, p95, min: median, max: p95 },
  speedupP50,
  speedupP95,
});

describe('targets', () => {
  it('checks the ingest ratio', () => {
    expect(ingestTargets(0.07)).toEqual([{ target: 'ingest: backend events/s / raw points/s', measured: 0.07, limit: '>= 1', pass: false }]);
    expect(ingestTargets(1)[0].pass).toBe(true);
  });

  it('checks view latency, speed-up and growth between the data sets', () => {
    const checks = viewTargets([
      { label: '1M', views: { domains: latencies(20, 30, 25, 21) } },
      { label: '10M', views: { domains: latencies(30, 160, 40, 19) } },
    ]);
    expect(checks.map(({ target, measured, pass }) => [target, measured, pass])).toEqual([
      ['views 1M domains: backend p95 ms', 30, true],
      ['views 1M domains: raw / backend at p50', 25, true],
      ['views 1M domains: raw / backend at p95', 21, true],
      ['views 10M domains: backend p95 ms', 160, false],
      ['views 10M domains: raw / backend at p50', 40, true],
      ['views 10M domains: raw / backend at p95', 19, false],
      ['views domains: backend p50 10M / 1M', 1.5, false],
      ['views domains: backend p95 10M / 1M', 5.33, false],
    ]);
  });

  it('checks the export peak memory per size', () => {
    expect(exportTargets([{ rows: 100000, xlsxPeakRssMb: 247.8 }, { rows: 1000000, xlsxPeakRssMb: 301 }]).map((check) => check.pass)).toEqual([true, false]);
  });
});
