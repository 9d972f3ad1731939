import type { ErrorDetail } from '../contract/apiTypes';
import { ApiError } from './errors';
import { canonicalHostName, MAX_HOST_NAME_LENGTH } from './hostName';
import { RESULT_CODES } from '../contract/resultCodes';
import { parseEventTime } from './timestamps';
import { NO_TEMPLATE } from '../contract/views';

export const EVENT_TYPES = ['requested', 'result', 'opened', 'unsubscribed', 'complained', 'canceled'] as const;
export type EventType = (typeof EVENT_TYPES)[number];

interface EventTypeRule {
  /** Placed on the send date too, so it must say when its mail was sent. */
  needsSentAt: boolean;
  /** Carries (and must carry) a result code. */
  hasResultCode: boolean;
}

/** What each event type carries: one row per type, so a new type is one line here. */
export const EVENT_TYPE_RULES: Readonly<Record<EventType, EventTypeRule>> = {
  requested: { needsSentAt: false, hasResultCode: false },
  result: { needsSentAt: true, hasResultCode: true },
  opened: { needsSentAt: true, hasResultCode: false },
  unsubscribed: { needsSentAt: true, hasResultCode: false },
  complained: { needsSentAt: true, hasResultCode: false },
  canceled: { needsSentAt: false, hasResultCode: false },
};

/** Optional true/false fields and the event types that may carry them. */
export const FLAG_FIELDS: Readonly<Record<string, readonly EventType[]>> = {
  advertising: EVENT_TYPES,
};

export const MAX_EVENT_COUNT = 1_000_000;
export const ACCOUNT_PATTERN = /^[A-Za-z0-9_.-]{1,64}$/;
export const MAX_ID_LENGTH = 200;
export const MAX_NAME_LENGTH = 1000;
export const MAX_ADDRESS_LENGTH = 320;
const HOST_NAME_RULE =
  'a DNS host name (labels of letters, digits and inner hyphens, 1 to 63 characters each, 253 in all, other scripts as IDNA; nothing is repaired)';

/** A valid event, reduced to what counting needs. Recipient addresses are never kept. */
export interface DeliveryEvent {
  id: string;
  type: EventType;
  account: string;
  template: string;
  domain: string;
  requestedAt: number;
  /** Present for result, opened, unsubscribed and complained events. */
  sentAt?: number;
  resultCode?: string;
  count: number;
  /** An open made by a mail client's privacy proxy (e.g. Apple Mail Privacy Protection), not by a person. */
  machine?: true;
}

/** Who sends the batch: the key's account, or any account for an admin key. */
export interface IngestCaller {
  account: string;
  admin: boolean;
  /** An admin's `?account=`, used for events that name none. */
  defaultAccount?: string;
}

type Fields = Record<string, unknown>;

class EventProblems {
  readonly details: ErrorDetail[] = [];
  constructor(private readonly index: number) {}
  add(field: string, message: string): undefined {
    this.details.push({ index: this.index, field, message: `${field} ${message}` });
    return undefined;
  }
}

function optionalString(raw: Fields, field: string, max: number, problems: EventProblems): string | undefined {
  const value = raw[field];
  if (value === undefined || value === null) {
    return undefined;
  }
  if (typeof value !== 'string' || value.length === 0 || value.length > max) {
    return problems.add(field, `must be a string of 1 to ${max} characters`);
  }
  return value;
}

/** Quoted for a message, cut short: callers see what was refused without echoing a whole body. */
const shown = (text: string) => JSON.stringify(text.slice(0, 100));

function readDomain(raw: Fields, problems: EventProblems): string | undefined {
  const recipient = optionalString(raw, 'recipient', MAX_ADDRESS_LENGTH, problems);
  const domain = optionalString(raw, 'domain', MAX_HOST_NAME_LENGTH, problems);
  let fromRecipient: string | undefined;
  if (recipient !== undefined) {
    const at = recipient.lastIndexOf('@');
    if (at <= 0) {
      return problems.add('recipient', `must be an e-mail address (local-part@domain): ${shown(recipient)} is not`);
    }
    fromRecipient = canonicalHostName(recipient.slice(at + 1));
    if (fromRecipient === undefined) {
      return problems.add(
        'recipient',
        `must have as its domain ${HOST_NAME_RULE}: ${shown(recipient.slice(at + 1))} is not`
      );
    }
  }
  if (domain !== undefined) {
    const canonical = canonicalHostName(domain);
    if (canonical === undefined) {
      return problems.add('domain', `must be ${HOST_NAME_RULE}: ${shown(domain)} is not`);
    }
    if (fromRecipient !== undefined && fromRecipient !== canonical) {
      return problems.add('domain', `does not match the recipient's domain ${fromRecipient}`);
    }
    return canonical;
  }
  const neither = (raw.recipient ?? raw.domain ?? undefined) === undefined;
  // A recipient or domain that was given but refused has its own detail already.
  return fromRecipient ?? (neither ? problems.add('recipient', 'or domain is required') : undefined);
}

function readTime(raw: Fields, field: string, required: boolean, problems: EventProblems): number | undefined {
  const value = raw[field];
  if (value === undefined || value === null) {
    return required ? problems.add(field, 'is required') : undefined;
  }
  const parsed = parseEventTime(value);
  return typeof parsed === 'number' ? parsed : problems.add(field, parsed);
}

