"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.runDemo = runDemo;
const calendar_1 = require("./calendar");
const demoStream_1 = require("./demoStream");
const limits_1 = require("./limits");
const sender_1 = require("./sender");
const totals_1 = require("./totals");
const BACKFILL_ATTEMPTS = 10;
const LIVE_REPORT_EVERY_MS = 60_000;
function waitOrAbort(ms, signal) {
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
async function runDemo(args, hooks = {}) {
    const now = hooks.now ?? Date.now;
    const log = hooks.log ?? (() => undefined);
    const traffic = { seed: args.seed, rate: args.rate };
    const startedAt = now();
    if (args.adminKey) {
        const limits = (0, limits_1.demoLimits)(traffic, startedAt);
        await (0, limits_1.putLimits)(args.url, args.adminKey, args.account, limits);
        log(`set ${args.account}'s limits: monthly ${limits.monthly} (this month will use ${limits.monthUsage}), daily ${limits.daily}`);
    }
    const sender = {
        url: args.url,
        key: args.key,
        batchSize: args.batchSize,
        concurrency: 2,
        maxAttempts: BACKFILL_ATTEMPTS,
    };
    const stream = new demoStream_1.DemoStream(traffic, (0, calendar_1.localMidnight)(startedAt, args.days));
    const totals = (0, totals_1.zeroTotals)();
    const backfill = stream.due(startedAt);
    await (0, sender_1.sendEvents)(backfill, sender);
    (0, totals_1.addToTotals)(totals, backfill);
    log(`backfilled ${args.days} days + today: ${JSON.stringify(totals)}`);
    let reportedAt = now();
    while (args.follow && !hooks.signal?.aborted) {
        await waitOrAbort(args.tickSeconds * 1000, hooks.signal);
        // Live: a backend restart must not lose events, so retry for as long as it takes.
        const live = stream.due(now());
        await (0, sender_1.sendEvents)(live, { ...sender, maxAttempts: Infinity });
        (0, totals_1.addToTotals)(totals, live);
        if (now() - reportedAt >= LIVE_REPORT_EVERY_MS) {
            reportedAt = now();
            log(`streaming: ${JSON.stringify(totals)}`);
        }
    }
    return totals;
}
