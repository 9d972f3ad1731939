"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.EventAggregator = void 0;
const iso = (ms) => new Date(ms).toISOString();
function toEvent(shape, id, count) {
    const event = { id, type: shape.type, domain: shape.domain, requestedAt: iso(shape.requestedAt), count };
    if (shape.template !== undefined) {
        event.template = shape.template;
    }
    if (shape.advertising) {
        event.advertising = true;
    }
    if (shape.sentAt !== undefined) {
        event.sentAt = iso(shape.sentAt);
    }
    if (shape.resultCode !== undefined) {
        event.resultCode = shape.resultCode;
    }
    if (shape.at !== (shape.sentAt ?? shape.requestedAt)) {
        event.at = iso(shape.at);
    }
    return event;
}
/** Sums identical events; ids are `<prefix>-<n>` in order of first appearance, so they are deterministic. */
class EventAggregator {
    counts = new Map();
    add(shape, count = 1) {
        const key = JSON.stringify([
            shape.type,
            shape.template,
            shape.advertising,
            shape.domain,
            shape.requestedAt,
            shape.sentAt,
            shape.at,
            shape.resultCode,
        ]);
        const entry = this.counts.get(key);
        if (entry) {
            entry.count += count;
        }
        else {
            this.counts.set(key, { shape, count });
        }
    }
    events(idPrefix) {
        return [...this.counts.values()].map(({ shape, count }, index) => ({
            atMs: shape.at,
            event: toEvent(shape, `${idPrefix}-${index}`, count),
        }));
    }
}
exports.EventAggregator = EventAggregator;