function readAccount(raw: Fields, caller: IngestCaller, problems: EventProblems): string | undefined {
  const named = optionalString(raw, 'account', 64, problems);
  if (!caller.admin) {
    if (named !== undefined && named !== caller.account) {
      throw new ApiError(
        403,
        'forbidden_account',
        `this key may not ingest events for account ${JSON.stringify(named)}`
      );
    }
    return caller.account;
  }
  const account = named ?? caller.defaultAccount;
  if (account === undefined) {
    return problems.add('account', 'is required with an admin key (or pass ?account=)');
  }
  return ACCOUNT_PATTERN.test(account) ? account : problems.add('account', 'must match [A-Za-z0-9_.-]{1,64}');
}

function readCount(raw: Fields, problems: EventProblems): number | undefined {
  const value = raw.count;
  if (value === undefined || value === null) {
    return 1;
  }
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > MAX_EVENT_COUNT) {
    return problems.add('count', `must be a whole number from 1 to ${MAX_EVENT_COUNT}`);
  }
  return value;
}

function readResultCode(raw: Fields, type: EventType, problems: EventProblems): string | undefined {
  const value = raw.resultCode;
  if (!EVENT_TYPE_RULES[type].hasResultCode) {
    return value === undefined || value === null
      ? undefined
      : problems.add('resultCode', 'is only allowed on result events');
  }
  if (typeof value !== 'string' || value.length === 0) {
    return problems.add('resultCode', 'is required for result events');
  }
  return RESULT_CODES.has(value) ? value : problems.add('resultCode', `${shown(value)} is not a known result code`);
}

const FLAG_RULES = Object.entries(FLAG_FIELDS);

function readFlags(raw: Fields, type: EventType, problems: EventProblems): void {
  for (const [field, types] of FLAG_RULES) {
    const value = raw[field];
    if (value === undefined) {
      continue;
    }
    if (!types.includes(type)) {
      problems.add(field, `is only allowed on ${types.join(', ')} events`);
    } else if (typeof value !== 'boolean') {
      problems.add(field, 'must be true or false');
    }
  }
}

/** `machine: true` marks an opened event as a machine open; other types may only say false. */
function readMachine(raw: Fields, type: EventType, problems: EventProblems): boolean {
  const value = raw.machine;
  if (value === undefined || value === null || value === false) {
    return false;
  }
  if (value !== true) {
    problems.add('machine', 'must be true or false');
    return false;
  }
  if (type !== 'opened') {
    problems.add('machine', 'is only allowed on opened events');
    return false;
  }
  return true;
}

function readEvent(raw: unknown, index: number, caller: IngestCaller): DeliveryEvent | ErrorDetail[] {
  const problems = new EventProblems(index);
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return [{ index, message: 'event must be a JSON object' }];
  }
  const fields = raw as Fields;
  const id = fields.id;
  if (typeof id !== 'string' || id.length === 0 || id.length > MAX_ID_LENGTH) {
    problems.add('id', `must be a string of 1 to ${MAX_ID_LENGTH} characters`);
  }
  const type = fields.type as EventType;
  const knownType = EVENT_TYPES.includes(type);
  const rule = knownType ? EVENT_TYPE_RULES[type] : undefined;
  if (!knownType) {
    problems.add('type', `must be one of ${EVENT_TYPES.join(', ')}`);
  }
  const account = readAccount(fields, caller, problems);
  const template = optionalString(fields, 'template', MAX_NAME_LENGTH, problems) ?? NO_TEMPLATE;
  const domain = readDomain(fields, problems);
  const requestedAt = readTime(fields, 'requestedAt', true, problems);
  const sentAt = readTime(fields, 'sentAt', rule?.needsSentAt ?? false, problems);
  readTime(fields, 'at', false, problems);
  const resultCode = knownType ? readResultCode(fields, type, problems) : undefined;
  const count = readCount(fields, problems);
  optionalString(fields, 'requestId', MAX_ID_LENGTH, problems);
  optionalString(fields, 'messageId', MAX_ID_LENGTH, problems);
  if (knownType) {
    readFlags(fields, type, problems);
  }
  const machine = readMachine(fields, type, problems);
  if (problems.details.length > 0) {
    return problems.details;
  }
  const event: DeliveryEvent = {
    id: id as string,
    type,
    account: account!,
    template,
    domain: domain!,
    requestedAt: requestedAt!,
    count: count!,
  };
  if (rule!.needsSentAt) {
    event.sentAt = sentAt;
  }
  if (resultCode !== undefined) {
    event.resultCode = resultCode;
  }
  if (machine) {
    event.machine = true;
  }
  return event;
}

/** Validates a whole batch: every event, or an error listing each bad event (nothing is taken). */
export function validateBatch(raw: unknown[], caller: IngestCaller): DeliveryEvent[] {
  const events: DeliveryEvent[] = [];
  const details: ErrorDetail[] = [];
  raw.forEach((item, index) => {
    const result = readEvent(item, index, caller);
    if (Array.isArray(result)) {
      details.push(...result);
    } else {
      events.push(result);
    }
  });
  if (details.length > 0) {
    const bad = new Set(details.map((detail) => detail.index)).size;
    throw new ApiError(
      400,
      'invalid_events',
      `${bad} of ${raw.length} events are invalid; nothing was accepted`,
      details.slice(0, 1000)
    );
  }
  return events;
}
