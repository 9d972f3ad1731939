"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.zeroTotals = zeroTotals;
exports.addToTotals = addToTotals;
/** What the generator sent, in the backend's counts (domain.md, "Counts"). */
const resultCodes_1 = require("../../backend/domain/resultCodes");
const views_1 = require("../../backend/domain/views");
function zeroTotals() {
    return { ...(0, views_1.zeroCounts)(), resultCount: 0, events: 0 };
}
function addToTotals(totals, events) {
    for (const event of events) {
        totals.events++;
        switch (event.type) {
            case 'requested':
                totals.requestCount += event.count;
                break;
            case 'canceled':
                totals.canceledCount += event.count;
                break;
            case 'opened':
                totals.openedCount += event.count;
                break;
            case 'unsubscribed':
                totals.unsubscribeCount += event.count;
                break;
            case 'result': {
                const definition = (0, resultCodes_1.resultCodeDefinition)(event.resultCode ?? '');
                totals.resultCount += event.count;
                totals.sentCount += definition?.countsAsSent ? event.count : 0;
                totals.deliveredCount += definition?.resultClass === 'delivered' ? event.count : 0;
                totals.bouncedCount += definition?.resultClass === 'bounced' ? event.count : 0;
                break;
            }
        }
    }
    return totals;
}
