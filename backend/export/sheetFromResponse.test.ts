import { VIEWS } from '../contract/views';
import {
  domainsContext,
  domainsResponse,
  requestDateContext,
  requestDateResponse,
  sendingLimitResponse,
} from '../../tests/backend/export/fixtures';
import { sheetFromResponse } from './sheetFromResponse';

describe('sheetFromResponse', () => {
  it('takes rows and totals of a time view as they are, range, zone and interval from the answer', () => {
    const sheet = sheetFromResponse(VIEWS['request-date'], requestDateResponse, {
      ...requestDateContext,
      tz: 'UTC',
      interval: '1h',
    });
    expect(sheet).toEqual({
      view: VIEWS['request-date'],
      context: {
        account: 'acme',
        filters: requestDateContext.filters,
        from: '2026-03-28T00:00:00+01:00',
        to: '2026-03-31T00:00:00+02:00',
        tz: 'Europe/Berlin',
        interval: '1d',
      },
      rows: requestDateResponse.rows,
      totals: requestDateResponse.totals,
    });
  });

  it('gives a distribution view a 100 % share total, none when nothing was counted', () => {
    expect(sheetFromResponse(VIEWS.domains, domainsResponse, domainsContext).totals).toEqual({ count: 1000, share: 1 });
    const empty = { ...domainsResponse, rows: [], totals: { count: 0 } };
    expect(sheetFromResponse(VIEWS.domains, empty, domainsContext).totals).toEqual({ count: 0, share: null });
  });

  it('lays the sending limit out as days with their month, plus months and limits', () => {
    const sheet = sheetFromResponse(VIEWS['sending-limit'], sendingLimitResponse, { account: 'acme', filters: {} });
    expect(sheet.context).toEqual({ account: 'acme', filters: {}, tz: 'Asia/Seoul', month: '2026-03', months: 2 });
    expect(sheet.rows).toEqual([
      { month: '2026-02', date: '2026-02-27', volume: 3000, cumulative: 3000, dailyShare: null },
      { month: '2026-02', date: '2026-02-28', volume: 2000, cumulative: 5000, dailyShare: null },
      { month: '2026-03', date: '2026-03-01', volume: 1500, cumulative: 1500, dailyShare: null },
    ]);
    expect(sheet.months).toBe(sendingLimitResponse.months);
    expect(sheet.limit).toBe(sendingLimitResponse.limit);
    expect(sheet.totals).toBeUndefined();
  });

  it('refuses the answer of another view', () => {
    expect(() => sheetFromResponse(VIEWS['send-date'], requestDateResponse, requestDateContext)).toThrow(
      'answer of view request-date given for view send-date'
    );
  });
});
