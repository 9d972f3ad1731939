import { DOMAINS_VIEW, REQUEST_DATE_VIEW, SENDING_LIMIT_VIEW } from './views';
import { asciiFileName, dayRangeLabel, exportFileName, monthRangeLabel, safeFileName } from './fileName';
import { wallClockDate } from './wallClock';

describe('safeFileName', () => {
  it('replaces path separators, Windows-forbidden and control characters', () => {
    expect(safeFileName('a/b\\c:d*e?f"g<h>i|j\nk\u0000l')).toBe('a b c d e f g h i j k l');
  });

  it('keeps commas, apostrophes and Korean text', () => {
    expect(safeFileName('환영 메일, "VIP" it\'s')).toBe("환영 메일, VIP it's");
  });

  it('drops leading and trailing dots and spaces, never answers empty', () => {
    expect(safeFileName(' ..report.. ')).toBe('report');
    expect(safeFileName('///')).toBe('export');
  });

  it('cuts long names to 150 characters', () => {
    expect(Array.from(safeFileName('메'.repeat(200)))).toHaveLength(150);
  });
});

describe('asciiFileName', () => {
  it('keeps ASCII, drops accents, turns dashes into hyphens and the rest into underscores', () => {
    expect(asciiFileName('Délivrance 2026-03-01–2026-03-31')).toBe('Delivrance 2026-03-01-2026-03-31');
    expect(asciiFileName('환영 메일, "VIP"')).toBe('_ _, VIP');
    expect(asciiFileName("100% it's")).toBe('100_ it_s');
  });

  it('never answers empty', () => {
    expect(asciiFileName('')).toBe('export');
  });
});

describe('dayRangeLabel', () => {
  const label = (from: string, to: string) => dayRangeLabel(wallClockDate(from), wallClockDate(to));
  it('names the first and the last day the half-open range covers', () => {
    expect(label('2026-03-01T00:00:00+01:00', '2026-04-01T00:00:00+02:00')).toBe('2026-03-01–2026-03-31');
    expect(label('2026-03-01T12:00:00+01:00', '2026-03-02T12:00:00+01:00')).toBe('2026-03-01–2026-03-02');
  });

  it('names a single day once', () => {
    expect(label('2026-03-29T00:00:00+01:00', '2026-03-30T00:00:00+02:00')).toBe('2026-03-29');
    expect(label('2026-03-29T00:00:00Z', '2026-03-29T00:00:00Z')).toBe('2026-03-29');
  });
});

describe('monthRangeLabel', () => {
  it('counts back across a year', () => {
    expect(monthRangeLabel('2026-02', 3)).toBe('2025-12–2026-02');
    expect(monthRangeLabel('2026-02', 1)).toBe('2026-02');
  });
});

describe('exportFileName', () => {
  const range = { from: '2026-03-01T00:00:00+01:00', to: '2026-04-01T00:00:00+02:00' };
  it('names one view and its days', () => {
    expect(exportFileName([REQUEST_DATE_VIEW], range)).toBe('Mail delivery by request date 2026-03-01–2026-03-31');
  });

  it('names several views as statistics', () => {
    expect(exportFileName([REQUEST_DATE_VIEW, DOMAINS_VIEW], range)).toBe(
      'Mail delivery statistics 2026-03-01–2026-03-31'
    );
  });

  it('names the sending limit by its months', () => {
    expect(exportFileName([SENDING_LIMIT_VIEW], { month: '2026-03', months: 3 })).toBe(
      'Mail delivery by sending limit 2026-01–2026-03'
    );
  });
});
