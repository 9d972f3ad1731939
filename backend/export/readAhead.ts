/**
 * Reads the first rows of a (possibly async, possibly endless) row source ahead, so the
 * sheet can size its columns before the first row is written, and hands back all rows.
 * Leaving the returned rows early closes the source (ending, e.g., a database query).
 */
export interface ReadAhead<T> {
  head: T[];
  rows: AsyncIterable<T>;
}

export async function readAhead<T>(source: Iterable<T> | AsyncIterable<T>, count: number): Promise<ReadAhead<T>> {
  const iterator: Iterator<T> | AsyncIterator<T> =
    Symbol.asyncIterator in source ? source[Symbol.asyncIterator]() : source[Symbol.iterator]();
  const head: T[] = [];
  while (head.length < count) {
    const next = await iterator.next();
    if (next.done) {
      break;
    }
    head.push(next.value);
  }
  async function* rows(): AsyncGenerator<T> {
    try {
      yield* head;
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
        yield next.value;
      }
    } finally {
      await iterator.return?.();
    }
  }
  return { head, rows: rows() };
}
