/**
 * Opens exported workbooks in a real spreadsheet program: LibreOffice converts every
 * sheet to CSV, once with the raw values and once as the cells show, and both must
 * agree with the JSON answers the workbook was made from.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VIEWS } from '../../../contract/views';
import { sheetFromResponse } from '../../../backend/export';
import { exportSheets } from './exportSheets';
import {
  domainsContext,
  domainsResponse,
  KOREAN_TEMPLATE,
  requestDateContext,
  requestDateResponse,
  resultCodesResponse,
  sendingLimitResponse,
} from './fixtures';

const INSTALL = 'apt-get install -y libreoffice-calc (scripts/ensure-libreoffice.sh does it)';
// Comma-separated, double quotes, UTF-8, every sheet to its own file; the 9th token: as shown or raw.
const csvFilter = (asShown: boolean) =>
  `csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,${asShown},false,false,-1`;

/** RFC 4180 rows: quoted fields may hold commas, doubled quotes and newlines. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') {
        quoted = false;
      } else {
        field += char;
      }
    } else if (char === '"') {
      quoted = true;
    } else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\n') {
      rows.push([...row, field]);
      row = [];
      field = '';
    } else if (char !== '\r') {
      field += char;
    }
  }
  return rows;
}

type Sheets = Record<string, string[][]>;

function convert(file: string, asShown: boolean, sheetNames: string[]): Sheets {
  const dir = mkdtempSync(join(tmpdir(), 'mda-csv-'));
  execFileSync(
    'soffice',
    [
      `-env:UserInstallation=file://${dir}/profile`,
      '--headless',
      '--convert-to',
      csvFilter(asShown),
      '--outdir',
      dir,
      file,
    ],
    { stdio: 'pipe', timeout: 120_000 }
  );
  return Object.fromEntries(
    sheetNames.map((name) => [name, parseCsv(readFileSync(join(dir, `export-${name}.csv`), 'utf8'))])
  );
}

/** A raw percent cell ("91.6666666666667%") as the fraction it holds; empty stays null. */
const fraction = (text: string) => (text === '' ? null : Number(text.replace('%', '')) / 100);

describe('an exported workbook opened in LibreOffice Calc', () => {
  let raw: Sheets;
  let shown: Sheets;

  beforeAll(async () => {
    try {
      execFileSync('soffice', ['--version'], { stdio: 'pipe' });
    } catch {
      throw new Error(`soffice (LibreOffice Calc) is missing; install it with: ${INSTALL}`);
    }
    const { download, workbook } = await exportSheets([
      sheetFromResponse(VIEWS['request-date'], requestDateResponse, requestDateContext),
      sheetFromResponse(VIEWS.domains, domainsResponse, domainsContext),
      sheetFromResponse(VIEWS['result-codes'], resultCodesResponse, { account: 'acme', filters: {} }),
      sheetFromResponse(VIEWS['sending-limit'], sendingLimitResponse, { account: 'acme', filters: {} }),
    ]);
    const file = join(mkdtempSync(join(tmpdir(), 'mda-xlsx-')), 'export.xlsx');
    writeFileSync(file, download.body);
    const names = workbook.worksheets.map((sheet) => sheet.name);
    raw = convert(file, false, names);
    shown = convert(file, true, names);
  }, 180_000);

  it('holds the request-date JSON exactly: counts, rates, empty null rates, totals', () => {
    const sheet = raw['By request date'];
    const header = sheet[10];
    expect(header).toEqual(VIEWS['request-date'].columns.map((column) => column.label));
    requestDateResponse.rows.forEach((json, index) => {
      const cells = sheet[11 + index];
      expect(cells[0]).toBe(json.time.slice(0, 10));
      VIEWS['request-date'].columns.slice(1).forEach((column, offset) => {
        const cell = cells[offset + 1];
        const value = json[column.key as keyof typeof json] as number | null;
        if (value === null) {
          expect(cell).toBe('');
        } else if (column.unit === 'percent') {
          expect(fraction(cell)).toBeCloseTo(value, 12);
        } else {
          expect(Number(cell)).toBe(value);
        }
      });
    });
    expect(sheet[14].every((cell) => cell === '')).toBe(true);
    expect(sheet[15].slice(0, 10)).toEqual(['Total', '1203', '1103', '1003', '100', '300', '150', '7', '2', '20']);
    expect(fraction(sheet[15][10])).toBeCloseTo(1103 / 1203, 12);
  });

  it('shows dates in the zone, counts with separators, rates as percents, and the header block', () => {
    const sheet = shown['By request date'];
    expect(sheet.slice(0, 9).map((row) => row.slice(0, 2))).toEqual([
      ['By request date', ''],
      ['Account', 'acme'],
      ['Range', '2026-03-28 00:00 – 2026-03-31 00:00 (end excluded)'],
      ['Time zone', 'Europe/Berlin'],
      ['Interval', 'Day'],
      // One filter value per row, exactly as given.
      ['Template', KOREAN_TEMPLATE],
      ['', 'welcome'],
      ['Domain', 'all'],
      ['Generated at', '2026-04-01 10:00:00'],
    ]);
    expect(sheet[11]).toEqual([
      '2026-03-28',
      '1,200',
      '1,100',
      '1,000',
      '100',
      '300',
      '150',
      '7',
      '2',
      '20',
      '91.67%',
      '27.27%',
      '2.33%',
      '9.09%',
      '0.18%',
    ]);
    expect(sheet[12]).toEqual([
      '2026-03-29',
      ...['3', '3', '3', '0', '0', '0', '0', '0', '0'],
      ...['100.00%', '0.00%', '', '0.00%', '0.00%'],
    ]);
    expect(sheet[13]).toEqual(['2026-03-30', ...Array(9).fill('0'), ...Array(5).fill('')]);
  });

  it('holds the distribution views', () => {
    expect(shown['By domain'].slice(11)).toEqual([
      ['Domain', 'Count', 'Share'],
      ['example.com', '700', '70.00%'],
      ['xn--9n2bp8q.xn--3e0b707e', '200', '20.00%'],
      ['(other)', '100', '10.00%'],
      ['', '', ''],
      ['Total', '1,000', '100.00%'],
    ]);
    expect(shown['By result code'].slice(9)).toEqual([
      ['Result code', 'Class', 'Count', 'Share'],
      ['MAIL_SENT', 'delivered', '900', '90.00%'],
      ['MAILBOX_ERROR', 'bounced', '100', '10.00%'],
      ['', '', '', ''],
      ['Total', '', '1,000', '100.00%'],
    ]);
  });

  it('holds the sending limit: days with their month, then the months', () => {
    expect(shown['By sending limit'].slice(9)).toEqual([
      ['Month', 'Date', 'Daily volume', 'Cumulative volume', 'Share of daily limit'],
      ['2026-02', '2026-02-27', '3,000', '3,000', ''],
      ['2026-02', '2026-02-28', '2,000', '5,000', ''],
      ['2026-03', '2026-03-01', '1,500', '1,500', ''],
      ['', '', '', '', ''],
      ['Month', 'Used', 'Remaining', 'Share of monthly limit', 'Projected month-end total'],
      ['2026-02', '5,000', '95,000', '5.00%', '5,000'],
      ['2026-03', '1,500', '98,500', '1.50%', '46,500'],
    ]);
  });
});
