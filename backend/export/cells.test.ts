import { REQUEST_DATE_VIEW, DOMAINS_VIEW, SENDING_LIMIT_VIEW } from '../contract/views';
import { cellValue, columnWidth, numberFormat, shownText, textWidth } from './cells';

describe('numberFormat', () => {
  it('formats counts, rates and dates by unit, bucket starts by interval', () => {
    expect(numberFormat('count')).toBe('#,##0');
    expect(numberFormat('percent')).toBe('0.00%');
    expect(numberFormat('date')).toBe('yyyy-mm-dd');
    expect(numberFormat('month')).toBe('yyyy-mm');
    expect(numberFormat('text')).toBeUndefined();
    expect(numberFormat('time', '1h')).toBe('yyyy-mm-dd hh:mm');
    expect(numberFormat('time', '1d')).toBe('yyyy-mm-dd');
    expect(numberFormat('time', '1w')).toBe('yyyy-mm-dd');
    expect(numberFormat('time', '1M')).toBe('yyyy-mm');
    expect(numberFormat('time')).toBe('yyyy-mm-dd hh:mm');
  });
});

describe('cellValue', () => {
  it('keeps numbers exactly', () => {
    expect(cellValue('count', 1234567)).toBe(1234567);
    expect(cellValue('percent', 1 / 3)).toBe(1 / 3);
  });

  it('makes null and missing values empty cells', () => {
    expect(cellValue('percent', null)).toBeNull();
    expect(cellValue('count', undefined)).toBeNull();
    expect(cellValue('text', null)).toBeNull();
  });

  it('makes bucket starts, days and months wall-clock dates', () => {
    expect((cellValue('time', '2026-03-29T03:00:00+02:00') as Date).toISOString()).toBe('2026-03-29T03:00:00.000Z');
    expect((cellValue('date', '2026-03-29') as Date).toISOString()).toBe('2026-03-29T00:00:00.000Z');
    expect((cellValue('month', '2026-03') as Date).toISOString()).toBe('2026-03-01T00:00:00.000Z');
  });

  it('keeps text whole', () => {
    expect(cellValue('text', '환영 메일, "VIP"')).toBe('환영 메일, "VIP"');
  });

  it('refuses a count that is not a number', () => {
    expect(() => cellValue('count', '12')).toThrow('expected a number, got "12"');
    expect(() => cellValue('percent', Number.NaN)).toThrow('expected a number, got null');
  });
});

describe('textWidth and shownText', () => {
  it('counts Hangul, CJK and fullwidth characters twice, and the longest line', () => {
    expect(textWidth('abc')).toBe(3);
    expect(textWidth('환영 메일')).toBe(9);
    expect(textWidth('月間ＡＢ')).toBe(8);
    expect(textWidth('short\nlonger line')).toBe(11);
  });

  it('shows numbers, percents and dates as their formats do', () => {
    expect(shownText(1234567, '#,##0')).toBe('1,234,567');
    expect(shownText(-1500, '#,##0')).toBe('-1,500');
    expect(shownText(1 / 3, '0.00%')).toBe('33.33%');
    expect(shownText(new Date('2026-03-01T10:00:00Z'), 'yyyy-mm-dd hh:mm:ss')).toHaveLength(19);
    expect(shownText(null, '#,##0')).toBe('');
  });
});

describe('columnWidth', () => {
  const [time, requestCount] = REQUEST_DATE_VIEW.columns;
  it('fits the longest word of the bold label (it wraps at spaces) with its filter button', () => {
    // 'Request': ceil(7 * 1.1) + 3
    expect(columnWidth(requestCount, '#,##0', [1, 2])).toBe(11);
    expect(columnWidth(DOMAINS_VIEW.columns[0], undefined, [])).toBe(10);
  });

  it('fits the widest formatted value with 2 characters of padding, never capped for numbers and dates', () => {
    expect(columnWidth(time, 'yyyy-mm-dd hh:mm', [new Date(0)])).toBe(18);
    expect(columnWidth(requestCount, '#,##0', [5, 123_456_789_012_345, null])).toBe('123,456,789,012,345'.length + 2);
    expect(columnWidth(SENDING_LIMIT_VIEW.columns[0], 'yyyy-mm-dd', [])).toBe(8);
  });

  it('sizes text columns by their widest value, wide characters twice, up to 60 characters', () => {
    const [domain] = DOMAINS_VIEW.columns;
    expect(columnWidth(domain, undefined, ['a.io'])).toBe(10);
    expect(columnWidth(domain, undefined, ['x'.repeat(30)])).toBe(32);
    expect(columnWidth(domain, undefined, ['메일'.repeat(10)])).toBe(42);
    expect(columnWidth(domain, undefined, ['x'.repeat(500)])).toBe(62);
  });
});
