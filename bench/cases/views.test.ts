import { fromRawMeasurement, viewParams } from './views';

describe('views case', () => {
  it('reads any counter measurement of the backend as the raw one', () => {
    expect(fromRawMeasurement(`SELECT sum("n") AS "n" FROM "mail_totals" WHERE "account" = 'bench'; SELECT sum("n") AS "n" FROM "mda_long_shards"."mail_results_by_domain_1d" WHERE x`)).toBe(
      `SELECT sum("n") AS "n" FROM "mail_counts" WHERE "account" = 'bench'; SELECT sum("n") AS "n" FROM "mail_counts" WHERE x`
    );
  });

  it('asks for 90 local days by day, and three months of the sending limit', () => {
    const now = Date.parse('2026-03-15T03:00:00Z');
    expect(viewParams('domains', 'Asia/Seoul', now).toString()).toBe(
      `from=${Date.parse('2025-12-14T15:00:00Z')}&to=${now}&tz=Asia%2FSeoul&interval=1d`
    );
    expect(viewParams('sending-limit', 'UTC', now).toString()).toBe('tz=UTC&months=3');
  });
});
