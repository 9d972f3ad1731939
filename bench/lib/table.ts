/** A plain-text table for the terminal: columns padded to their widest cell, numbers right-aligned. */
export type Cell = string | number;

export function formatTable(header: readonly string[], rows: ReadonlyArray<readonly Cell[]>): string {
  const text = [header, ...rows].map((row) => row.map((cell) => String(cell)));
  const widths = header.map((_unused, column) => Math.max(...text.map((row) => (row[column] ?? '').length)));
  const line = (cells: string[], raw: readonly Cell[]) =>
    cells.map((cell, column) => (typeof raw[column] === 'number' ? cell.padStart(widths[column]) : cell.padEnd(widths[column]))).join('  ').trimEnd();
  return [
    line(text[0], header),
    widths.map((width) => '-'.repeat(width)).join('  '),
    ...text.slice(1).map((cells, index) => line(cells, rows[index])),
  ].join('\n');
}
