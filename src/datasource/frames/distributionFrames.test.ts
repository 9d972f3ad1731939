import { FieldType } from '@grafana/data';
import type { DomainsResponse, ResultCodesResponse } from '../../../contract/apiTypes';
import { DOMAINS_VIEW, RESULT_CODES_VIEW } from '../../../contract/views';
import { distributionSeriesFrame, distributionTableFrame, drillDownLinks } from './distributionFrames';

const day1 = '2026-03-01T00:00:00+09:00';
const day2 = '2026-03-02T00:00:00+09:00';

const domains: DomainsResponse = {
  view: 'domains',
  from: day1,
  to: '2026-03-03T00:00:00+09:00',
  tz: 'Asia/Tokyo',
  interval: '1d',
  rows: [
    { domain: 'b.example', count: 5, share: 0.5 },
    { domain: 'a.example', count: 3, share: 0.3 },
    { domain: '(other)', count: 2, share: 0.2 },
  ],
  totals: { count: 10 },
  series: [
    { time: day1, domain: 'b.example', count: 4 },
    { time: day1, domain: 'a.example', count: 0 },
    { time: day1, domain: '(other)', count: 2 },
    { time: day2, domain: 'b.example', count: 1 },
    { time: day2, domain: 'a.example', count: 3 },
    { time: day2, domain: '(other)', count: 0 },
  ],
};

const resultCodes: ResultCodesResponse = {
  view: 'result-codes',
  from: day1,
  to: day2,
  tz: 'Asia/Tokyo',
  interval: '1d',
  rows: [
    { resultCode: 'MAIL_SENT', class: 'delivered', count: 7, share: 0.875 },
    { resultCode: 'MAILBOX_ERROR', class: 'bounced', count: 1, share: 0.125 },
  ],
  totals: { count: 8 },
  series: [
    { time: day1, resultCode: 'MAIL_SENT', count: 7 },
    { time: day1, resultCode: 'MAILBOX_ERROR', count: 1 },
  ],
};

describe('drillDownLinks', () => {
  const [link] = drillDownLinks(DOMAINS_VIEW);
  const valueIs = (raw: string) => (text: string) => text.replace('${__value.raw}', raw);

  it('builds the link of a domain row from its URL', () => {
    expect(link.onBuildUrl!({ origin: {}, replaceVariables: valueIs('a.example') })).toBe(link.url);
  });

  it('builds no link for (other)', () => {
    expect(link.onBuildUrl!({ origin: {}, replaceVariables: valueIs('(other)') })).toBe('');
  });
});

describe('distributionTableFrame', () => {
  it('lists domains with count and share', () => {
    const frame = distributionTableFrame(domains, DOMAINS_VIEW, 'B');
    expect(frame.refId).toBe('B');
    expect(frame.fields).toEqual([
      {
        name: 'domain',
        type: FieldType.string,
        values: ['b.example', 'a.example', '(other)'],
        config: {
          displayName: 'Domain',
          links: [
            {
              title: 'By result code for ${__value.raw}',
              url: '/d/mda-result-codes?${__url_time_range}&${datasource:queryparam}&${template:queryparam}&var-domain=${__value.raw}',
              onBuildUrl: expect.any(Function),
            },
          ],
        },
      },
      { name: 'count', type: FieldType.number, values: [5, 3, 2], config: { displayName: 'Count', unit: 'short' } },
      {
        name: 'share',
        type: FieldType.number,
        values: [0.5, 0.3, 0.2],
        config: { displayName: 'Share', unit: 'percentunit' },
      },
    ]);
  });

  it('lists result codes with their class', () => {
    const frame = distributionTableFrame(resultCodes, RESULT_CODES_VIEW, 'A');
    expect(frame.fields.map((field) => [field.config.displayName, field.values])).toEqual([
      ['Result code', ['MAIL_SENT', 'MAILBOX_ERROR']],
      ['Class', ['delivered', 'bounced']],
      ['Count', [7, 1]],
      ['Share', [0.875, 0.125]],
    ]);
  });

  it('keeps a null share (no result events at all)', () => {
    const empty: DomainsResponse = { ...domains, rows: [{ domain: 'a.example', count: 0, share: null }] };
    expect(distributionTableFrame(empty, DOMAINS_VIEW, 'A').fields[2].values).toEqual([null]);
  });
});

describe('distributionSeriesFrame', () => {
  it('has one count field per domain, (other) included, over the buckets', () => {
    const frame = distributionSeriesFrame(domains, DOMAINS_VIEW, 'A');
    expect(frame.fields).toEqual([
      {
        name: 'time',
        type: FieldType.time,
        values: [Date.parse('2026-02-28T15:00:00Z'), Date.parse('2026-03-01T15:00:00Z')],
        config: {},
      },
      {
        name: 'b.example',
        type: FieldType.number,
        values: [4, 1],
        config: { displayName: 'b.example', unit: 'short' },
      },
      {
        name: 'a.example',
        type: FieldType.number,
        values: [0, 3],
        config: { displayName: 'a.example', unit: 'short' },
      },
      { name: '(other)', type: FieldType.number, values: [2, 0], config: { displayName: '(other)', unit: 'short' } },
    ]);
  });

  it('has one count field per result code', () => {
    const frame = distributionSeriesFrame(resultCodes, RESULT_CODES_VIEW, 'A');
    expect(frame.fields.map((field) => [field.name, field.values])).toEqual([
      ['time', [Date.parse('2026-02-28T15:00:00Z')]],
      ['MAIL_SENT', [7]],
      ['MAILBOX_ERROR', [1]],
    ]);
  });
});
