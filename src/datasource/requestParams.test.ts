import { queryView, statsParams, type RequestContext } from './requestParams';
import { fakeTemplateSrv } from './testing/fakeTemplateSrv';
import type { MailQuery } from './types';

const templateSrv = fakeTemplateSrv({ template: ['welcome', 'receipt'], all: '$__all', month: '2026-02' });
const DAY = 86_400_000;
const from = Date.parse('2026-03-01T00:00:00Z');
const weekContext: RequestContext = {
  from,
  to: from + 7 * DAY,
  intervalMs: (7 * DAY) / 1000,
  timeZone: 'Europe/Berlin',
};

const entries = (params: URLSearchParams) => Array.from(params.entries());

describe('statsParams', () => {
  it('sends range, zone, auto interval and the time view filters', () => {
    const query: MailQuery = {
      refId: 'A',
      view: 'request-date',
      interval: 'auto',
      templates: ['$template'],
      domains: ['a.example'],
    };
    expect(entries(statsParams(query, weekContext, templateSrv))).toEqual([
      ['tz', 'Europe/Berlin'],
      ['from', String(from)],
      ['to', String(from + 7 * DAY)],
      ['interval', '1d'],
      ['template', 'welcome'],
      ['template', 'receipt'],
      ['domain', 'a.example'],
    ]);
  });

  it('ignores filters the view has not and drops filters set to All', () => {
    const query: MailQuery = {
      refId: 'A',
      view: 'send-date',
      interval: '1h',
      templates: ['$all'],
      resultCodes: ['MAIL_SENT'],
    };
    expect(entries(statsParams(query, { ...weekContext, timeZone: undefined }, templateSrv))).toEqual([
      ['from', String(from)],
      ['to', String(from + 7 * DAY)],
      ['interval', '1h'],
    ]);
  });

  it('sends top for domains only, and result-code filters for distribution views', () => {
    const domains: MailQuery = { refId: 'A', view: 'domains', top: 5, resultCodes: ['MAILBOX_ERROR', 'SMTP_ERROR'] };
    expect(entries(statsParams(domains, weekContext, templateSrv)).slice(4)).toEqual([
      ['resultCode', 'MAILBOX_ERROR'],
      ['resultCode', 'SMTP_ERROR'],
      ['top', '5'],
    ]);
    const codes: MailQuery = { ...domains, view: 'result-codes' };
    expect(statsParams(codes, weekContext, templateSrv).has('top')).toBe(false);
  });

  it('asks the sending limit for the month the range ends in, in the zone', () => {
    const endsAtBerlinAprilFirst = { ...weekContext, to: Date.parse('2026-03-31T22:30:00Z') };
    const query: MailQuery = { refId: 'A', view: 'sending-limit', months: 2 };
    expect(entries(statsParams(query, endsAtBerlinAprilFirst, templateSrv))).toEqual([
      ['tz', 'Europe/Berlin'],
      ['month', '2026-04'],
      ['months', '2'],
    ]);
    const utcRangeEndingAtMidnight = { ...weekContext, timeZone: undefined, to: Date.parse('2026-04-01T00:00:00Z') };
    expect(entries(statsParams(query, utcRangeEndingAtMidnight, templateSrv))).toEqual([
      ['month', '2026-03'],
      ['months', '2'],
    ]);
  });

  it('takes a chosen month, template variables included', () => {
    const query: MailQuery = { refId: 'A', view: 'sending-limit', month: '$month' };
    expect(entries(statsParams(query, weekContext, templateSrv))).toEqual([
      ['tz', 'Europe/Berlin'],
      ['month', '2026-02'],
    ]);
  });
});

describe('queryView', () => {
  it('gives the default view to a query without one', () => {
    expect(queryView({ refId: 'A' } as MailQuery).id).toBe('request-date');
    expect(queryView({ refId: 'A', view: 'domains' }).id).toBe('domains');
  });
});
