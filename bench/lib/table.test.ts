import { formatTable } from './table';

describe('formatTable', () => {
  it('pads columns and right-aligns numbers', () => {
    expect(formatTable(['case', 'value', 'target'], [['ingest', 0.07, 'miss'], ['views p95 ms', 123.4, 'pass']])).toBe(
      ['case          value  target', '------------  -----  ------', 'ingest         0.07  miss', 'views p95 ms  123.4  pass'].join('\n')
    );
  });
});
