/**
 * The demo account's sending limits, chosen so that the current month's usage
 * (requested - canceled, domain.md "By sending limit") approaches the monthly limit.
 */
import { localMonth, localTime, slotOf } from './calendar';
import { slotEvents } from './slotEvents';
import type { Traffic } from './slotMails';

/** The month ends at this share of the monthly limit; the 80 % alert fires in its last days. */
export const MONTH_END_SHARE = 0.92;
/** The busiest day of the month reaches this share of the daily limit. */
export const PEAK_DAY_SHARE = 0.85;

export interface DemoLimits {
  monthly: number;
  daily: number;
  changeRequestUrl: string;
  /** The usage the whole current month will reach, and on its busiest day. */
  monthUsage: number;
  peakDayUsage: number;
}

const roundUp = (value: number, step: number) => Math.max(step, Math.ceil(value / step) * step);

export function demoLimits(traffic: Traffic, nowMs: number): DemoLimits {
  const month = localMonth(nowMs);
  const usageByDay = new Map<number, number>();
  for (let slot = slotOf(month.start); slot < slotOf(month.end); slot++) {
    for (const { event } of slotEvents(traffic, slot)) {
      const sign = event.type === 'requested' ? 1 : event.type === 'canceled' ? -1 : 0;
      const day = localTime(Date.parse(event.requestedAt)).dayNumber;
      usageByDay.set(day, (usageByDay.get(day) ?? 0) + sign * event.count);
    }
  }
  const monthUsage = [...usageByDay.values()].reduce((sum, value) => sum + value, 0);
  const peakDayUsage = Math.max(0, ...usageByDay.values());
  return {
    monthly: roundUp(monthUsage / MONTH_END_SHARE, 1000),
    daily: roundUp(peakDayUsage / PEAK_DAY_SHARE, 100),
    changeRequestUrl: 'https://support.example.com/mail/sending-limit-change',
    monthUsage,
    peakDayUsage,
  };
}

/** PUT /api/v1/limits for `account` with an admin key. */
export async function putLimits(url: string, adminKey: string, account: string, limits: DemoLimits): Promise<void> {
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
