import { sheetNames } from './sheetNames';

describe('sheetNames', () => {
  it('keeps ordinary titles', () => {
    expect(sheetNames(['By request date', 'By domain'])).toEqual(['By request date', 'By domain']);
  });

  it('replaces the characters Excel forbids and control characters', () => {
    expect(sheetNames(['a[b]c:d*e?f/g\\h', 'line\nbreak'])).toEqual(['a b c d e f g h', 'line break']);
  });

  it('keeps commas, quotes and Korean text', () => {
    expect(sheetNames(['환영 메일, "VIP"'])).toEqual(['환영 메일, "VIP"']);
  });

  it('cuts to 31 UTF-16 units without splitting a character', () => {
    expect(sheetNames(['😀'.repeat(40)])).toEqual(['😀'.repeat(15)]);
    expect(sheetNames(['By request date, templates a and b'])).toEqual(['By request date, templates a an']);
  });

  it('drops apostrophes at either end and avoids empty and reserved names', () => {
    expect(sheetNames(["'quoted'", '???', 'History'])).toEqual(['quoted', 'Sheet', 'Sheet History']);
  });

  it('numbers repeated names, ignoring case, within 31 characters', () => {
    expect(sheetNames(['By domain', 'by domain', 'By domain'])).toEqual([
      'By domain',
      'by domain (2)',
      'By domain (3)',
    ]);
    const long = 'x'.repeat(40);
    expect(sheetNames([long, long])).toEqual(['x'.repeat(31), `${'x'.repeat(27)} (2)`]);
  });
});
