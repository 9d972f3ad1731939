"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.PEAK_DAY_SHARE = exports.MONTH_END_SHARE = void 0;
exports.demoLimits = demoLimits;
exports.putLimits = putLimits;
/**
 * The demo account's sending limits, chosen so that the current month's usage
 * (requested - canceled, domain.md "By sending limit") approaches the monthly limit.
 */
const calendar_1 = require("./calendar");
const slotEvents_1 = require("./slotEvents");
/** The month ends at this share of the monthly limit; the 80 % alert fires in its last days. */
exports.MONTH_END_SHARE = 0.92;
/** The busiest day of the month reaches this share of the daily limit. */
exports.PEAK_DAY_SHARE = 0.85;
const roundUp = (value, step) => Math.max(step, Math.ceil(value / step) * step);
function demoLimits(traffic, nowMs) {
    const month = (0, calendar_1.localMonth)(nowMs);
    const usageByDay = new Map();
    for (let slot = (0, calendar_1.slotOf)(month.start); slot < (0, calendar_1.slotOf)(month.end); slot++) {
        for (const { event } of (0, slotEvents_1.slotEvents)(traffic, slot)) {
            const sign = event.type === 'requested' ? 1 : event.type === 'canceled' ? -1 : 0;
            const day = (0, calendar_1.localTime)(Date.parse(event.requestedAt)).dayNumber;
            usageByDay.set(day, (usageByDay.get(day) ?? 0) + sign * event.count);
        }
    }
    const monthUsage = [...usageByDay.values()].reduce((sum, value) => sum + value, 0);
    const peakDayUsage = Math.max(0, ...usageByDay.values());
    return {
        monthly: roundUp(monthUsage / exports.MONTH_END_SHARE, 1000),
        daily: roundUp(peakDayUsage / exports.PEAK_DAY_SHARE, 100),
        changeRequestUrl: 'https://support.example.com/mail/sending-limit-change',
        monthUsage,
        peakDayUsage,
    };
}
/** PUT /api/v1/limits for `account` with an admin key. */
async function putLimits(url, adminKey, account, limits) {
    const { monthly, daily, changeRequestUrl } = limits;
    const answer = await fetch(`${url}/api/v1/limits?account=${encodeURIComponent(account)}`, {
        method: 'PUT',
        headers: { Authorization: `Bearer ${adminKey}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ monthly, daily, changeRequestUrl }),
    });
    if (!answer.ok) {
        throw new Error(`setting the sending limits failed: ${answer.status} ${await answer.text()}`);
    }
}
