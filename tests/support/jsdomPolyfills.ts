/**
 * Browser APIs jsdom lacks. Loaded by jest-setup.js for the jsdom projects:
 * React 19's react-dom/server.browser (loaded by @grafana/ui) needs MessageChannel at import time,
 * and Combobox menus observe their items with IntersectionObserver.
 * A timer-based channel, unlike node's, keeps no handle open after the test.
 */
type Listener = ((event: { data: unknown }) => void) | null;

class TimerMessagePort {
  onmessage: Listener = null;
  peer?: TimerMessagePort;

  postMessage(data: unknown): void {
    setTimeout(() => this.peer?.onmessage?.({ data }), 0);
  }

  close(): void {
    this.onmessage = null;
  }
}

class TimerMessageChannel {
  readonly port1 = new TimerMessagePort();
  readonly port2 = new TimerMessagePort();

  constructor() {
    this.port1.peer = this.port2;
    this.port2.peer = this.port1;
  }
}

if (typeof globalThis.MessageChannel === 'undefined') {
  Object.assign(globalThis, { MessageChannel: TimerMessageChannel });
}

class InertIntersectionObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
  takeRecords(): [] {
    return [];
  }
}

if (typeof globalThis.IntersectionObserver === 'undefined') {
  Object.assign(globalThis, { IntersectionObserver: InertIntersectionObserver });
}
