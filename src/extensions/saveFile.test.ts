import { saveFile } from './saveFile';

describe('saveFile', () => {
  const createObjectURL = jest.fn(() => 'blob:workbook');
  const revokeObjectURL = jest.fn();

  beforeEach(() => {
    jest.useFakeTimers();
    Object.assign(URL, { createObjectURL, revokeObjectURL });
  });

  afterEach(() => jest.useRealTimers());

  it('clicks a hidden download anchor for the blob, then removes it and frees the URL', () => {
    const clicked: Array<{ href: string; download: string; attached: boolean }> = [];
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement
    ) {
      clicked.push({ href: this.href, download: this.download, attached: document.body.contains(this) });
    });
    const blob = new Blob(['xlsx']);
    saveFile(blob, 'Delivery by day 2026-03-01–2026-03-31.xlsx');

    expect(createObjectURL).toHaveBeenCalledWith(blob);
    expect(clicked).toEqual([
      { href: 'blob:workbook', download: 'Delivery by day 2026-03-01–2026-03-31.xlsx', attached: true },
    ]);
    expect(document.querySelectorAll('a')).toHaveLength(0);
    expect(revokeObjectURL).not.toHaveBeenCalled();
    jest.runAllTimers();
    expect(revokeObjectURL).toHaveBeenCalledWith('blob:workbook');
    click.mockRestore();
  });
});
