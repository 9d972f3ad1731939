/** Backfills demo history, then (with follow) keeps streaming live events until aborted. */
import type { DemoArgs } from './args';
import { localMidnight } from './calendar';
import { DemoStream } from './demoStream';
import { demoLimits, putLimits } from './limits';
import { backfillLine, LiveReport } from './progress';
import { sendEvents, type SenderOptions } from './sender';
import { addToTotals, zeroTotals, type SentTotals } from './totals';

export interface DemoHooks {
  now?: () => number;
  log?: (line: string) => void;
  /** Ends live streaming (after the batch in flight). */
  signal?: AbortSignal;
}

const BACKFILL_ATTEMPTS = 10;
const BACKFILL_REPORT_EVERY_MS = 5_000;
const LIVE_REPORT_EVERY_MS = 60_000;

function waitOrAbort(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
  });
}

export async function runDemo(args: DemoArgs, hooks: DemoHooks = {}): Promise<SentTotals> {
  const now = hooks.now ?? Date.now;
  const log = hooks.log ?? (() => undefined);
  const traffic = { seed: args.seed, rate: args.rate };
  const startedAt = now();
  if (args.adminKey) {
    const limits = demoLimits(traffic, startedAt);
    await putLimits(args.url, args.adminKey, args.account, limits);
    log(
      `set ${args.account}'s limits: monthly ${limits.monthly} (this month will use ${limits.monthUsage}), daily ${limits.daily}`
    );
  }
  const sender: SenderOptions = {
    url: args.url,
    key: args.key,
    batchSize: args.batchSize,
    concurrency: 2,
    maxAttempts: BACKFILL_ATTEMPTS,
  };
  const stream = new DemoStream(traffic, localMidnight(startedAt, args.days));
  const totals = zeroTotals();
  log(`backfill: making the events of ${args.days} days + today...`);
  const backfill = stream.due(startedAt);
  let backfilled = 0;
  const backfillStarted = now();
  const backfillReport = () => log(backfillLine(backfilled, backfill.length, now() - backfillStarted));
  backfillReport();
  const progress = setInterval(backfillReport, BACKFILL_REPORT_EVERY_MS).unref();
  try {
    await sendEvents(backfill, { ...sender, onBatch: (events) => (backfilled += events) });
  } finally {
    clearInterval(progress);
  }
  backfillReport();
  addToTotals(totals, backfill);
  log(`backfilled ${args.days} days + today: ${JSON.stringify(totals)}`);
  const live = new LiveReport();
  let reportedAt = now();
  while (args.follow && !hooks.signal?.aborted) {
    await waitOrAbort(args.tickSeconds * 1000, hooks.signal);
    // Live: a backend restart must not lose events, so retry for as long as it takes.
    const due = stream.due(now());
    await sendEvents(due, { ...sender, maxAttempts: Infinity, onBatch: (events) => live.acknowledged(events, now()) });
    addToTotals(totals, due);
    if (now() - reportedAt >= LIVE_REPORT_EVERY_MS) {
      reportedAt = now();
      const line = live.line(reportedAt);
      if (line) {
        log(`${line}; ${totals.events.toLocaleString('en-US')} events sent in total`);
      }
    }
  }
  return totals;
}
