/**
 * The recipient mails of one 15-minute slot, made from the seed and the slot number alone:
 * any slot can be regenerated on its own, so backfills and live streaming agree and
 * re-running a backfill sends the same ids.
 */
import { localTime, slotStart, type LocalTime } from './calendar';
import { addRecipientMail } from './mailFate';
import {
  CAMPAIGN_DOMAIN_STAGGER_MS,
  CAMPAIGNS,
  DAILY_NOISE,
  DOMAINS,
  HOUR_WEIGHTS,
  INCIDENT,
  SEND_DELAY_MS,
  WEEKDAY_WEIGHTS,
  type CampaignProfile,
} from './profile';
import { randomInt, roundRandomly, seededRandom } from './random';
import type { MailEventSink, TrafficModel } from './trafficModel';

const mean = (values: readonly number[]): number => values.reduce((sum, value) => sum + value, 0) / values.length;
const MEAN_WEEKDAY = mean(WEEKDAY_WEIGHTS);
const MEAN_HOUR = mean(HOUR_WEIGHTS);
const SLOTS_PER_DAY = 96;
const HOUR_MS = 3_600_000;
const DAYS_PER_MONTH = 365.25 / 12;
const TRANSACTIONAL_SHARE = 1 - CAMPAIGNS.reduce((sum, campaign) => sum + campaign.volumeShare, 0);

export interface Traffic {
  seed: string;
  /** Average recipient mails requested per day, campaigns included. */
  rate: number;
}

interface DayConditions {
  volumeFactor: number;
  incident: boolean;
}

function dayConditions(traffic: Traffic, dayNumber: number): DayConditions {
  const random = seededRandom(`${traffic.seed}:day:${dayNumber}`);
  return { volumeFactor: 1 + DAILY_NOISE * (2 * random() - 1), incident: random() < INCIDENT.chancePerDay };
}

/** Expected transactional mails in a slot starting at this local time. */
export function expectedTransactional(rate: number, local: LocalTime): number {
  const weekday = WEEKDAY_WEIGHTS[local.weekday] / MEAN_WEEKDAY;
  const hour = HOUR_WEIGHTS[local.hour] / MEAN_HOUR;
  return (rate * TRANSACTIONAL_SHARE * weekday * hour) / SLOTS_PER_DAY;
}

function addTransactional(
  model: TrafficModel,
  traffic: Traffic,
  slot: number,
  local: LocalTime,
  sink: MailEventSink
): void {
  const random = seededRandom(`${traffic.seed}:slot:${slot}`);
  const day = dayConditions(traffic, local.dayNumber);
  const mails = roundRandomly(random, expectedTransactional(traffic.rate, local) * day.volumeFactor);
  for (let i = 0; i < mails; i++) {
    const requestedAt = slotStart(slot) + randomInt(random, 0, model.requestSteps - 1) * model.requestStepMs;
    const mail = {
      template: model.transactionalTemplate.pick(random),
      domain: model.domain.pick(random),
      requestedAt,
      sendAt: requestedAt + SEND_DELAY_MS,
      incident: day.incident,
    };
    addRecipientMail(random, model, mail, sink);
  }
}

function campaignRequestedIn(campaign: CampaignProfile, local: LocalTime): boolean {
  if (local.timeOfDayMs !== campaign.requestAtMs) {
    return false;
  }
  const { schedule } = campaign;
  return schedule.every === 'week' ? local.weekday === schedule.requestWeekday : local.day === schedule.requestDay;
}

function addCampaign(
  model: TrafficModel,
  traffic: Traffic,
  campaign: CampaignProfile,
  slot: number,
  sink: MailEventSink
): void {
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
  const template = model.campaignTemplate.get(campaign)!;
  for (let i = 0; i < mails; i++) {
    const domain = model.domain.pick(random);
    const canceled = random() < canceledShare;
    addRecipientMail(
      random,
      model,
      {
        template,
        domain,
        requestedAt,
        // Domain after domain through the demo's domains; a long tail goes out after them.
        sendAt: sendAt + Math.min(domain, DOMAINS.length) * CAMPAIGN_DOMAIN_STAGGER_MS,
        canceledAt: canceled ? canceledAt : undefined,
        incident,
      },
      sink
    );
  }
}

/** Gives the events of every mail requested in the slot to the sink. */
export function addSlotMails(model: TrafficModel, traffic: Traffic, slot: number, sink: MailEventSink): void {
  const local = localTime(slotStart(slot));
  addTransactional(model, traffic, slot, local, sink);
  for (const campaign of CAMPAIGNS) {
    if (campaignRequestedIn(campaign, local)) {
      addCampaign(model, traffic, campaign, slot, sink);
    }
  }
}
