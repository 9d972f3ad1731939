import { readAhead } from './readAhead';

async function collect<T>(rows: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const row of rows) {
    all.push(row);
  }
  return all;
}

describe('readAhead', () => {
  it('reads the first rows of an array ahead and still gives every row once', async () => {
    const { head, rows } = await readAhead([1, 2, 3, 4, 5], 2);
    expect(head).toEqual([1, 2]);
    expect(await collect(rows)).toEqual([1, 2, 3, 4, 5]);
  });

  it('reads an async source shorter than the read-ahead', async () => {
    async function* source() {
      yield 'a';
      yield 'b';
    }
    const { head, rows } = await readAhead(source(), 10);
    expect(head).toEqual(['a', 'b']);
    expect(await collect(rows)).toEqual(['a', 'b']);
  });

  it('closes the source when the reader leaves early, even inside the read-ahead', async () => {
    let closed = 0;
    async function* endless() {
      try {
        for (let n = 0; ; n++) {
          yield n;
        }
      } finally {
        closed++;
      }
    }
    const { rows } = await readAhead(endless(), 3);
    for await (const row of rows) {
      if (row === 1) {
        break;
      }
    }
    expect(closed).toBe(1);
  });
});
