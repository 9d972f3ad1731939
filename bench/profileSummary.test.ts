import type { Profiler } from 'node:inspector';
import { summarizeProfile } from './profileSummary';

const frame = (functionName: string, url: string, lineNumber = 0) => ({
  functionName,
  url,
  lineNumber,
  columnNumber: 0,
  scriptId: '0',
});

test('self time by place and inclusive time of project functions', () => {
  // root -> (idle); root -> sheet (backend) -> planBuckets (backend) -> offset (luxon); root -> fetch (undici)
  const profile: Profiler.Profile = {
    nodes: [
      { id: 1, callFrame: frame('(root)', ''), children: [2, 3, 6] },
      { id: 2, callFrame: frame('(idle)', '') },
      { id: 3, callFrame: frame('sheet', '/repo/backend/entry-points/routes/stats.ts', 33), children: [4] },
      { id: 4, callFrame: frame('planBuckets', '/repo/backend/domain/timeBuckets.ts', 55), children: [5] },
      { id: 5, callFrame: frame('offset', '/repo/node_modules/luxon/build/node/luxon.js', 559) },
      { id: 6, callFrame: frame('fetch', 'node:internal/deps/undici/undici') },
    ],
    startTime: 0,
    endTime: 10_000,
    samples: [2, 5, 4, 5, 6, 3],
    timeDeltas: [4000, 1000, 500, 1000, 2000, 1500],
  };
  expect(summarizeProfile(profile).split('\n')).toEqual([
    'profile: 10 ms sampled',
    'self time by place:',
    '      4.0 ms  (idle)',
    '      2.0 ms  luxon',
    '      2.0 ms  undici (fetch)',
    '      1.5 ms  backend/entry-points/routes/stats.ts',
    '      0.5 ms  backend/domain/timeBuckets.ts',
    'inclusive time of project functions:',
    '      4.0 ms  sheet backend/entry-points/routes/stats.ts:34',
    '      2.5 ms  planBuckets backend/domain/timeBuckets.ts:56',
  ]);
});
