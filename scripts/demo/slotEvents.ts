/**
 * The demo events of one 15-minute slot, made from the seed and the slot number alone:
 * any slot can be regenerated on its own, so backfills and live streaming agree and
 * re-running a backfill sends the same ids.
 */
import { localTime, slotStart, type LocalTime } from './calendar';
import { EventAggregator, type TimedEvent } from './events';
import { addRecipientMail } from './mailFate';
import {
  CAMPAIGN_DOMAIN_STAGGER_MS,
  CAMPAIGNS,
  DAILY_NOISE,
  DOMAINS,
  HOUR_WEIGHTS,
  INCIDENT,
  SEND_DELAY_MS,
  TRANSACTIONAL_TEMPLATES,
  WEEKDAY_WEIGHTS,
  type CampaignProfile,
} from './profile';
import { pickWeighted, randomInt, roundRandomly, seededRandom } from './random';

const mean = (values: readonly number[]): number => values.reduce((sum, value) => sum + value, 0) / values.length;
const MEAN_WEEKDAY = mean(WEEKDAY_WEIGHTS);
const MEAN_HOUR = mean(HOUR_WEIGHTS);
const SLOTS_PER_DAY = 96;
const HOUR_MS = 3_600_000;
const DAYS_PER_MONTH = 365.25 / 12;
const TRANSACTIONAL_SHARE = 1 - CAMPAIGNS.reduce((sum, campaign) => sum + campaign.volumeShare, 0);

export interface DemoTraffic {
  seed: string;
  /** Average recipient mails requested per day, campaigns included. */
  rate: number;
}

interface DayConditions {
  volumeFactor: number;
  incident: boolean;
}

function dayConditions(traffic: DemoTraffic, dayNumber: number): DayConditions {
  const random = seededRandom(`${traffic.seed}:day:${dayNumber}`);
  return { volumeFactor: 1 + DAILY_NOISE * (2 * random() - 1), incident: random() < INCIDENT.chancePerDay };
}

/** Expected transactional mails in a slot starting at this local time. */
export function expectedTransactional(rate: number, local: LocalTime): number {
  const weekday = WEEKDAY_WEIGHTS[local.weekday] / MEAN_WEEKDAY;
  const hour = HOUR_WEIGHTS[local.hour] / MEAN_HOUR;
  return (rate * TRANSACTIONAL_SHARE * weekday * hour) / SLOTS_PER_DAY;
}

function addTransactional(traffic: DemoTraffic, slot: number, local: LocalTime, events: EventAggregator): void {
  const random = seededRandom(`${traffic.seed}:slot:${slot}`);
  const day = dayConditions(traffic, local.dayNumber);
  const mails = roundRandomly(random, expectedTransactional(traffic.rate, local) * day.volumeFactor);
  for (let i = 0; i < mails; i++) {
    const requestedAt = slotStart(slot) + randomInt(random, 0, 14) * 60_000;
    const mail = {
      template: pickWeighted(random, TRANSACTIONAL_TEMPLATES),
      domain: pickWeighted(random, DOMAINS),
      requestedAt,
      sendAt: requestedAt + SEND_DELAY_MS,
      incident: day.incident,
    };
    addRecipientMail(random, mail, events);
  }
}

function campaignRequestedIn(campaign: CampaignProfile, local: LocalTime): boolean {
  if (local.timeOfDayMs !== campaign.requestAtMs) {
    return false;
  }
  const { schedule } = campaign;
  return schedule.every === 'week' ? local.weekday === schedule.requestWeekday : local.day === schedule.requestDay;
}

function addCampaign(traffic: DemoTraffic, campaign: CampaignProfile, slot: number, events: EventAggregator): void {
  const random = seededRandom(`${traffic.seed}:campaign:${campaign.template.name}:${slot}`);
  const requestedAt = slotStart(slot);
  const periodDays = campaign.schedule.every === 'week' ? 7 : DAYS_PER_MONTH;
  const mails = roundRandomly(random, traffic.rate * campaign.volumeShare * periodDays * (0.95 + 0.1 * random()));
  const sendAt = requestedAt + campaign.sendAfterMs;
  const incident = dayConditions(traffic, localTime(sendAt).dayNumber).incident;
  const [minCanceled, maxCanceled] = campaign.canceledShare;
  const canceledShare = random() < campaign.cancelChance ? minCanceled + (maxCanceled - minCanceled) * random() : 0;
  // One cancellation action, some hours after the request and well before the send.
  const canceledAt = requestedAt + randomInt(random, 1, Math.floor(campaign.sendAfterMs / HOUR_MS) - 2) * HOUR_MS;
  for (let i = 0; i < mails; i++) {
    const domain = pickWeighted(random, DOMAINS);
    const canceled = random() < canceledShare;
    addRecipientMail(
      random,
      {
        template: campaign.template,
        domain,
        requestedAt,
        sendAt: sendAt + DOMAINS.findIndex(([profile]) => profile === domain) * CAMPAIGN_DOMAIN_STAGGER_MS,
        canceledAt: canceled ? canceledAt : undefined,
        incident,
      },
      events
    );
  }
}

export function slotEvents(traffic: DemoTraffic, slot: number): TimedEvent[] {
  const events = new EventAggregator();
  const local = localTime(slotStart(slot));
  addTransactional(traffic, slot, local, events);
  for (const campaign of CAMPAIGNS) {
    if (campaignRequestedIn(campaign, local)) {
      addCampaign(traffic, campaign, slot, events);
    }
  }
  return events.events(`demo-${traffic.seed}-${slot}`).sort((a, b) => a.atMs - b.atMs);
}
