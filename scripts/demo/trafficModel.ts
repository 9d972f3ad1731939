/**
 * The one traffic model of the demo and the benchmarks. The profile (profile.ts) says what
 * the traffic looks like; a model picks its mails' templates and domains, by default the
 * demo's. The benchmarks widen it with a long tail (bench/lib/traffic.ts). slotMails.ts
 * makes a slot's mails, mailFate.ts what becomes of each, and a MailEventSink what becomes
 * of their events: the demo keeps event objects, the benchmarks sum them under integer keys.
 */
import { SLOT_MS } from './calendar';
import type { DemoEventType } from './events';
import { CAMPAIGNS, DOMAINS, TRANSACTIONAL_TEMPLATES, type DomainProfile, type TemplateProfile } from './profile';
import { Picker, type Weighted } from './random';

export interface TrafficOptions {
  /** Recipient domains by share of recipients; the demo's DOMAINS must come first. */
  domains: Weighted<DomainProfile>;
  /** Templates of the transactional mail by share of it. */
  transactionalTemplates: Weighted<TemplateProfile>;
  /** Requests fall on this grid within their slot. */
  requestStepMs: number;
}

export interface TrafficModel {
  /** The transactional templates, then each campaign's. */
  templates: readonly TemplateProfile[];
  domains: readonly DomainProfile[];
  /** Indexes into `templates` (transactional ones only) and `domains`. */
  transactionalTemplate: Picker<number>;
  domain: Picker<number>;
  campaignTemplate: ReadonlyMap<(typeof CAMPAIGNS)[number], number>;
  requestSteps: number;
  requestStepMs: number;
}

const indexed = <T>(weighted: Weighted<T>): Picker<number> =>
  new Picker(weighted.map(([, weight], index) => [index, weight] as const));

export function trafficModel(options: TrafficOptions): TrafficModel {
  const transactional = options.transactionalTemplates.map(([template]) => template);
  return {
    templates: [...transactional, ...CAMPAIGNS.map((campaign) => campaign.template)],
    domains: options.domains.map(([domain]) => domain),
    transactionalTemplate: indexed(options.transactionalTemplates),
    domain: indexed(options.domains),
    campaignTemplate: new Map(CAMPAIGNS.map((campaign, index) => [campaign, transactional.length + index])),
    requestSteps: SLOT_MS / options.requestStepMs,
    requestStepMs: options.requestStepMs,
  };
}

/** The demo: its own templates and domains, requests to the minute. */
export const DEMO_MODEL = trafficModel({
  domains: DOMAINS,
  transactionalTemplates: TRANSACTIONAL_TEMPLATES,
  requestStepMs: 60_000,
});

/** A recipient mail; `template` and `domain` are indexes into its model's lists. */
export interface RecipientMail {
  template: number;
  domain: number;
  requestedAt: number;
  /** First send attempt (days after the request for scheduled mail). */
  sendAt: number;
  /** Set when the sender cancels the (scheduled) mail before it goes out. */
  canceledAt?: number;
  /** A day on which INCIDENT.domain rejects part of the mail. */
  incident: boolean;
}

/** Receives every event of every recipient mail, at the moment `at` it happens. */
export interface MailEventSink {
  add(type: DemoEventType, mail: RecipientMail, at: number, sentAt?: number, resultCode?: string): void;
}
