/** Everything that happens to one recipient mail: its events, in order, given to a sink. */
import { resultCodeDefinition } from '../../contract/resultCodes';
import {
  ADVERTISING_ONLY_CODES,
  ANY_DEFERRED,
  DEFERRED_CODES,
  DELIVERED_AT_ONCE,
  FAILING_FATES,
  INCIDENT,
  MAILBOX_FATES,
  NO_TEMPLATE_ONLY_CODES,
  OPEN_DELAYS,
  UNSUBSCRIBE,
  type Fate,
} from './profile';
import { Picker, type Random } from './random';
import type { MailEventSink, RecipientMail, TrafficModel } from './trafficModel';

const mailboxFate = new Picker(MAILBOX_FATES);
const failingFate = { nonexistent: new Picker(FAILING_FATES.nonexistent), defunct: new Picker(FAILING_FATES.defunct) };
const deferredCode = new Picker(DEFERRED_CODES);
const openDelay = new Picker(OPEN_DELAYS);
const INCIDENT_FATE: Fate = [{ code: INCIDENT.code, afterMs: 0 }];

function pickFate(random: Random, model: TrafficModel, mail: RecipientMail): Fate {
  const domain = model.domains[mail.domain];
  if (domain.kind !== 'mailbox') {
    return failingFate[domain.kind].pick(random);
  }
  if (mail.incident && domain.domain === INCIDENT.domain && random() < INCIDENT.share) {
    return INCIDENT_FATE;
  }
  const fate = mailboxFate.pick(random);
  const code = fate[fate.length - 1].code;
  const template = model.templates[mail.template];
  const impossible =
    (ADVERTISING_ONLY_CODES.has(code) && !template.advertising) ||
    (NO_TEMPLATE_ONLY_CODES.has(code) && template.name !== undefined);
  return impossible ? DELIVERED_AT_ONCE : fate;
}

export function addRecipientMail(random: Random, model: TrafficModel, mail: RecipientMail, sink: MailEventSink): void {
  sink.add('requested', mail, mail.requestedAt);
  if (mail.canceledAt !== undefined) {
    sink.add('canceled', mail, mail.canceledAt);
    return;
  }
  let sentAt = mail.sendAt;
  let finalCode = '';
  for (const attempt of pickFate(random, model, mail)) {
    sentAt = mail.sendAt + attempt.afterMs;
    finalCode = attempt.code === ANY_DEFERRED ? deferredCode.pick(random) : attempt.code;
    sink.add('result', mail, sentAt, sentAt, finalCode);
  }
  const template = model.templates[mail.template];
  if (resultCodeDefinition(finalCode)?.resultClass !== 'delivered' || random() >= template.openRate) {
    return;
  }
  const openedAt = sentAt + openDelay.pick(random);
  sink.add('opened', mail, openedAt, sentAt);
  if (template.advertising && random() < UNSUBSCRIBE.rate) {
    sink.add('unsubscribed', mail, openedAt + UNSUBSCRIBE.afterOpenMs, sentAt);
  }
}
