/** The demo events of one 15-minute slot: the demo traffic model's mails as ingestion events. */
import { EventAggregator, type TimedEvent } from './events';
import { addSlotMails, type Traffic } from './slotMails';
import { DEMO_MODEL, type MailEventSink } from './trafficModel';

export function slotEvents(traffic: Traffic, slot: number): TimedEvent[] {
  const events = new EventAggregator();
  const sink: MailEventSink = {
    add(type, mail, at, sentAt, resultCode) {
      const template = DEMO_MODEL.templates[mail.template];
      const domain = DEMO_MODEL.domains[mail.domain].domain;
      events.add({
        type,
        template: template.name,
        advertising: template.advertising,
        domain,
        requestedAt: mail.requestedAt,
        sentAt,
        at,
        resultCode,
      });
    },
  };
  addSlotMails(DEMO_MODEL, traffic, slot, sink);
  return events.events(`demo-${traffic.seed}-${slot}`).sort((a, b) => a.atMs - b.atMs);
}
