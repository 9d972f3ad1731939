/** Everything that happens to one recipient mail, as events added to an aggregator. */
import { resultCodeDefinition } from '../../contract/resultCodes';
import type { EventAggregator, EventShape } from './events';
import {
  ADVERTISING_ONLY_CODES,
  ANY_DEFERRED,
  DEFERRED_CODES,
  FAILING_FATES,
  INCIDENT,
  MAILBOX_FATES,
  NO_TEMPLATE_ONLY_CODES,
  OPEN_DELAYS,
  UNSUBSCRIBE,
  type DomainProfile,
  type Fate,
  type TemplateProfile,
} from './profile';
import { pickWeighted, type Random } from './random';

export interface RecipientMail {
  template: TemplateProfile;
  domain: DomainProfile;
  requestedAt: number;
  /** First send attempt (days after the request for scheduled mail). */
  sendAt: number;
  /** Set when the sender cancels the (scheduled) mail before it goes out. */
  canceledAt?: number;
  /** A day on which INCIDENT.domain rejects part of the mail. */
  incident: boolean;
}

function pickFate(random: Random, mail: RecipientMail): Fate {
  if (mail.domain.kind !== 'mailbox') {
    return pickWeighted(random, FAILING_FATES[mail.domain.kind]);
  }
  if (mail.incident && mail.domain.domain === INCIDENT.domain && random() < INCIDENT.share) {
    return [{ code: INCIDENT.code, afterMs: 0 }];
  }
  const fate = pickWeighted(random, MAILBOX_FATES);
  const code = fate[fate.length - 1].code;
  const impossible =
    (ADVERTISING_ONLY_CODES.has(code) && !mail.template.advertising) ||
    (NO_TEMPLATE_ONLY_CODES.has(code) && mail.template.name !== undefined);
  return impossible ? [{ code: 'MAIL_SENT', afterMs: 0 }] : fate;
}

export function addRecipientMail(random: Random, mail: RecipientMail, events: EventAggregator): void {
  const base = {
    template: mail.template.name,
    advertising: mail.template.advertising,
    domain: mail.domain.domain,
    requestedAt: mail.requestedAt,
  };
  const shape = (fields: Omit<EventShape, keyof typeof base>): EventShape => ({ ...base, ...fields });
  events.add(shape({ type: 'requested', at: mail.requestedAt }));
  if (mail.canceledAt !== undefined) {
    events.add(shape({ type: 'canceled', at: mail.canceledAt }));
    return;
  }
  const fate = pickFate(random, mail);
  let sentAt = mail.sendAt;
  let finalCode = '';
  for (const attempt of fate) {
    sentAt = mail.sendAt + attempt.afterMs;
    finalCode = attempt.code === ANY_DEFERRED ? pickWeighted(random, DEFERRED_CODES) : attempt.code;
    events.add(shape({ type: 'result', resultCode: finalCode, sentAt, at: sentAt }));
  }
  if (resultCodeDefinition(finalCode)?.resultClass !== 'delivered' || random() >= mail.template.openRate) {
    return;
  }
  const openedAt = sentAt + pickWeighted(random, OPEN_DELAYS);
  events.add(shape({ type: 'opened', sentAt, at: openedAt }));
  if (mail.template.advertising && random() < UNSUBSCRIBE.rate) {
    events.add(shape({ type: 'unsubscribed', sentAt, at: openedAt + UNSUBSCRIBE.afterOpenMs }));
  }
}
