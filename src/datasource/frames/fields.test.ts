import { FieldType } from '@grafana/data';
import { DOMAINS_VIEW, RATE_DEFINITIONS } from '../../../contract/views';
import { bucketTimeField, columnField, pickColumns } from './fields';

describe('columnField', () => {
  it('shows counts as short numbers and rates as percent of a fraction, with console labels', () => {
    const [domain, count, share] = pickColumns(DOMAINS_VIEW.columns, ['domain', 'count', 'share']);
    expect(columnField(count, [3])).toEqual({
      name: 'count',
      type: FieldType.number,
      values: [3],
      config: { displayName: 'Count', unit: 'short' },
    });
    expect(columnField(share, [0.25, null])).toEqual({
      name: 'share',
      type: FieldType.number,
      values: [0.25, null],
      config: { displayName: 'Share', unit: 'percentunit' },
    });
    expect(columnField(domain, ['a.example'])).toEqual({
      name: 'domain',
      type: FieldType.string,
      values: ['a.example'],
      config: { displayName: 'Domain' },
    });
    expect(columnField(RATE_DEFINITIONS.openRate, [null]).config).toEqual({
      displayName: 'Open rate',
      unit: 'percentunit',
    });
  });

  it('refuses a column the view does not define', () => {
    expect(() => pickColumns(DOMAINS_VIEW.columns, ['class'])).toThrow('No column "class" in the view definition');
  });
});

describe('bucketTimeField', () => {
  it('turns ISO bucket starts with offsets into epoch ms', () => {
    expect(bucketTimeField(['2026-03-29T00:00:00+01:00', '2026-03-30T00:00:00+02:00']).values).toEqual([
      Date.parse('2026-03-28T23:00:00Z'),
      Date.parse('2026-03-29T22:00:00Z'),
    ]);
  });
});
