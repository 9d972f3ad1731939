"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.addRecipientMail = addRecipientMail;
/** Everything that happens to one recipient mail, as events added to an aggregator. */
const resultCodes_1 = require("../../backend/domain/resultCodes");
const profile_1 = require("./profile");
const random_1 = require("./random");
function pickFate(random, mail) {
    if (mail.domain.kind !== 'mailbox') {
        return (0, random_1.pickWeighted)(random, profile_1.FAILING_FATES[mail.domain.kind]);
    }
    if (mail.incident && mail.domain.domain === profile_1.INCIDENT.domain && random() < profile_1.INCIDENT.share) {
        return [{ code: profile_1.INCIDENT.code, afterMs: 0 }];
    }
    const fate = (0, random_1.pickWeighted)(random, profile_1.MAILBOX_FATES);
    const code = fate[fate.length - 1].code;
    const impossible = (profile_1.ADVERTISING_ONLY_CODES.has(code) && !mail.template.advertising) ||
        (profile_1.NO_TEMPLATE_ONLY_CODES.has(code) && mail.template.name !== undefined);
    return impossible ? [{ code: 'MAIL_SENT', afterMs: 0 }] : fate;
}
function addRecipientMail(random, mail, events) {
    const base = {
        template: mail.template.name,
        advertising: mail.template.advertising,
        domain: mail.domain.domain,
        requestedAt: mail.requestedAt,
    };
    const shape = (fields) => ({ ...base, ...fields });
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
        finalCode = attempt.code === profile_1.ANY_DEFERRED ? (0, random_1.pickWeighted)(random, profile_1.DEFERRED_CODES) : attempt.code;
        events.add(shape({ type: 'result', resultCode: finalCode, sentAt, at: sentAt }));
    }
    if ((0, resultCodes_1.resultCodeDefinition)(finalCode)?.resultClass !== 'delivered' || random() >= mail.template.openRate) {
        return;
    }
    const openedAt = sentAt + (0, random_1.pickWeighted)(random, profile_1.OPEN_DELAYS);
    events.add(shape({ type: 'opened', sentAt, at: openedAt }));
    if (mail.template.advertising && random() < profile_1.UNSUBSCRIBE.rate) {
        events.add(shape({ type: 'unsubscribed', sentAt, at: openedAt + profile_1.UNSUBSCRIBE.afterOpenMs }));
    }
}
