import { DOMAINS_VIEW, REQUEST_DATE_VIEW, SENDING_LIMIT_VIEW } from '../contract/views';
import { filterLines, headerLines } from './headerBlock';

const generatedAt = new Date('2026-04-01T08:30:15Z');

describe('filterLines', () => {
  it('says all, in italics, when there is no filter', () => {
    expect(filterLines('Template', undefined)).toEqual([{ label: 'Template', value: 'all', italic: true }]);
    expect(filterLines('Template', [])).toEqual([{ label: 'Template', value: 'all', italic: true }]);
  });

  it('gives one line per value, each exactly as given, the label on the first', () => {
    const names = ['welcome', '월간 프로모션: "VIP" 혜택 = 20% 할인', 'a,b', ' padded', 'two\nlines', '=1+1'];
    expect(filterLines('Template', names)).toEqual([
      { label: 'Template', value: 'welcome' },
      { label: '', value: '월간 프로모션: "VIP" 혜택 = 20% 할인' },
      { label: '', value: 'a,b' },
      { label: '', value: ' padded' },
      { label: '', value: 'two\nlines' },
      { label: '', value: '=1+1' },
    ]);
  });
});

describe('headerLines', () => {
  it('describes a time view: account, range, zone, interval, its filters, generated at', () => {
    const lines = headerLines(
      {
        view: REQUEST_DATE_VIEW,
        context: {
          account: 'acme',
          from: '2026-03-01T00:00:00+01:00',
          to: '2026-04-01T00:00:00+02:00',
          tz: 'Europe/Berlin',
          interval: '1d',
          filters: { template: ['welcome', 'a,b'], resultCode: ['MAIL_SENT'] },
        },
        rows: [],
      },
      generatedAt
    );
    expect(lines).toEqual([
      { label: 'Account', value: 'acme' },
      { label: 'Range', value: '2026-03-01 00:00 – 2026-04-01 00:00 (end excluded)' },
      { label: 'Time zone', value: 'Europe/Berlin' },
      { label: 'Interval', value: 'Day' },
      { label: 'Template', value: 'welcome' },
      { label: '', value: 'a,b' },
      { label: 'Domain', value: 'all', italic: true },
      { label: 'Generated at', value: new Date('2026-04-01T10:30:15Z'), numFmt: 'yyyy-mm-dd hh:mm:ss' },
    ]);
  });

  it('adds the top for the domains view, not the interval of a table without time', () => {
    const lines = headerLines(
      { view: DOMAINS_VIEW, context: { account: 'acme', tz: 'UTC', interval: '1h', filters: {}, top: 5 }, rows: [] },
      generatedAt
    );
    expect(lines.map((line) => line.label)).toEqual([
      'Account',
      'Time zone',
      'Template',
      'Domain',
      'Result code',
      'Top domains',
      'Generated at',
    ]);
    expect(lines[5]).toEqual({ label: 'Top domains', value: 5, numFmt: '#,##0' });
  });

  it('says all for top=all', () => {
    const context = { account: 'acme', tz: 'UTC', filters: {}, top: Number.POSITIVE_INFINITY };
    const lines = headerLines({ view: DOMAINS_VIEW, context, rows: [] }, generatedAt);
    expect(lines[5]).toEqual({ label: 'Top domains', value: 'all' });
  });

  it('describes the sending limit: months, limits and the change link', () => {
    const lines = headerLines(
      {
        view: SENDING_LIMIT_VIEW,
        context: { account: 'acme', tz: 'Asia/Seoul', filters: {}, month: '2026-03', months: 3 },
        rows: [],
        limit: { monthly: 100000, daily: null, changeRequestUrl: 'https://example.com/limits' },
      },
      generatedAt
    );
    expect(lines).toEqual([
      { label: 'Account', value: 'acme' },
      { label: 'Time zone', value: 'Asia/Seoul' },
      { label: 'Months', value: '2026-01–2026-03' },
      { label: 'Monthly limit', value: 100000, numFmt: '#,##0' },
      { label: 'Daily limit', value: 'not set' },
      { label: 'Limit change', value: { text: 'Request a limit change', hyperlink: 'https://example.com/limits' } },
      { label: 'Generated at', value: new Date('2026-04-01T17:30:15Z'), numFmt: 'yyyy-mm-dd hh:mm:ss' },
    ]);
  });
});
