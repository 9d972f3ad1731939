import type { ServerResponse } from 'node:http';
import { VIEWS } from '../contract/views';
import { exportSheets } from '../../tests/backend/export/exportSheets';
import { KOREAN_TEMPLATE, requestDateContext, requestDateResponse } from '../../tests/backend/export/fixtures';
import { sheetFromResponse } from './sheetFromResponse';
import { attachmentHeader, streamWorkbook, workbookFor } from './streamWorkbook';

const requestDateSheet = () => sheetFromResponse(VIEWS['request-date'], requestDateResponse, requestDateContext);

describe('attachmentHeader', () => {
  it('gives an ASCII fallback and the UTF-8 name, without quotes or slashes', () => {
    expect(attachmentHeader(`${KOREAN_TEMPLATE}/2026-03-28–2026-03-30`)).toBe(
      'attachment; filename="_ _, VIP 2026-03-28-2026-03-30.xlsx"; ' +
        "filename*=UTF-8''%ED%99%98%EC%98%81%20%EB%A9%94%EC%9D%BC%2C%20VIP%202026-03-28%E2%80%932026-03-30.xlsx"
    );
  });

  it('gives a plain ASCII name once', () => {
    expect(attachmentHeader('Mail delivery by sending limit 2026-02')).toBe(
      'attachment; filename="Mail delivery by sending limit 2026-02.xlsx"'
    );
  });
});

describe('workbookFor', () => {
  it('names the workbook after its views and the first sheet range', () => {
    const generatedAt = new Date('2026-04-01T00:00:00Z');
    const spec = workbookFor([requestDateSheet()], generatedAt);
    expect(spec).toEqual({
      fileName: 'Mail delivery by request date 2026-03-28–2026-03-30',
      generatedAt,
      sheets: [requestDateSheet()].map((sheet) => expect.objectContaining({ view: sheet.view })),
    });
  });

  it('refuses a workbook without sheets', () => {
    expect(() => workbookFor([])).toThrow('a workbook needs at least one sheet');
  });
});

describe('streamWorkbook', () => {
  it('answers an xlsx attachment that must not be cached', async () => {
    const { download } = await exportSheets([requestDateSheet()], `${KOREAN_TEMPLATE} 2026-03-28–2026-03-30`);
    expect(download.status).toBe(200);
    expect(download.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(download.headers['cache-control']).toBe('no-store');
    expect(download.headers['content-disposition']).toBe(
      'attachment; filename="_ _, VIP 2026-03-28-2026-03-30.xlsx"; ' +
        "filename*=UTF-8''%ED%99%98%EC%98%81%20%EB%A9%94%EC%9D%BC%2C%20VIP%202026-03-28%E2%80%932026-03-30.xlsx"
    );
    // An xlsx is a zip file.
    expect(download.body.subarray(0, 4)).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
  });

  it('gives every sheet a safe name, unique in the workbook', async () => {
    const titled = (title: string) => ({ ...requestDateSheet(), view: { ...VIEWS['request-date'], title } });
    const { workbook } = await exportSheets([
      requestDateSheet(),
      requestDateSheet(),
      titled(`${KOREAN_TEMPLATE}: a/b [c]?`),
      titled('A very long title that Excel would refuse as a sheet name'),
    ]);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      'By request date',
      'By request date (2)',
      '환영 메일, "VIP" a b c',
      'A very long title that Excel wo',
    ]);
    expect(workbook.worksheets[2].getCell('A1').value).toBe(`${KOREAN_TEMPLATE}: a/b [c]?`);
  });

  it('refuses an unknown time zone before answering anything', async () => {
    const res = { setHeader: jest.fn() } as unknown as ServerResponse;
    const sheet = { ...requestDateSheet(), context: { ...requestDateSheet().context, tz: 'Mars/Olympus' } };
    await expect(streamWorkbook(res, { fileName: 'x', generatedAt: new Date(), sheets: [sheet] })).rejects.toThrow(
      'unknown time zone "Mars/Olympus"'
    );
    expect(res.setHeader).not.toHaveBeenCalled();
  });
});
