/**
 * What the demo traffic looks like: a Korean web service's outbound mail. Pure data,
 * tuned so that the dashboards show believable shapes (see docs/running.md, "Demo data").
 */
import type { Weighted } from './random';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Korea has had no daylight saving time since 1988, so a fixed offset is exact. */
export const DEMO_ZONE = { name: 'Asia/Seoul', offsetMs: 9 * HOUR } as const;

export interface TemplateProfile {
  /** Absent for ad-hoc mails (counted as `(none)`). */
  name?: string;
  advertising: boolean;
  /** Share of delivered mails opened eventually. */
  openRate: number;
}

/** Transactional mails follow the daily rhythm; weights are their shares of that traffic. */
export const TRANSACTIONAL_TEMPLATES: Weighted<TemplateProfile> = [
  [{ name: 'Welcome, new member', advertising: false, openRate: 0.62 }, 0.22],
  [{ name: '비밀번호 재설정', advertising: false, openRate: 0.78 }, 0.18],
  [{ name: '주문 완료 안내', advertising: false, openRate: 0.55 }, 0.42],
  [{ advertising: false, openRate: 0.35 }, 0.18],
];

/** Scheduled bulk sends: requested days before they go out, sometimes partly canceled. */
export interface CampaignProfile {
  template: TemplateProfile;
  /** Share of all mail volume that this campaign carries. */
  volumeShare: number;
  /** How often it runs: every week on a weekday (0 = Sunday), or every month on a day. */
  schedule: { every: 'week'; requestWeekday: number } | { every: 'month'; requestDay: number };
  /** Local time of day of the request. */
  requestAtMs: number;
  /** Sent this long after the request. */
  sendAfterMs: number;
  /** Chance that a run is partly canceled, and the share of its mails then canceled. */
  cancelChance: number;
  canceledShare: readonly [number, number];
}

export const CAMPAIGNS: readonly CampaignProfile[] = [
  {
    template: { name: '주간 뉴스레터', advertising: true, openRate: 0.24 },
    volumeShare: 0.22,
    schedule: { every: 'week', requestWeekday: 2 },
    requestAtMs: 16 * HOUR,
    sendAfterMs: 2 * DAY - 6 * HOUR, // Tuesday 16:00 for Thursday 10:00
    cancelChance: 0.3,
    canceledShare: [0.05, 0.3],
  },
  {
    template: { name: '월간 프로모션: "VIP" 혜택 = 20% 할인', advertising: true, openRate: 0.17 },
    volumeShare: 0.1,
    schedule: { every: 'month', requestDay: 1 },
    requestAtMs: 9 * HOUR,
    sendAfterMs: 3 * DAY + 2 * HOUR, // the 1st 09:00 for the 4th 11:00
    cancelChance: 0.5,
    canceledShare: [0.1, 0.4],
  },
];

/** Transactional traffic by local weekday (0 = Sunday): quieter at weekends. */
export const WEEKDAY_WEIGHTS: readonly number[] = [0.55, 1.12, 1.15, 1.14, 1.12, 1.08, 0.62];

/** Transactional traffic by local hour: low at night, peaks late morning and afternoon. */
export const HOUR_WEIGHTS: readonly number[] = [
  0.35, 0.22, 0.14, 0.1, 0.09, 0.12, 0.25, 0.55, 0.95, 1.35, 1.6, 1.65, 1.4, 1.5, 1.62, 1.58, 1.5, 1.4, 1.25, 1.2, 1.3,
  1.25, 0.95, 0.6,
];

export type DomainKind = 'mailbox' | 'nonexistent' | 'defunct';

export interface DomainProfile {
  domain: string;
  kind: DomainKind;
}

/** Recipient domains by share of recipients; the last ones fail. */
export const DOMAINS: Weighted<DomainProfile> = [
  [{ domain: 'naver.com', kind: 'mailbox' }, 0.36],
  [{ domain: 'gmail.com', kind: 'mailbox' }, 0.24],
  [{ domain: 'daum.net', kind: 'mailbox' }, 0.08],
  [{ domain: 'hanmail.net', kind: 'mailbox' }, 0.07],
  [{ domain: 'kakao.com', kind: 'mailbox' }, 0.04],
  [{ domain: 'nate.com', kind: 'mailbox' }, 0.035],
  [{ domain: 'outlook.com', kind: 'mailbox' }, 0.03],
  [{ domain: 'icloud.com', kind: 'mailbox' }, 0.02],
  [{ domain: 'hotmail.com', kind: 'mailbox' }, 0.015],
  [{ domain: 'yahoo.com', kind: 'mailbox' }, 0.012],
  [{ domain: 'hanbit-logistics.co.kr', kind: 'mailbox' }, 0.025],
  [{ domain: 'mirae-univ.ac.kr', kind: 'mailbox' }, 0.018],
  [{ domain: 'globex-korea.com', kind: 'mailbox' }, 0.012],
  [{ domain: 'gmial.com', kind: 'nonexistent' }, 0.006],
  [{ domain: 'naver.con', kind: 'nonexistent' }, 0.004],
  [{ domain: 'oldmail.co.kr', kind: 'defunct' }, 0.005],
];

