"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.DemoStream = void 0;
/**
 * The demo's timeline: makes slots as time reaches them and hands out each event once
 * the moment it describes has passed (opens and scheduled sends come days later).
 */
const calendar_1 = require("./calendar");
const slotEvents_1 = require("./slotEvents");
class DemoStream {
    traffic;
    nextSlot;
    pending = [];
    constructor(traffic, fromMs) {
        this.traffic = traffic;
        this.nextSlot = (0, calendar_1.slotOf)(fromMs);
    }
    /** Events due by `nowMs` (inclusive) not handed out before, in time order. */
    due(nowMs) {
        const lastSlot = (0, calendar_1.slotOf)(nowMs);
        for (; this.nextSlot <= lastSlot; this.nextSlot++) {
            this.pending.push(...(0, slotEvents_1.slotEvents)(this.traffic, this.nextSlot));
        }
        const due = [];
        const later = [];
        for (const timed of this.pending) {
            (timed.atMs <= nowMs ? due : later).push(timed);
        }
        this.pending = later;
        return due.sort((a, b) => a.atMs - b.atMs).map((timed) => timed.event);
    }
    get pendingCount() {
        return this.pending.length;
    }
}
exports.DemoStream = DemoStream;
