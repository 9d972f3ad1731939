import { exportPageRequest } from './exportPageRequest';

const BASE = '/api/datasources/proxy/uid/mail-delivery-analytics/api/api/v1/export';
const NOW = Date.parse('2026-03-31T10:30:00Z');
const search = (pairs: Array<[string, string]>) => new URLSearchParams(pairs);

describe('exportPageRequest', () => {
  it('builds the export request of the dashboards link: views, range, zone, filter variables', () => {
    const request = exportPageRequest(
      search([
        ['datasource', 'mail-delivery-analytics'],
        ['views', 'request-date,domains'],
        ['from', '1772323200000'],
        ['to', '1775001600000'],
        ['tz', 'Asia/Seoul'],
        ['var-template', '환영 메일, "VIP"'],
        ['var-template', 'welcome'],
        ['var-domain', '$__all'],
        ['var-resultCode', 'MAIL_SENT'],
        ['var-resultCode', 'MAILBOX_ERROR'],
      ]),
      NOW
    );
    expect(request).toEqual({
      dataSourceUid: 'mail-delivery-analytics',
      viewTitles: ['By request date', 'By domain'],
      from: 1772323200000,
      to: 1775001600000,
      tz: 'Asia/Seoul',
      filters: { template: ['환영 메일, "VIP"', 'welcome'], resultCode: ['MAIL_SENT', 'MAILBOX_ERROR'] },
      url:
        `${BASE}?views=request-date%2Cdomains&from=1772323200000&to=1775001600000&tz=Asia%2FSeoul` +
        '&template=%ED%99%98%EC%98%81+%EB%A9%94%EC%9D%BC%2C+%22VIP%22&template=welcome' +
        '&resultCode=MAIL_SENT&resultCode=MAILBOX_ERROR',
      // 2026-03-01T00:00Z is 09:00 in Seoul; the range ends at 09:00 on 1 April there.
      fileName: 'Mail delivery statistics 2026-03-01–2026-04-01.xlsx',
    });
  });

  it('resolves Grafana relative times in the zone, and defaults to every view and the browser zone', () => {
    const berlin = exportPageRequest(
      search([
        ['datasource', 'ds'],
        ['from', 'now-30d/d'],
        ['to', 'now/d'],
        ['tz', 'Europe/Berlin'],
      ]),
      NOW
    );
    expect(new Date(berlin.from).toISOString()).toBe('2026-02-28T23:00:00.000Z');
    expect(new Date(berlin.to).toISOString()).toBe('2026-03-31T21:59:59.999Z');
    expect(berlin.viewTitles).toEqual([
      'By request date',
      'By send date',
      'By domain',
      'By result code',
      'By sending limit',
    ]);
    expect(berlin.fileName).toBe('Mail delivery statistics 2026-03-01–2026-03-31.xlsx');

    const browser = exportPageRequest(
      search([
        ['datasource', 'ds'],
        ['views', 'sending-limit'],
      ]),
      NOW
    );
    expect(browser.tz).toBe('UTC');
    expect(browser.from).toBe(NOW - 7 * 86_400_000);
    expect(browser.to).toBe(NOW);
    expect(browser.url).toBe(
      `/api/datasources/proxy/uid/ds/api/api/v1/export?views=sending-limit&from=${NOW - 7 * 86_400_000}&to=${NOW}&tz=UTC`
    );
    expect(browser.fileName).toBe('Mail delivery by sending limit 2026-03-24–2026-03-31.xlsx');
  });

  it('names what is wrong with the link', () => {
    const request = (pairs: Array<[string, string]>) => () => exportPageRequest(search(pairs), NOW);
    expect(request([['views', 'domains']])).toThrow('The link names no data source');
    expect(
      request([
        ['datasource', 'ds'],
        ['views', 'domains,hourly'],
      ])
    ).toThrow('Unknown views: hourly; views are request-date, send-date, domains, result-codes, sending-limit');
    expect(
      request([
        ['datasource', 'ds'],
        ['from', 'yesterday'],
      ])
    ).toThrow('from must be epoch milliseconds or a Grafana time such as now-30d; got "yesterday"');
    expect(
      request([
        ['datasource', 'ds'],
        ['tz', 'Mars/Olympus'],
      ])
    ).toThrow('tz must be an IANA time zone');
    expect(
      request([
        ['datasource', 'ds'],
        ['from', '2000'],
        ['to', '1000'],
      ])
    ).toThrow('The range is empty');
  });
});
