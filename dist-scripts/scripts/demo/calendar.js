"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.DAY_MS = exports.SLOT_MS = void 0;
exports.slotOf = slotOf;
exports.slotStart = slotStart;
exports.localTime = localTime;
exports.localMidnight = localMidnight;
exports.localMonth = localMonth;
/** Demo time: 15-minute slots (the backend's bucket size) and the demo zone's local calendar. */
const profile_1 = require("./profile");
exports.SLOT_MS = 15 * 60_000;
exports.DAY_MS = 24 * 60 * 60_000;
function slotOf(ms) {
    return Math.floor(ms / exports.SLOT_MS);
}
function slotStart(slot) {
    return slot * exports.SLOT_MS;
}
function localTime(ms) {
    const local = ms + profile_1.DEMO_ZONE.offsetMs;
    const date = new Date(local);
    return {
        weekday: date.getUTCDay(),
        hour: date.getUTCHours(),
        day: date.getUTCDate(),
        timeOfDayMs: ((local % exports.DAY_MS) + exports.DAY_MS) % exports.DAY_MS,
        dayNumber: Math.floor(local / exports.DAY_MS),
    };
}
/** The UTC instant of local midnight `daysBack` days before the local day of `ms`. */
function localMidnight(ms, daysBack = 0) {
    return (localTime(ms).dayNumber - daysBack) * exports.DAY_MS - profile_1.DEMO_ZONE.offsetMs;
}
/** [start, end) of the local month of `ms`, as UTC instants. */
function localMonth(ms) {
    const local = new Date(ms + profile_1.DEMO_ZONE.offsetMs);
    const start = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), 1) - profile_1.DEMO_ZONE.offsetMs;
    const end = Date.UTC(local.getUTCFullYear(), local.getUTCMonth() + 1, 1) - profile_1.DEMO_ZONE.offsetMs;
    return { start, end };
}
