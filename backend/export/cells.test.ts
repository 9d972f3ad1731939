import { REQUEST_DATE_VIEW, DOMAINS_VIEW, SENDING_LIMIT_VIEW } from '../domain/views';
import { cellValue, columnWidth, numberFormat } from './cells';

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

describe('columnWidth', () => {
  const [time, requestCount] = REQUEST_DATE_VIEW.columns;
  it('fits the label with its filter button and the widest value', () => {
    expect(columnWidth(time, 'yyyy-mm-dd hh:mm')).toBe(18);
    expect(columnWidth(requestCount, '#,##0')).toBe('Request count'.length + 4);
    expect(columnWidth(SENDING_LIMIT_VIEW.columns[0], 'yyyy-mm-dd')).toBe(12);
  });

  it('sizes text columns by their longest value, up to 60 characters', () => {
    const [domain] = DOMAINS_VIEW.columns;
    expect(columnWidth(domain, undefined, 3)).toBe(10);
    expect(columnWidth(domain, undefined, 30)).toBe(32);
    expect(columnWidth(domain, undefined, 500)).toBe(62);
  });
});
