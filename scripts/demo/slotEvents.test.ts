import { resultCodeDefinition } from '../../contract/resultCodes';
import { DAY_MS, localMidnight, localTime, slotOf } from './calendar';
import type { DemoEvent } from './events';
import { CAMPAIGNS, DOMAINS, SEND_DELAY_MS } from './profile';
import { slotEvents } from './slotEvents';

const traffic = { seed: 'unit', rate: 3000 };
const FROM = localMidnight(Date.parse('2026-11-02T00:00:00Z')); // Monday 2026-11-02, Seoul
const DAYS = 14;

const ms = (iso?: string) => Date.parse(iso ?? '');
const classOf = (event: DemoEvent) => resultCodeDefinition(event.resultCode ?? '')?.resultClass;
const sum = (events: DemoEvent[]) => events.reduce((total, event) => total + event.count, 0);
const campaignNames = new Set(CAMPAIGNS.map((campaign) => campaign.template.name));
const advertisingNames = new Set(CAMPAIGNS.filter((c) => c.template.advertising).map((c) => c.template.name));
const mailKey = (event: DemoEvent) => JSON.stringify([event.template, event.domain, event.requestedAt]);

describe('slotEvents', () => {
  let events: DemoEvent[];
  beforeAll(() => {
    events = [];
    for (let slot = slotOf(FROM); slot < slotOf(FROM + DAYS * DAY_MS); slot++) {
      events.push(...slotEvents(traffic, slot).map((timed) => timed.event));
    }
  });
  const ofType = (type: DemoEvent['type']) => events.filter((event) => event.type === type);

  it('is the same for the same seed and slot, and differs with the seed', () => {
    const slot = slotOf(Date.parse('2026-11-03T02:00:00Z'));
    expect(slotEvents(traffic, slot)).toEqual(slotEvents({ ...traffic }, slot));
    expect(slotEvents({ ...traffic, seed: 'other' }, slot)).not.toEqual(slotEvents(traffic, slot));
  });

  it('gives every event a unique id', () => {
    expect(new Set(events.map((event) => event.id)).size).toBe(events.length);
  });

  it('requests about `rate` mails a day', () => {
    const perDay = sum(ofType('requested')) / DAYS;
    expect(perDay).toBeGreaterThan(0.85 * traffic.rate);
    expect(perDay).toBeLessThan(1.15 * traffic.rate);
  });

  it('has domain shares within 1.5 points of the profile', () => {
    const requested = ofType('requested');
    const total = sum(requested);
    for (const [profile, share] of DOMAINS.slice(0, 4)) {
      const actual = sum(requested.filter((event) => event.domain === profile.domain)) / total;
      expect(Math.abs(actual - share)).toBeLessThan(0.015);
    }
  });

  it('sends less at night and at weekends', () => {
    const transactional = ofType('requested').filter((event) => !campaignNames.has(event.template));
    const byHour = (from: number, to: number) =>
      sum(
        transactional.filter(
          (event) => localTime(ms(event.requestedAt)).hour >= from && localTime(ms(event.requestedAt)).hour < to
        )
      ) /
      (to - from);
    expect(byHour(2, 5) / byHour(10, 16)).toBeLessThan(0.12);
    const isWeekend = (event: DemoEvent) => [0, 6].includes(localTime(ms(event.requestedAt)).weekday);
    const weekdayPerDay = sum(transactional.filter((event) => !isWeekend(event))) / 10;
    const weekendPerDay = sum(transactional.filter(isWeekend)) / 4;
    expect(weekendPerDay / weekdayPerDay).toBeGreaterThan(0.4);
    expect(weekendPerDay / weekdayPerDay).toBeLessThan(0.7);
  });

  it('bounces 1.5 to 4 % of sent mail on ordinary days and delivers most', () => {
    const results = ofType('result');
    const sent = results.filter((event) => ['delivered', 'bounced'].includes(classOf(event) ?? ''));
    const bounced = sum(sent.filter((event) => classOf(event) === 'bounced'));
    const outsideIncidents = sent.filter((event) => !(event.resultCode === 'SECURITY_AND_POLICY_ERROR'));
    const ordinaryBounces = sum(outsideIncidents.filter((event) => classOf(event) === 'bounced'));
    expect(ordinaryBounces / sum(outsideIncidents)).toBeGreaterThan(0.015);
    expect(ordinaryBounces / sum(outsideIncidents)).toBeLessThan(0.04);
    expect(bounced / sum(sent)).toBeLessThan(0.06);
    const requested = sum(ofType('requested'));
    const canceled = sum(ofType('canceled'));
    expect(sum(sent) / (requested - canceled)).toBeGreaterThan(0.95);
  });

  it('fails every mail to a nonexistent domain with NONEXISTENT_DOMAIN_ADDRESS', () => {
    const toTypo = ofType('result').filter((event) => event.domain === 'gmial.com');
    expect(toTypo.length).toBeGreaterThan(0);
    expect(new Set(toTypo.map((event) => event.resultCode))).toEqual(new Set(['NONEXISTENT_DOMAIN_ADDRESS']));
  });

  it('follows every deferred attempt with a later final result of the same mails', () => {
    const deferred = ofType('result').filter((event) => classOf(event) === 'deferred');
    expect(sum(deferred)).toBeGreaterThan(0.015 * sum(ofType('requested')));
    const finals = new Map<string, DemoEvent[]>();
    for (const event of ofType('result').filter((e) => classOf(e) !== 'deferred')) {
      finals.set(mailKey(event), [...(finals.get(mailKey(event)) ?? []), event]);
    }
    const unfollowed = deferred.filter((attempt) => {
      const later = (finals.get(mailKey(attempt)) ?? []).filter(
        (final) =>
          ms(final.sentAt) > ms(attempt.sentAt) && ['MAIL_SENT', 'RESEND_MAIL_FAIL'].includes(final.resultCode ?? '')
      );
      return sum(later) < attempt.count;
    });
    expect(unfollowed).toEqual([]);
  });

  it('sends transactional mail at once and campaigns days after their request', () => {
    const delay = (event: DemoEvent) => ms(event.sentAt) - ms(event.requestedAt);
    const [campaign, transactional] = [true, false].map((scheduled) =>
      ofType('result').filter((event) => campaignNames.has(event.template) === scheduled)
    );
    expect(sum(campaign)).toBeGreaterThan(0);
    expect(campaign.filter((event) => delay(event) < DAY_MS)).toEqual([]);
    const firstAttempts = transactional.filter(
      (event) => event.resultCode !== 'RESEND_MAIL_FAIL' && classOf(event) !== 'delivered'
    );
    expect(firstAttempts.filter((event) => delay(event) !== SEND_DELAY_MS)).toEqual([]);
    const delivered = transactional.filter((event) => event.resultCode === 'MAIL_SENT');
    expect(delivered.filter((event) => delay(event) > SEND_DELAY_MS + 10 * 60_000)).toEqual([]);
  });

  it('opens only delivered mail, after its send, spread over days', () => {
    const delivered = new Map<string, number>();
    for (const event of ofType('result').filter((e) => classOf(e) === 'delivered')) {
      const key = `${mailKey(event)}${event.sentAt}`;
      delivered.set(key, (delivered.get(key) ?? 0) + event.count);
    }
    const opened = ofType('opened');
    const delays = opened.map((event) => ms(event.at) - ms(event.sentAt));
    expect(Math.min(...delays)).toBeGreaterThan(0);
    expect(Math.max(...delays)).toBeGreaterThan(5 * DAY_MS);
    const moreThanDelivered = opened.filter(
      (event) => event.count > (delivered.get(`${mailKey(event)}${event.sentAt}`) ?? 0)
    );
    expect(moreThanDelivered).toEqual([]);
    const openRate = sum(opened) / sum(ofType('result').filter((e) => classOf(e) === 'delivered'));
    expect(openRate).toBeGreaterThan(0.3);
    expect(openRate).toBeLessThan(0.6);
  });

  it('unsubscribes only from advertising mail, after it was opened', () => {
    const unsubscribed = ofType('unsubscribed');
    expect(sum(unsubscribed)).toBeGreaterThan(0);
    const wrong = unsubscribed.filter(
      (event) => !advertisingNames.has(event.template) || !event.advertising || ms(event.at) <= ms(event.sentAt)
    );
    expect(wrong).toEqual([]);
    const blockedAsUnsubscribed = ofType('result').filter((event) => event.resultCode === 'UNSUBSCRIBE_ADDRESS');
    expect(blockedAsUnsubscribed.every((event) => advertisingNames.has(event.template))).toBe(true);
  });

  it('cancels only scheduled campaign mails, after the request and before the send', () => {
    // Twelve weekly newsletters: some runs are partly canceled.
    const newsletter = CAMPAIGNS[0];
    const firstRequest = FROM + 1 * DAY_MS + newsletter.requestAtMs; // Tuesday 16:00
    const runs = Array.from({ length: 12 }, (_, week) =>
      slotEvents(traffic, slotOf(firstRequest + week * 7 * DAY_MS)).map((timed) => timed.event)
    );
    const canceled = runs.flat().filter((event) => event.type === 'canceled');
    expect(runs.filter((run) => run.some((event) => event.type === 'canceled')).length).toBeGreaterThanOrEqual(2);
    const misplaced = canceled.filter(
      (event) =>
        event.template !== newsletter.template.name ||
        ms(event.at) <= ms(event.requestedAt) ||
        ms(event.at) >= ms(event.requestedAt) + newsletter.sendAfterMs
    );
    expect(misplaced).toEqual([]);
    expect(ofType('canceled').filter((event) => !campaignNames.has(event.template))).toEqual([]);
  });
});
