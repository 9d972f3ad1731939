import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dashboardRequests } from './dashboard';

const NOW = Date.parse('2026-03-15T03:00:00Z'); // 12:00 in Seoul

function dashboardFile(panels: unknown[], time = { from: 'now-29d/d', to: 'now/d' }): string {
  const file = join(mkdtempSync(join(tmpdir(), 'bench-dashboard-')), 'dashboard.json');
  writeFileSync(file, JSON.stringify({ title: 'Overview', time, panels }));
  return file;
}

describe('dashboardRequests', () => {
  it('turns each visible target into the request the data source sends, variables at All', () => {
    const file = dashboardFile([
      {
        title: 'Totals',
        targets: [{ refId: 'A', view: 'request-date', interval: 'auto', templates: ['$template'], domains: ['${domain}'] }],
      },
      {
        title: 'Row',
        panels: [
          { title: 'Top domains', targets: [{ refId: 'A', view: 'domains', interval: 'auto', resultCodes: ['$resultCode'], top: 5 }] },
        ],
      },
      { title: 'Hidden', targets: [{ refId: 'A', view: 'send-date', hide: true }] },
      { title: 'Limit', targets: [{ refId: 'A', view: 'sending-limit', months: 1 }] },
      { title: 'Text', type: 'text' },
    ]);
    const { title, requests } = dashboardRequests(file, NOW, 'Asia/Seoul');
    expect(title).toBe('Overview');
    const from = String(Date.parse('2026-02-13T15:00:00Z'));
    const to = String(Date.parse('2026-03-15T15:00:00Z') - 1);
    expect(requests.map((request) => [request.panel, request.path, request.params.toString()])).toEqual([
      ['Totals', '/stats/request-date', `tz=Asia%2FSeoul&from=${from}&to=${to}&interval=1d`],
      ['Top domains', '/stats/domains', `tz=Asia%2FSeoul&from=${from}&to=${to}&interval=1d&top=5`],
      ['Limit', '/stats/sending-limit', 'tz=Asia%2FSeoul&month=2026-03&months=1'],
    ]);
  });

  it('names a time range it cannot compute', () => {
    const file = dashboardFile([], { from: 'now-7d', to: 'now' });
    expect(() => dashboardRequests(file, NOW, 'UTC')).toThrow('dashboard time range now-7d to now is not now-Nd/d to now/d');
  });
});
