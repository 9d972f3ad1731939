import { median, percentile, ratio, summarize } from './summary';

describe('summary figures', () => {
  it('takes nearest-rank percentiles and the median of unsorted samples', () => {
    const samples = [9, 1, 8, 2, 7, 3, 6, 4, 5, 10];
    expect(percentile(samples, 50)).toBe(5);
    expect(percentile(samples, 95)).toBe(10);
    expect(percentile(samples, 10)).toBe(1);
    expect(median(samples)).toBe(5.5);
    expect(median([3, 1, 2])).toBe(2);
  });

  it('summarizes with min, max and rounding', () => {
    expect(summarize([1.234, 2.345, 3.456])).toEqual({ runs: 3, median: 2.3, p95: 3.5, min: 1.2, max: 3.5 });
    expect(ratio(10, 3)).toBe(3.33);
  });

  it('refuses to summarize nothing', () => {
    expect(() => percentile([], 50)).toThrow('no samples');
  });
});
