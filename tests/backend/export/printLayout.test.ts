/**
 * Printed workbooks, as LibreOffice prints them: a 30-day hourly request-date sheet is
 * one page wide on every page, with the table header repeated, the header block on the
 * first page, the sheet name and page number in the footer, and no ### anywhere.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
import { pdfPages, type PdfPage } from './pdfText';

const DAYS = 30;

function printToPdf(xlsx: Buffer): Buffer {
  const dir = mkdtempSync(join(tmpdir(), 'mda-pdf-'));
  const file = join(dir, 'export.xlsx');
  writeFileSync(file, xlsx);
  execFileSync(
    'soffice',
    [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, file],
    { stdio: 'pipe', timeout: 180_000 }
  );
  return readFileSync(join(dir, 'export.pdf'));
}

/** The page's text objects run together: a wrapped label is split over two of them. */
const pageText = (page: PdfPage) => page.texts.join('');

describe('an exported workbook printed by LibreOffice', () => {
  let pages: PdfPage[];

  beforeAll(async () => {
    const { download } = await exportSheets([
      sheetFromResponse(VIEWS['request-date'], hourlyRequestDateResponse(DAYS), {
        account: 'acme',
        filters: { template: AWKWARD_TEMPLATES },
      }),
      sheetFromResponse(VIEWS.domains, domainsResponse, domainsContext),
      sheetFromResponse(VIEWS['result-codes'], resultCodesResponse, { account: 'acme', filters: {} }),
      sheetFromResponse(VIEWS['sending-limit'], sendingLimitResponse, { account: 'acme', filters: {} }),
    ]);
    pages = pdfPages(printToPdf(download.body));
  }, 240_000);

  // The footer's left part is the sheet's name: the first text of every page.
  const sheetPages = (name: string) => pages.filter((page) => page.texts[0] === name);

  it('prints the 30-day hourly sheet one page wide, landscape, every page with the whole header row', () => {
    const requestDate = sheetPages('By request date');
    expect(requestDate.length).toBeGreaterThan(1);
    const labels = VIEWS['request-date'].columns.map((column) => column.label);
    for (const page of requestDate) {
      expect(page.width).toBeGreaterThan(page.height);
      const text = pageText(page);
      // First and last column on every page: no page holds only some of the columns.
      for (const label of labels) {
        expect(text).toContain(label);
      }
    }
    // Every hour is printed exactly once: nothing is cut off or printed twice on another page across.
    const hours = requestDate.flatMap((page) => page.texts.filter((text) => /^2026-03-\d\d \d\d:00$/.test(text)));
    expect(hours).toHaveLength(DAYS * 24);
    expect(new Set(hours).size).toBe(DAYS * 24);
  });

  it('prints the header block whole on the first page only, filter names as given', () => {
    const [first, ...rest] = sheetPages('By request date');
    const text = pageText(first);
    expect(text).toContain('2026-03-01 00:00 – 2026-03-31 00:00 (end excluded)');
    // This machine may lack a Korean font; the Latin names must show as they are.
    for (const name of AWKWARD_TEMPLATES.filter((value) => /^[\x20-\x7e\n]*$/.test(value))) {
      expect(text).toContain(name.replace('\n', ''));
    }
    expect(rest.every((page) => !pageText(page).includes('(end excluded)'))).toBe(true);
  });

  it('numbers the pages in the footer and shows no ### anywhere', () => {
    pages.forEach((page, index) => {
      expect(page.texts.slice(1, 5)).toEqual(['Page ', String(index + 1), ' of ', String(pages.length)]);
      expect(pageText(page)).not.toContain('###');
    });
    expect(sheetPages('By domain')).toHaveLength(1);
    expect(sheetPages('By result code')).toHaveLength(1);
    expect(sheetPages('By sending limit')).toHaveLength(1);
  });
});
