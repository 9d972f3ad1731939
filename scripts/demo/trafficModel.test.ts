import { slotOf } from './calendar';
import type { DemoEventType } from './events';
import { CAMPAIGNS, DOMAINS, TRANSACTIONAL_TEMPLATES } from './profile';
import { slotEvents } from './slotEvents';
import { addSlotMails } from './slotMails';
import { DEMO_MODEL, trafficModel } from './trafficModel';

describe('trafficModel', () => {
  it('lists the transactional templates, then each campaign template at its index', () => {
    const model = trafficModel({
      domains: DOMAINS,
      transactionalTemplates: [...TRANSACTIONAL_TEMPLATES, [{ name: 'extra', advertising: false, openRate: 0.5 }, 1]],
      requestStepMs: 1000,
    });
    expect(model.templates).toHaveLength(TRANSACTIONAL_TEMPLATES.length + 1 + CAMPAIGNS.length);
    expect(model.templates[4].name).toBe('extra');
    for (const campaign of CAMPAIGNS) {
      expect(model.templates[model.campaignTemplate.get(campaign)!]).toBe(campaign.template);
    }
    // 15-minute slots: 900 request seconds, or 15 request minutes in the demo.
    expect(model.requestSteps).toBe(900);
    expect(DEMO_MODEL.requestSteps).toBe(15);
  });

  it("gives the demo's events exactly the mails' events, none lost or merged away", () => {
    // Tuesday 2026-11-03 16:00 in Seoul: transactional mail and the weekly newsletter's request.
    const slot = slotOf(Date.parse('2026-11-03T07:00:00Z'));
    const traffic = { seed: 'model', rate: 3000 };
    const counted = new Map<DemoEventType, number>();
    addSlotMails(DEMO_MODEL, traffic, slot, {
      add: (type) => counted.set(type, (counted.get(type) ?? 0) + 1),
    });
    const fromEvents = new Map<DemoEventType, number>();
    for (const { event } of slotEvents(traffic, slot)) {
      fromEvents.set(event.type, (fromEvents.get(event.type) ?? 0) + event.count);
    }
    expect(counted.get('requested')).toBeGreaterThan(1000);
    expect(fromEvents).toEqual(counted);
  });
});
