/**
 * Every exported sheet read back with exceljs: no number or date cell narrower than its
 * formatted text, print setup on every sheet, numeric labels aligned right, and filter
 * values exactly as given.
 */
import type * as ExcelJS from 'exceljs';
import { VIEWS } from '../../../contract/views';
import { sheetFromResponse } from '../../../backend/export';
import { exportSheets } from './exportSheets';
import {
  AWKWARD_TEMPLATES,
  domainsContext,
  domainsResponse,
  hourlyRequestDateResponse,
  resultCodesResponse,
  sendingLimitResponse,
} from './fixtures';

/** What a cell shows, formatted independently of the export's own code. */
function shown(cell: ExcelJS.Cell): string {
  const { value, numFmt } = cell;
  if (value instanceof Date) {
    return numFmt; // yyyy-mm-dd hh:mm shows exactly as many characters
  }
  if (typeof value !== 'number') {
    return '';
  }
  if (numFmt === '0.00%') {
    return `${(value * 100).toFixed(2)}%`;
  }
  return numFmt === '#,##0' ? Math.round(value).toLocaleString('en-US') : String(value);
}

/** A cell's width: its column's, or the sum of the columns it is merged across. */
function cellWidth(ws: ExcelJS.Worksheet, cell: ExcelJS.Cell, merges: ReadonlyMap<number, [number, number]>): number {
  const [first, last] = merges.get(Number(cell.row)) ?? [Number(cell.col), Number(cell.col)];
  let width = 0;
  for (let column = first; column <= last; column++) {
    width += ws.getColumn(column).width ?? 8.43;
  }
  return width;
}

/** The export merges only within a row: row -> its merged columns. */
function mergedColumns(ws: ExcelJS.Worksheet): Map<number, [number, number]> {
  const merges = new Map<number, [number, number]>();
  for (const range of ws.model.merges ?? []) {
    const [from, to] = range.split(':').map((address) => ws.getCell(address));
    merges.set(Number(from.row), [Number(from.col), Number(to.col)]);
  }
  return merges;
}

describe('every exported sheet read back', () => {
  let sheets: ExcelJS.Worksheet[];

  beforeAll(async () => {
    const { workbook } = await exportSheets([
      sheetFromResponse(VIEWS['request-date'], hourlyRequestDateResponse(30), {
        account: 'acme',
        filters: { template: AWKWARD_TEMPLATES, domain: ['example.com'] },
      }),
      sheetFromResponse(VIEWS.domains, domainsResponse, domainsContext),
      sheetFromResponse(VIEWS['result-codes'], resultCodesResponse, { account: 'acme', filters: {} }),
      sheetFromResponse(VIEWS['sending-limit'], sendingLimitResponse, { account: 'acme', filters: {} }),
    ]);
    sheets = workbook.worksheets;
  });

  it('has four sheets', () => {
    expect(sheets.map((ws) => ws.name)).toEqual(['By request date', 'By domain', 'By result code', 'By sending limit']);
  });

  it('never makes a number or date cell narrower than its formatted text (plus a character of padding)', () => {
    for (const ws of sheets) {
      let checked = 0;
      const merges = mergedColumns(ws);
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          const text = shown(cell);
          if (text !== '' && cell.master === cell) {
            expect({
              sheet: ws.name,
              cell: cell.address,
              text,
              fits: cellWidth(ws, cell, merges) >= text.length + 1,
            }).toEqual({
              sheet: ws.name,
              cell: cell.address,
              text,
              fits: true,
            });
            checked++;
          }
        })
      );
      expect(checked).toBeGreaterThan(5);
    }
  });

  it('sets up printing: orientation, one page wide, the table header repeated, a footer', () => {
    const expected: Record<string, { orientation: string; header: number }> = {
      'By request date': { orientation: 'landscape', header: 13 },
      'By domain': { orientation: 'portrait', header: 12 },
      'By result code': { orientation: 'portrait', header: 10 },
      'By sending limit': { orientation: 'portrait', header: 10 },
    };
    for (const ws of sheets) {
      const { orientation, header } = expected[ws.name];
      expect(ws.pageSetup).toMatchObject({ orientation, fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
      expect(ws.pageSetup.printTitlesRow).toBe(`${header}:${header}`);
      expect(ws.getCell(header, 1).value).toBe(
        ws.name === 'By domain'
          ? 'Domain'
          : ws.name === 'By result code'
            ? 'Result code'
            : ws.name === 'By sending limit'
              ? 'Month'
              : 'Time'
      );
      expect(ws.headerFooter.oddFooter).toBe('&L&A&RPage &P of &N');
    }
  });

  it('aligns each label like its values: numbers and dates right, text left', () => {
    const tableHeader: Record<string, number> = {
      'By request date': 13,
      'By domain': 12,
      'By result code': 10,
      'By sending limit': 10,
    };
    for (const ws of sheets) {
      const row = ws.getRow(tableHeader[ws.name]);
      const below = ws.getRow(tableHeader[ws.name] + 1);
      row.eachCell((cell, column) => {
        const value = below.getCell(column).value;
        const numeric = typeof value === 'number' || value instanceof Date || value === null;
        expect([ws.name, cell.value, cell.alignment?.horizontal]).toEqual([
          ws.name,
          cell.value,
          numeric ? 'right' : 'left',
        ]);
      });
    }
  });

  it('writes each filter value in its own cell exactly as given: Korean, quotes, commas, =, newlines', () => {
    const ws = sheets[0];
    const values = [6, 7, 8, 9].map((row) => ws.getCell(row, 2).value);
    expect(ws.getCell(6, 1).value).toBe('Template');
    expect(values).toEqual(AWKWARD_TEMPLATES);
    expect([10, 11].map((row) => [ws.getCell(row, 1).value, ws.getCell(row, 2).value])).toEqual([
      ['Domain', 'example.com'],
      ['Generated at', expect.any(Date)],
    ]);
    // Wrapped, so the newline shows as one; never a formula, even starting with '='.
    expect(ws.getCell(9, 2).alignment).toMatchObject({ wrapText: true });
    expect(ws.getCell(8, 2).type).toBe(3); // ValueType.String
  });
});
