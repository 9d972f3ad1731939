/**
 * Demo events in the ingestion format of docs api.md, and their aggregation: identical
 * recipient mails become one event with a `count`, as a mailer may report them.
 */
export type DemoEventType = 'requested' | 'result' | 'opened' | 'unsubscribed' | 'canceled';

export interface DemoEvent {
  id: string;
  type: DemoEventType;
  template?: string;
  domain: string;
  requestedAt: string;
  sentAt?: string;
  /** When the event happened, where that is neither the request nor the send. */
  at?: string;
  resultCode?: string;
  count: number;
  advertising?: boolean;
}

/** An event and when it happens: it is only sent once that moment has passed. */
export interface TimedEvent {
  atMs: number;
  event: DemoEvent;
}

/** What makes two recipient mails' events identical. */
export interface EventShape {
  type: DemoEventType;
  template?: string;
  advertising: boolean;
  domain: string;
  requestedAt: number;
  sentAt?: number;
  at: number;
  resultCode?: string;
}

const iso = (ms: number): string => new Date(ms).toISOString();

function toEvent(shape: EventShape, id: string, count: number): DemoEvent {
  const event: DemoEvent = { id, type: shape.type, domain: shape.domain, requestedAt: iso(shape.requestedAt), count };
  if (shape.template !== undefined) {
    event.template = shape.template;
  }
  if (shape.advertising) {
    event.advertising = true;
  }
  if (shape.sentAt !== undefined) {
    event.sentAt = iso(shape.sentAt);
  }
  if (shape.resultCode !== undefined) {
    event.resultCode = shape.resultCode;
  }
  if (shape.at !== (shape.sentAt ?? shape.requestedAt)) {
    event.at = iso(shape.at);
  }
  return event;
}

/** Sums identical events; ids are `<prefix>-<n>` in order of first appearance, so they are deterministic. */
export class EventAggregator {
  private readonly counts = new Map<string, { shape: EventShape; count: number }>();

  add(shape: EventShape, count = 1): void {
    const key = JSON.stringify([
      shape.type,
      shape.template,
      shape.advertising,
      shape.domain,
      shape.requestedAt,
      shape.sentAt,
      shape.at,
      shape.resultCode,
    ]);
    const entry = this.counts.get(key);
    if (entry) {
      entry.count += count;
    } else {
      this.counts.set(key, { shape, count });
    }
  }

  events(idPrefix: string): TimedEvent[] {
    return [...this.counts.values()].map(({ shape, count }, index) => ({
      atMs: shape.at,
      event: toEvent(shape, `${idPrefix}-${index}`, count),
    }));
  }
}
