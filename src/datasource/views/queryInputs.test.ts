import { isMonthInput, parseTop } from './queryInputs';

describe('parseTop', () => {
  it('takes whole numbers from 1, empty as the default, anything else as invalid', () => {
    expect(parseTop('5')).toBe(5);
    expect(parseTop(' 25 ')).toBe(25);
    expect(parseTop('')).toBeUndefined();
    expect(parseTop('0')).toBe('invalid');
    expect(parseTop('-3')).toBe('invalid');
    expect(parseTop('2.5')).toBe('invalid');
  });
});

describe('isMonthInput', () => {
  it('accepts YYYY-MM, a variable or nothing', () => {
    expect(isMonthInput('2026-03')).toBe(true);
    expect(isMonthInput('$month')).toBe(true);
    expect(isMonthInput('${month}')).toBe(true);
    expect(isMonthInput('')).toBe(true);
    expect(isMonthInput('2026-13')).toBe(false);
    expect(isMonthInput('2026-3')).toBe(false);
    expect(isMonthInput('March')).toBe(false);
  });
});
