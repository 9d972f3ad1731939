import { autoInterval, queryInterval } from './interval';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('autoInterval', () => {
  it('gives hours for a day, days for a week or a quarter, weeks for a year, months beyond', () => {
    // Grafana's intervalMs for a ~1000 px panel is range / 1000.
    expect(autoInterval(DAY / 1000, DAY)).toBe('1h');
    expect(autoInterval((3 * DAY) / 1000, 3 * DAY)).toBe('1h');
    expect(autoInterval((7 * DAY) / 1000, 7 * DAY)).toBe('1d');
    expect(autoInterval((90 * DAY) / 1000, 90 * DAY)).toBe('1d');
    expect(autoInterval((365 * DAY) / 1000, 365 * DAY)).toBe('1w');
    expect(autoInterval((5 * 365 * DAY) / 1000, 5 * 365 * DAY)).toBe('1M');
    expect(autoInterval((20 * 365 * DAY) / 1000, 20 * 365 * DAY)).toBe('1M');
  });

  it('never goes finer than the interval Grafana allows (e.g. a min interval of 1d)', () => {
    expect(autoInterval(DAY, DAY)).toBe('1d');
    expect(autoInterval(2 * DAY, 10 * DAY)).toBe('1w');
  });
});

describe('queryInterval', () => {
  it('keeps a fixed interval and resolves auto or nothing', () => {
    expect(queryInterval('1w', HOUR, DAY)).toBe('1w');
    expect(queryInterval('auto', (7 * DAY) / 1000, 7 * DAY)).toBe('1d');
    expect(queryInterval(undefined, DAY / 1000, DAY)).toBe('1h');
  });
});
