"use strict";
/**
 * Seeded pseudo-random numbers: the demo data must be the same on every run with the
 * same seed, so that re-running a backfill sends the same events with the same ids.
 */
Object.defineProperty(exports, "__esModule", { value: true });
exports.hashString = hashString;
exports.seededRandom = seededRandom;
exports.pickWeighted = pickWeighted;
exports.roundRandomly = roundRandomly;
exports.randomInt = randomInt;
/** 32-bit FNV-1a hash of a string: turns "seed:slot" into a generator seed. */
function hashString(text) {
    let hash = 0x811c9dc5;
    for (let i = 0; i < text.length; i++) {
        hash ^= text.charCodeAt(i);
        hash = Math.imul(hash, 0x01000193);
    }
    return hash >>> 0;
}
/** mulberry32: small, fast and good enough for traffic shapes; returns [0, 1). */
function seededRandom(seed) {
    let state = hashString(seed);
    return () => {
        state = (state + 0x6d2b79f5) >>> 0;
        let t = state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}
/** Picks an item with probability proportional to its weight. */
function pickWeighted(random, items) {
    let total = 0;
    for (const [, weight] of items) {
        total += weight;
    }
    let target = random() * total;
    for (const [item, weight] of items) {
        target -= weight;
        if (target < 0) {
            return item;
        }
    }
    return items[items.length - 1][0];
}
/** A whole number whose mean is `expected`: the fraction is rounded up with that probability. */
function roundRandomly(random, expected) {
    const whole = Math.floor(expected);
    return whole + (random() < expected - whole ? 1 : 0);
}
/** Uniform whole number in [min, max]. */
function randomInt(random, min, max) {
    return min + Math.floor(random() * (max - min + 1));
}
