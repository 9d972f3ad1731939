import { VIEWS } from '../contract/views';
import { exportSheets, rowFormats, rowValues } from '../../tests/backend/export/exportSheets';
import {
  domainsContext,
  domainsResponse,
  requestDateContext,
  requestDateResponse,
  resultCodesResponse,
  sendingLimitResponse,
} from '../../tests/backend/export/fixtures';
import { sheetFromResponse } from './sheetFromResponse';
import { REQUEST_DATE_METRIC_LABELS } from '../../tests/support/consoleNames';

const utc = (text: string) => new Date(`${text}Z`);

describe('writeSheet layout', () => {
  it('writes a time view: title, header block, frozen header row, typed rows, autofilter, totals', async () => {
    const sheet = sheetFromResponse(VIEWS['request-date'], requestDateResponse, requestDateContext);
    const { workbook } = await exportSheets([sheet]);
    const ws = workbook.getWorksheet('By request date')!;

    expect(ws.getCell('A1').value).toBe('By request date');
    expect(ws.getCell('A1').font).toMatchObject({ bold: true, size: 14 });
    expect([2, 3, 4, 5, 6, 7, 8, 9].map((row) => rowValues(ws, row, 2))).toEqual([
      ['Account', 'acme'],
      ['Range', '2026-03-28 00:00 – 2026-03-31 00:00 (end excluded)'],
      ['Time zone', 'Europe/Berlin'],
      ['Interval', 'Day'],
      // One filter value per row, exactly as given.
      ['Template', '환영 메일, "VIP"'],
      [null, 'welcome'],
      ['Domain', 'all'],
      // 08:00 UTC is 10:00 in Berlin (summer time).
      ['Generated at', utc('2026-04-01T10:00:00')],
    ]);
    expect(ws.getCell('B9').numFmt).toBe('yyyy-mm-dd hh:mm:ss');
    expect(rowValues(ws, 10, 15)).toEqual(Array(15).fill(null));

    expect(rowValues(ws, 11, 15)).toEqual(['Time', ...REQUEST_DATE_METRIC_LABELS]);
    expect(ws.getCell('A11').font).toMatchObject({ bold: true });
    expect(ws.views).toEqual([expect.objectContaining({ state: 'frozen', xSplit: 1, ySplit: 11, topLeftCell: 'B12' })]);
    expect(ws.autoFilter).toBe('A11:O14');

    const [first, second, third] = requestDateResponse.rows;
    expect(rowValues(ws, 12, 15)).toEqual([
      utc('2026-03-28T00:00:00'),
      1200,
      1100,
      1000,
      100,
      300,
      150,
      7,
      2,
      20,
      first.deliveryRate,
      first.openRate,
      first.unsubscribeRate,
      first.bounceRate,
      first.complaintRate,
    ]);
    // The 23-hour day still starts at local midnight; a null rate is an empty cell.
    expect(rowValues(ws, 13, 15)).toEqual([utc('2026-03-29T00:00:00'), 3, 3, 3, 0, 0, 0, 0, 0, 0, 1, 0, null, 0, 0]);
    expect(second.unsubscribeRate).toBeNull();
    expect(rowValues(ws, 14, 15)).toEqual([utc('2026-03-30T00:00:00'), ...Array(9).fill(0), ...Array(5).fill(null)]);
    expect(third.time).toBe('2026-03-30T00:00:00+02:00');
    expect(rowFormats(ws, 12, 15)).toEqual(['yyyy-mm-dd', ...Array(9).fill('#,##0'), ...Array(5).fill('0.00%')]);
    expect(ws.getCell('A12').type).toBe(4); // ValueType.Date
    expect(ws.getCell('B12').type).toBe(2); // ValueType.Number

    expect(rowValues(ws, 15, 15)).toEqual(Array(15).fill(null));
    const totals = requestDateResponse.totals;
    expect(rowValues(ws, 16, 15)).toEqual([
      'Total',
      1203,
      1103,
      1003,
      100,
      300,
      150,
      7,
      2,
      20,
      totals.deliveryRate,
      totals.openRate,
      totals.unsubscribeRate,
      totals.bounceRate,
      totals.complaintRate,
    ]);
    expect(rowFormats(ws, 16, 15).slice(1)).toEqual([...Array(9).fill('#,##0'), ...Array(5).fill('0.00%')]);
    expect(ws.getCell('B16').font).toMatchObject({ bold: true });
    expect(ws.rowCount).toBe(16);
  });

  it('writes distribution views with text cells, the top, and a 100 % share total', async () => {
    const { workbook } = await exportSheets([
      sheetFromResponse(VIEWS.domains, domainsResponse, domainsContext),
      sheetFromResponse(VIEWS['result-codes'], resultCodesResponse, { account: 'acme', filters: {} }),
    ]);
    const domains = workbook.getWorksheet('By domain')!;
    expect([2, 3, 4, 5, 6, 7, 8, 9, 10].map((row) => rowValues(domains, row, 2))).toEqual([
      ['Account', 'acme'],
      ['Range', '2026-03-01 00:00 – 2026-03-02 00:00 (end excluded)'],
      ['Time zone', 'Asia/Kathmandu'],
      ['Template', 'all'],
      ['Domain', 'all'],
      ['Result code', 'MAIL_SENT'],
      [null, 'MAILBOX_ERROR'],
      ['Top domains', 2],
      ['Generated at', utc('2026-04-01T13:45:00')],
    ]);
    expect(domains.views[0]).toMatchObject({ state: 'frozen', ySplit: 12 });
    expect(domains.autoFilter).toBe('A12:C15');
    expect([12, 13, 14, 15, 16, 17].map((row) => rowValues(domains, row, 3))).toEqual([
      ['Domain', 'Count', 'Share'],
      ['example.com', 700, 0.7],
      ['xn--9n2bp8q.xn--3e0b707e', 200, 0.2],
      ['(other)', 100, 0.1],
      [null, null, null],
      ['Total', 1000, 1],
    ]);
    expect(rowFormats(domains, 13, 3)).toEqual([undefined, '#,##0', '0.00%']);
    expect(domains.getColumn(1).width).toBe('xn--9n2bp8q.xn--3e0b707e'.length + 2);

    const codes = workbook.getWorksheet('By result code')!;
    expect(codes.autoFilter).toBe('A10:D12');
    expect([10, 11, 12, 14].map((row) => rowValues(codes, row, 4))).toEqual([
      ['Result code', 'Class', 'Count', 'Share'],
      ['MAIL_SENT', 'delivered', 900, 0.9],
      ['MAILBOX_ERROR', 'bounced', 100, 0.1],
      ['Total', null, 1000, 1],
    ]);
  });

  it('writes the sending limit: days with their month, then the months summary', async () => {
    const { workbook } = await exportSheets([
      sheetFromResponse(VIEWS['sending-limit'], sendingLimitResponse, { account: 'acme', filters: {} }),
    ]);
    const ws = workbook.getWorksheet('By sending limit')!;
    expect([2, 3, 4, 5, 6, 7, 8].map((row) => rowValues(ws, row, 2))).toEqual([
      ['Account', 'acme'],
      ['Time zone', 'Asia/Seoul'],
      ['Months', '2026-02–2026-03'],
      ['Monthly limit', 100000],
      ['Daily limit', 'not set'],
      ['Limit change', { text: 'Request a limit change', hyperlink: 'https://example.com/limit-change' }],
      ['Generated at', utc('2026-04-01T17:00:00')],
    ]);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 10 });
    expect(ws.autoFilter).toBe('A10:E13');
    expect([10, 11, 12, 13, 14].map((row) => rowValues(ws, row, 5))).toEqual([
      ['Month', 'Date', 'Daily volume', 'Cumulative volume', 'Share of daily limit'],
      [utc('2026-02-01T00:00:00'), utc('2026-02-27T00:00:00'), 3000, 3000, null],
      [utc('2026-02-01T00:00:00'), utc('2026-02-28T00:00:00'), 2000, 5000, null],
      [utc('2026-03-01T00:00:00'), utc('2026-03-01T00:00:00'), 1500, 1500, null],
      [null, null, null, null, null],
    ]);
    expect(rowFormats(ws, 11, 4)).toEqual(['yyyy-mm', 'yyyy-mm-dd', '#,##0', '#,##0']);
    expect([15, 16, 17].map((row) => rowValues(ws, row, 5))).toEqual([
      ['Month', 'Used', 'Remaining', 'Share of monthly limit', 'Projected month-end total'],
      [utc('2026-02-01T00:00:00'), 5000, 95000, 0.05, 5000],
      [utc('2026-03-01T00:00:00'), 1500, 98500, 0.015, 46500],
    ]);
    expect(rowFormats(ws, 16, 5)).toEqual(['yyyy-mm', '#,##0', '#,##0', '0.00%', '#,##0']);
    expect(ws.rowCount).toBe(17);
  });

  it('sums counts and computes rates from the sums for rows streamed without totals', async () => {
    async function* rows() {
      for (let day = 1; day <= 3; day++) {
        yield { time: `2026-03-0${day}T00:00:00Z`, requestCount: day * 10, sentCount: day * 5, openedCount: day };
      }
    }
    const { workbook } = await exportSheets([
      {
        view: VIEWS['request-date'],
        context: { account: 'acme', tz: 'UTC', filters: {}, interval: '1h' },
        rows: rows(),
      },
    ]);
    const ws = workbook.getWorksheet('By request date')!;
    // No range line: the context has none. Header block: rows 2-7, header row 9.
    expect(ws.getCell('A9').value).toBe('Time');
    expect(ws.getCell('A10').numFmt).toBe('yyyy-mm-dd hh:mm');
    expect(rowValues(ws, 12, 15)).toEqual([utc('2026-03-03T00:00:00'), 30, 15, null, null, 3, ...Array(9).fill(null)]);
    expect(rowValues(ws, 14, 15)).toEqual(['Total', 60, 30, 0, 0, 6, 0, 0, 0, 0, 0.5, 0.2, 0, 0, 0]);
  });
});

describe('writeSheet with a long header block', () => {
  it('freezes only column A when 30 filter values would fill the screen', async () => {
    const templates = Array.from({ length: 30 }, (_unused, index) => `template ${index}`);
    const sheet = sheetFromResponse(VIEWS['request-date'], requestDateResponse, {
      account: 'acme',
      filters: { template: templates },
    });
    const { workbook } = await exportSheets([sheet]);
    const ws = workbook.getWorksheet('By request date')!;
    // Account, Range, Time zone, Interval, 30 templates, Domain, Generated at: rows 2-37; header row 39.
    expect(ws.getCell('A39').value).toBe('Time');
    expect(ws.getCell('B35').value).toBe('template 29');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 1 });
    expect((ws.views[0] as { ySplit?: number }).ySplit ?? 0).toBe(0);
    expect(ws.pageSetup.printTitlesRow).toBe('39:39');
  });
});
