/**
 * What each side of a comparison is sent: events for the backend's API (api.md, "Ingestion")
 * and raw line-protocol points, one per recipient-mail event, for the InfluxDB-only baseline.
 */
import { NO_CODE } from '../../backend/domain/counting';
import { NO_TEMPLATE } from '../../contract/views';
import { encodeTagText, formatLine } from '../../backend/storage/lineProtocol';
import { COUNTS_MEASUREMENT } from '../../backend/storage/schema';
import type { TrafficRecord } from './traffic';

export const BENCH_ACCOUNT = 'bench';

export type ApiEvent = Record<string, string | number | boolean>;

const iso = (ms: number) => new Date(ms).toISOString();

function eventFields(record: TrafficRecord, id: string): ApiEvent {
  const event: ApiEvent = { id, type: record.type, requestedAt: iso(record.requestedAt) };
  if (record.template !== undefined) {
    event.template = record.template;
  }
  if (record.sentAt !== undefined) {
    event.sentAt = iso(record.sentAt);
  }
  if (record.resultCode !== undefined) {
    event.resultCode = record.resultCode;
  }
  if (record.advertising) {
    event.advertising = true;
  }
  return event;
}

/** The record as one event with a `count` (a mailer reporting identical recipient mails at once). */
export function countedEvent(record: TrafficRecord, id: string): ApiEvent {
  const event = eventFields(record, id);
  event.domain = record.domain;
  if (record.count > 1) {
    event.count = record.count;
  }
  return event;
}

/** The record as `count` separate events, as a mailer's webhook sends them: recipient address and ids included. */
export function mailerEvents(record: TrafficRecord, idPrefix: string, firstSerial: number): ApiEvent[] {
  return Array.from({ length: record.count }, (_unused, i) => {
    const serial = firstSerial + i;
    const event = eventFields(record, `${idPrefix}-${serial}`);
    event.recipient = `user${serial}@${record.domain}`;
    event.requestId = `req-${idPrefix}-${Math.floor(serial / 50)}`;
    event.messageId = `msg-${idPrefix}-${serial}`;
    return event;
  });
}

export type Axis = 'request' | 'send';

/** The axes a record is counted on, as the backend does: request date always, send date when sent. */
export function axesOf(record: TrafficRecord): Axis[] {
  return record.sentAt === undefined ? ['request'] : ['request', 'send'];
}

/**
 * One raw point for one recipient-mail event, in the backend's measurement and tags (so the
 * backend's own InfluxQL runs on it unchanged) with `n=1`. Times are microseconds: `serial`
 * spreads points of one series and second over distinct microseconds of that second, so none
 * overwrites another (record times are whole seconds).
 */
export function rawLine(record: TrafficRecord, axis: Axis, serial: number): string {
  const ms = axis === 'request' ? record.requestedAt : record.sentAt!;
  return formatLine(
    COUNTS_MEASUREMENT,
    [
      ['account', BENCH_ACCOUNT],
      ['axis', axis],
      ['code', record.resultCode ?? NO_CODE],
      ['domain', encodeTagText(record.domain)],
      ['kind', record.type],
      ['template', encodeTagText(record.template ?? NO_TEMPLATE)],
    ],
    [['n', 1]],
    ms * 1000 + (serial % 1_000_000)
  );
}