/** One attempt of a recipient mail: a result code reported this long after the first attempt. */
export interface Attempt {
  code: string;
  afterMs: number;
}

/** What happens to a recipient mail that was not canceled: its attempts, the last one final. */
export type Fate = readonly Attempt[];

const at = (code: string, afterMs = 0): Attempt => ({ code, afterMs });

/** Stands for a deferred code, picked per mail from DEFERRED_CODES. */
export const ANY_DEFERRED = '(deferred)';

export const DEFERRED_CODES: Weighted<string> = [
  ['CONNECTION_ABNORMAL', 0.3],
  ['MAILBOX_ABNORMAL', 0.25],
  ['RECEIVE_MAIL_SERVICE_ABNORMAL', 0.15],
  ['SMTP_ABNORMAL', 0.12],
  ['NETWORK_ABNORMAL', 0.1],
  ['SECURITY_AND_POLICY_ABNORMAL', 0.05],
  ['RESENDING_MAIL', 0.03],
];

/** Delivered at the first attempt: also what a fate becomes whose code the mail cannot get. */
export const DELIVERED_AT_ONCE: Fate = [at('MAIL_SENT')];

/** Fates of mail to a working mailbox domain; a deferred attempt is always followed by a final one. */
export const MAILBOX_FATES: Weighted<Fate> = [
  [DELIVERED_AT_ONCE, 0.9445],
  [[at(ANY_DEFERRED), at('MAIL_SENT', 10 * MINUTE)], 0.025],
  [[at(ANY_DEFERRED), at('RESEND_MAIL_FAIL', 4 * HOUR)], 0.002],
  [[at('MAILBOX_ERROR')], 0.009],
  [[at('RECIPIENT_ADDRESS_ERROR')], 0.004],
  [[at('SMTP_ERROR')], 0.002],
  [[at('RECEIVE_MAIL_SERVICE_ERROR')], 0.0015],
  [[at('SECURITY_AND_POLICY_ERROR')], 0.001],
  [[at('MAIL_CONTENTS_ERROR')], 0.0005],
  [[at('SEND_BLOCK_ADDRESS')], 0.002],
  [[at('UNSUBSCRIBE_ADDRESS')], 0.006],
  [[at('UNKNOWN_CAUSE_FAIL')], 0.0005],
  [[at('NETWORK_ERROR')], 0.0005],
  [[at('TEST_MAIL_SEND')], 0.001],
];

/** A domain that does not exist fails before sending; a defunct company's domain bounces. */
export const FAILING_FATES: Readonly<Record<Exclude<DomainKind, 'mailbox'>, Weighted<Fate>>> = {
  nonexistent: [[[at('NONEXISTENT_DOMAIN_ADDRESS')], 1]],
  defunct: [
    [[at('MAILBOX_ERROR')], 0.6],
    [[at('RECIPIENT_ADDRESS_ERROR')], 0.4],
  ],
};

/** Codes only advertising mail can get (the address unsubscribed earlier). */
export const ADVERTISING_ONLY_CODES: ReadonlySet<string> = new Set(['UNSUBSCRIBE_ADDRESS']);
/** The system's own test mails are not made from templates. */
export const NO_TEMPLATE_ONLY_CODES: ReadonlySet<string> = new Set(['TEST_MAIL_SEND']);

/**
 * Some days a big provider rejects part of the mail by policy (a bad reputation day),
 * which pushes that day's bounce rate over the alert thresholds.
 */
export const INCIDENT = { chancePerDay: 0.06, domain: 'gmail.com', code: 'SECURITY_AND_POLICY_ERROR', share: 0.3 };

/** When a delivered mail is first opened, after its send: most soon, some days later. */
export const OPEN_DELAYS: Weighted<number> = [
  [5 * MINUTE, 0.2],
  [40 * MINUTE, 0.2],
  [2 * HOUR, 0.15],
  [6 * HOUR, 0.13],
  [14 * HOUR, 0.12],
  [1 * DAY + 3 * HOUR, 0.09],
  [2 * DAY + 5 * HOUR, 0.05],
  [3 * DAY + 8 * HOUR, 0.03],
  [5 * DAY + 2 * HOUR, 0.02],
  [6 * DAY + 20 * HOUR, 0.01],
];

/** Share of opened advertising mails whose reader clicks "unsubscribe", and how soon. */
export const UNSUBSCRIBE = { rate: 0.025, afterOpenMs: 3 * MINUTE };

/** A transactional mail leaves the system this long after its request. */
export const SEND_DELAY_MS = 20_000;
/** Campaign mails go out domain after domain, this far apart. */
export const CAMPAIGN_DOMAIN_STAGGER_MS = MINUTE;
/** Day-to-day variation of the volume. */
export const DAILY_NOISE = 0.15;
