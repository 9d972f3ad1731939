import type { ScopedVars } from '@grafana/data';
import { interpolateFilter, queryFilterValues } from './filters';
import { fakeTemplateSrv } from './testing/fakeTemplateSrv';

const templateSrv = fakeTemplateSrv({
  template: ['welcome, new users', 'receipt'],
  domain: 'example.com',
  all: '$__all',
  empty: '',
});

describe('interpolateFilter', () => {
  it('keeps plain values whole, commas and spaces included', () => {
    expect(interpolateFilter(['welcome, new users', '(none)'], templateSrv)).toEqual(['welcome, new users', '(none)']);
  });

  it('expands multi-value variables into one value each and removes repeats', () => {
    expect(interpolateFilter(['$template', 'receipt', '${domain}'], templateSrv)).toEqual([
      'welcome, new users',
      'receipt',
      'example.com',
    ]);
  });

  it('drops the filter for the All marker, empty values or no values', () => {
    expect(interpolateFilter(['$all'], templateSrv)).toBeUndefined();
    expect(interpolateFilter(['receipt', '$all'], templateSrv)).toBeUndefined();
    expect(interpolateFilter(['$empty'], templateSrv)).toBeUndefined();
    expect(interpolateFilter([], templateSrv)).toBeUndefined();
    expect(interpolateFilter(undefined, templateSrv)).toBeUndefined();
  });

  it('uses the scoped variables of a repeated panel', () => {
    const scopedVars: ScopedVars = { domain: { text: 'mail.example.org', value: 'mail.example.org' } };
    expect(interpolateFilter(['$domain'], templateSrv, scopedVars)).toEqual(['mail.example.org']);
  });
});

describe('queryFilterValues', () => {
  it('reads the query property of each filter', () => {
    const query = {
      refId: 'A',
      view: 'domains' as const,
      templates: ['a'],
      domains: ['b'],
      resultCodes: ['MAIL_SENT'],
    };
    expect(queryFilterValues(query, 'template')).toEqual(['a']);
    expect(queryFilterValues(query, 'domain')).toEqual(['b']);
    expect(queryFilterValues(query, 'resultCode')).toEqual(['MAIL_SENT']);
  });
});
