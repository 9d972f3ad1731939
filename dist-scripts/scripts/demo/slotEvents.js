"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.expectedTransactional = expectedTransactional;
exports.slotEvents = slotEvents;
/**
 * The demo events of one 15-minute slot, made from the seed and the slot number alone:
 * any slot can be regenerated on its own, so backfills and live streaming agree and
 * re-running a backfill sends the same ids.
 */
const calendar_1 = require("./calendar");
const events_1 = require("./events");
const mailFate_1 = require("./mailFate");
const profile_1 = require("./profile");
const random_1 = require("./random");
const mean = (values) => values.reduce((sum, value) => sum + value, 0) / values.length;
const MEAN_WEEKDAY = mean(profile_1.WEEKDAY_WEIGHTS);
const MEAN_HOUR = mean(profile_1.HOUR_WEIGHTS);
const SLOTS_PER_DAY = 96;
const HOUR_MS = 3_600_000;
const DAYS_PER_MONTH = 365.25 / 12;
const TRANSACTIONAL_SHARE = 1 - profile_1.CAMPAIGNS.reduce((sum, campaign) => sum + campaign.volumeShare, 0);
function dayConditions(traffic, dayNumber) {
    const random = (0, random_1.seededRandom)(`${traffic.seed}:day:${dayNumber}`);
    return { volumeFactor: 1 + profile_1.DAILY_NOISE * (2 * random() - 1), incident: random() < profile_1.INCIDENT.chancePerDay };
}
/** Expected transactional mails in a slot starting at this local time. */
function expectedTransactional(rate, local) {
    const weekday = profile_1.WEEKDAY_WEIGHTS[local.weekday] / MEAN_WEEKDAY;
    const hour = profile_1.HOUR_WEIGHTS[local.hour] / MEAN_HOUR;
    return (rate * TRANSACTIONAL_SHARE * weekday * hour) / SLOTS_PER_DAY;
}
function addTransactional(traffic, slot, local, events) {
    const random = (0, random_1.seededRandom)(`${traffic.seed}:slot:${slot}`);
    const day = dayConditions(traffic, local.dayNumber);
    const mails = (0, random_1.roundRandomly)(random, expectedTransactional(traffic.rate, local) * day.volumeFactor);
    for (let i = 0; i < mails; i++) {
        const requestedAt = (0, calendar_1.slotStart)(slot) + (0, random_1.randomInt)(random, 0, 14) * 60_000;
        const mail = {
            template: (0, random_1.pickWeighted)(random, profile_1.TRANSACTIONAL_TEMPLATES),
            domain: (0, random_1.pickWeighted)(random, profile_1.DOMAINS),
            requestedAt,
            sendAt: requestedAt + profile_1.SEND_DELAY_MS,
            incident: day.incident,
        };
        (0, mailFate_1.addRecipientMail)(random, mail, events);
    }
}
function campaignRequestedIn(campaign, local) {
    if (local.timeOfDayMs !== campaign.requestAtMs) {
        return false;
    }
    const { schedule } = campaign;
    return schedule.every === 'week' ? local.weekday === schedule.requestWeekday : local.day === schedule.requestDay;
}
function addCampaign(traffic, campaign, slot, events) {
    const random = (0, random_1.seededRandom)(`${traffic.seed}:campaign:${campaign.template.name}:${slot}`);
    const requestedAt = (0, calendar_1.slotStart)(slot);
    const periodDays = campaign.schedule.every === 'week' ? 7 : DAYS_PER_MONTH;
    const mails = (0, random_1.roundRandomly)(random, traffic.rate * campaign.volumeShare * periodDays * (0.95 + 0.1 * random()));
    const sendAt = requestedAt + campaign.sendAfterMs;
    const incident = dayConditions(traffic, (0, calendar_1.localTime)(sendAt).dayNumber).incident;
    const [minCanceled, maxCanceled] = campaign.canceledShare;
    const canceledShare = random() < campaign.cancelChance ? minCanceled + (maxCanceled - minCanceled) * random() : 0;
    // One cancellation action, some hours after the request and well before the send.
    const canceledAt = requestedAt + (0, random_1.randomInt)(random, 1, Math.floor(campaign.sendAfterMs / HOUR_MS) - 2) * HOUR_MS;
    for (let i = 0; i < mails; i++) {
        const domain = (0, random_1.pickWeighted)(random, profile_1.DOMAINS);
        const canceled = random() < canceledShare;
        (0, mailFate_1.addRecipientMail)(random, {
            template: campaign.template,
            domain,
            requestedAt,
            sendAt: sendAt + profile_1.DOMAINS.findIndex(([profile]) => profile === domain) * profile_1.CAMPAIGN_DOMAIN_STAGGER_MS,
            canceledAt: canceled ? canceledAt : undefined,
            incident,
        }, events);
    }
}
function slotEvents(traffic, slot) {
    const events = new events_1.EventAggregator();
    const local = (0, calendar_1.localTime)((0, calendar_1.slotStart)(slot));
    addTransactional(traffic, slot, local, events);
    for (const campaign of profile_1.CAMPAIGNS) {
        if (campaignRequestedIn(campaign, local)) {
            addCampaign(traffic, campaign, slot, events);
        }
    }
    return events.events(`demo-${traffic.seed}-${slot}`).sort((a, b) => a.atMs - b.atMs);
}
