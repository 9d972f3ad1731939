/**
 * Case 4, dashboard load: every panel query of the overview dashboard issued at once, as
 * Grafana does when the dashboard opens, against the same queries one after another. Each
 * target becomes the request the data source would send (src/datasource/requestParams.ts),
 * with the dashboard's time range and every `$var` set to All.
 */
import { readFileSync } from 'node:fs';
import { DateTime } from 'luxon';
import { ALL_MARKER as ALL_VALUE } from '../../contract/params';
import { queryView, statsParams } from '../../src/datasource/requestParams';
import type { MailQuery } from '../../src/datasource/types';
import { ratio, summarize, type Summary } from '../lib/summary';
import { getView } from './views';

interface Panel {
  title?: string;
  targets?: MailQuery[];
  panels?: Panel[];
}

export interface PanelRequest {
  panel: string;
  path: string;
  params: URLSearchParams;
}

export interface DashboardFigures {
  dashboard: string;
  requests: Array<{ panel: string; url: string }>;
  /** Total milliseconds for all requests issued at once. */
  concurrent: Summary;
  /** Total milliseconds for the same requests one after another. */
  sequential: Summary;
  /** sequential / concurrent. */
  speedup: number;
}

/** Grafana's template service with every variable set to All (`allValue: "$__all"`). */
const allVariables = {
  replace: (text?: string) => (text ?? '').replace(/\$\{[^}]+\}|\$\w+/g, ALL_VALUE),
};

/** Grafana's time range for `now-Nd/d` to `now/d`: whole local days, the last one to its last millisecond. */
function dashboardRange(time: { from: string; to: string }, nowMs: number, tz: string): { from: number; to: number } {
  const today = DateTime.fromMillis(nowMs, { zone: tz }).startOf('day');
  const days = /^now-(\d+)d\/d$/.exec(time.from);
  if (!days || time.to !== 'now/d') {
    throw new Error(`dashboard time range ${time.from} to ${time.to} is not now-Nd/d to now/d; teach dashboardRange it`);
  }
  return { from: today.minus({ days: Number(days[1]) }).toMillis(), to: today.endOf('day').toMillis() };
}

/** The requests the data source sends for a dashboard (panels in rows included; hidden targets left out). */
export function dashboardRequests(file: string, nowMs: number, tz: string): { title: string; requests: PanelRequest[] } {
  const dashboard = JSON.parse(readFileSync(file, 'utf8')) as { title: string; time: { from: string; to: string }; panels: Panel[] };
  const range = dashboardRange(dashboard.time, nowMs, tz);
  // Grafana's interval: the range over the panel's width in pixels (about 1,000).
  const context = { ...range, intervalMs: (range.to - range.from) / 1000, timeZone: tz, scopedVars: {} };
  const panels = dashboard.panels.flatMap((panel) => [panel, ...(panel.panels ?? [])]);
  const requests = panels.flatMap((panel) =>
    (panel.targets ?? [])
      .filter((target) => !target.hide)
      .map((target) => ({ panel: panel.title ?? '', path: queryView(target).path, params: statsParams(target, context, allVariables) }))
  );
  return { title: dashboard.title, requests };
}

async function totalMs(run: () => Promise<unknown>): Promise<number> {
  const started = process.hrtime.bigint();
  await run();
  return Number(process.hrtime.bigint() - started) / 1e6;
}

/** Alternates the two ways up to `runs` times or until `budgetSeconds` are spent (at least twice each). */
export async function runDashboardCase(
  file: string,
  baseUrl: string,
  runs: number,
  budgetSeconds: number,
  nowMs: number,
  tz: string
): Promise<DashboardFigures> {
  const { title, requests } = dashboardRequests(file, nowMs, tz);
  const get = (request: PanelRequest) => getView(baseUrl, request.path, request.params);
  const concurrent: number[] = [];
  const sequential: number[] = [];
  const atOnce = () => totalMs(() => Promise.all(requests.map(get))).then((ms) => concurrent.push(ms));
  const oneByOne = () =>
    totalMs(async () => {
      for (const request of requests) {
        await get(request);
      }
    }).then((ms) => sequential.push(ms));
  await Promise.all(requests.map(get)); // warm-up
  const deadline = Date.now() + budgetSeconds * 1000;
  for (let run = 0; run < runs && (run < 2 || Date.now() < deadline); run++) {
    for (const side of run % 2 === 0 ? [atOnce, oneByOne] : [oneByOne, atOnce]) {
      await side();
    }
  }
  const concurrentFigures = summarize(concurrent);
  const sequentialFigures = summarize(sequential);
  return {
    dashboard: title,
    requests: requests.map((request) => ({ panel: request.panel, url: `${request.path}?${request.params}` })),
    concurrent: concurrentFigures,
    sequential: sequentialFigures,
    speedup: ratio(sequentialFigures.median, concurrentFigures.median),
  };
}
