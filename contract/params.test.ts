import { MONTH_PATTERN, takesTop } from './params';
import { VIEW_IDS, VIEWS } from './views';

test('only the domain view takes top', () => {
  expect(VIEW_IDS.filter((id) => takesTop(VIEWS[id]))).toEqual(['domains']);
});

test('a month is YYYY-MM with a month from 01 to 12', () => {
  expect(['2026-01', '2026-12', '1999-09'].filter((month) => MONTH_PATTERN.test(month))).toHaveLength(3);
  expect(
    ['2026-00', '2026-13', '2026-3', '2026-03-01', ' 2026-03'].filter((month) => MONTH_PATTERN.test(month))
  ).toEqual([]);
});
