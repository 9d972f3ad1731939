/**
 * A fake NAVER Cloud Outbound Mailer API of ours: a local HTTP server (port 0) serving the four
 * documented read endpoints under /api/v1 (shapes: backend/adapters/ncloud/apiTypes.ts, with the
 * doc URLs), checking each request's API Gateway signature v2 and timestamp (refused more than 5
 * minutes from its own clock, which may be set apart from ours), serving pages of at most
 * `maxPageSize`, and answering 429 (with Retry-After) or 500 when told to.
 */
import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeRecipient {
  address: string;
  type?: 'R' | 'C' | 'B';
  /** R ready, I sending, S sent, F failed, U refused, C canceled. */
  status: 'R' | 'I' | 'S' | 'F' | 'U' | 'C';
  code?: string;
  retryCount?: number;
  receivedAt?: number;
}

export interface FakeMail {
  mailId: string;
  sentAt?: number;
  recipients: FakeRecipient[];
}

export interface FakeRequest {
  requestId: string;
  requestedAt: number;
  reservedFor?: number;
  templateName?: string;
  advertising?: boolean;
  mails: FakeMail[];
}

export interface RecordedCall {
  path: string;
  query: URLSearchParams;
  status: number;
  /** Why a 401 was given. */
  refused?: 'signature' | 'timestamp' | 'access key';
}

const DAY_FORMAT = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Asia/Seoul',
  dateStyle: 'short',
  timeStyle: 'medium',
});

/** NesDateTime: epoch ms plus KST text. */
function nesDate(ms: number | undefined) {
  if (ms === undefined) {
    return null;
  }
  const text = DAY_FORMAT.format(new Date(ms));
  return {
    utc: ms,
    formattedDate: text.slice(0, 10),
    formattedDateTime: `${text} ${String(ms % 1000).padStart(3, '0')}`,
  };
}

const FINAL = new Set(['S', 'F', 'U', 'C']);

/** A mail's status from its recipients' (PF: some failed, some sent). */
function mailStatus(mail: FakeMail): string {
  const statuses = new Set(mail.recipients.map((recipient) => recipient.status));
  for (const pending of ['I', 'R']) {
    if (statuses.has(pending as FakeRecipient['status'])) {
      return pending;
    }
  }
  return statuses.size === 1 ? [...statuses][0] : 'PF';
}

export class FakeNaver {
  readonly requests: FakeRequest[] = [];
  readonly calls: RecordedCall[] = [];
  /** The fake gateway's clock is ours plus this. */
  skewMs = 0;
  maxPageSize = 10;
  private rateLimited: Array<{ retryAfter: string }> = [];
  private failures: RegExp[] = [];
  private server!: Server;
  url = '';

  constructor(
    private readonly accessKey: string,
    private readonly secretKey: string
  ) {}

  async start(): Promise<this> {
    this.server = createServer((req, res) => this.handle(req, res));
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  now(): number {
    return Date.now() + this.skewMs;
  }

  /** The next `n` calls (signed correctly) answer 429 with this Retry-After. */
  rateLimitNext(n: number, retryAfter: string): void {
    this.rateLimited.push(...Array.from({ length: n }, () => ({ retryAfter })));
  }

  /** The next call (signed correctly) whose path matches answers 500. */
  failNext(path = /./): void {
    this.failures.push(path);
  }

  mail(mailId: string): { request: FakeRequest; mail: FakeMail } {
    for (const request of this.requests) {
      const mail = request.mails.find((candidate) => candidate.mailId === mailId);
      if (mail) {
        return { request, mail };
      }
    }
    throw new Error(`no mail ${mailId}`);
  }

  callsTo(pattern: RegExp): RecordedCall[] {
    return this.calls.filter((call) => pattern.test(call.path));
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://fake');
    const call: RecordedCall = { path: url.pathname, query: url.searchParams, status: 200 };
    this.calls.push(call);
    const answer = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      call.status = status;
      res.writeHead(status, {
        'content-type': 'application/json;charset=UTF-8',
        date: new Date(this.now()).toUTCString(),
        ...headers,
      });
      res.end(JSON.stringify(body));
    };
    const refused = this.checkSignature(req, url);
    if (refused) {
      call.refused = refused;
      return answer(401, { error: { errorCode: '200', message: 'Authentication Failed', details: refused } });
    }
    const limit = this.rateLimited.shift();
    if (limit) {
      return answer(
        429,
        { error: { errorCode: '429', message: 'Too Many Requests' } },
        { 'retry-after': limit.retryAfter }
      );
    }
    const failure = this.failures.findIndex((path) => path.test(url.pathname));
    if (failure >= 0) {
      this.failures.splice(failure, 1);
      return answer(500, { error: { errorCode: '500', message: 'Internal Server Error' } });
    }
    const route = this.route(req.method ?? 'GET', url);
    return route ? answer(200, route) : answer(404, { error: { errorCode: '404', message: 'Not Found' } });
  }

  private checkSignature(req: IncomingMessage, url: URL): RecordedCall['refused'] {
    const timestamp = String(req.headers['x-ncp-apigw-timestamp'] ?? '');
    if (req.headers['x-ncp-iam-access-key'] !== this.accessKey) {
      return 'access key';
    }
    const expected = createHmac('sha256', this.secretKey)
      .update(`${req.method} ${url.pathname}${url.search}\n${timestamp}\n${this.accessKey}`)
      .digest('base64');
    if (req.headers['x-ncp-apigw-signature-v2'] !== expected) {
      return 'signature';
    }
    return Math.abs(Number(timestamp) - this.now()) > 5 * 60 * 1000 ? 'timestamp' : undefined;
  }

  private route(method: string, url: URL): unknown {
    const path = url.pathname.replace(/^\/api\/v1/, '');
    let match: RegExpExecArray | null;
    if (method !== 'GET') {
      return undefined;
    }
    if (path === '/mails/requests') {
      const start = Number(url.searchParams.get('startUtc'));
      const end = Number(url.searchParams.get('endUtc'));
      const listed = this.requests
        .filter(
          (request) => request.requestedAt >= start && request.requestedAt <= end && request.requestedAt <= this.now()
        )
        .sort((a, b) => a.requestedAt - b.requestedAt);
      return this.page(
        url,
        listed.map((request) => this.summary(request))
      );
    }
    if ((match = /^\/mails\/requests\/([^/]+)\/status$/.exec(path))) {
      return this.status(this.request(match[1]));
    }
    if ((match = /^\/mails\/requests\/([^/]+)\/mails$/.exec(path))) {
      const request = this.request(match[1]);
      return (
        request &&
        this.page(
          url,
          request.mails.map((mail) => this.mailSummary(request, mail))
        )
      );
    }
    if ((match = /^\/mails\/([^/]+)$/.exec(path))) {
      const { request, mail } = this.mail(decodeURIComponent(match[1]));
      return this.mailDetail(request, mail);
    }
    return undefined;
  }

  private request(requestId: string): FakeRequest | undefined {
    return this.requests.find((request) => request.requestId === decodeURIComponent(requestId));
  }

  private page<T>(url: URL, items: T[]) {
    const size = Math.min(this.maxPageSize, Number(url.searchParams.get('size') ?? 10));
    const page = Number(url.searchParams.get('page') ?? 0);
    const totalPages = Math.ceil(items.length / size);
    const content = items.slice(page * size, (page + 1) * size);
    return {
      content,
      totalElements: items.length,
      totalPages,
      number: page,
      size,
      numberOfElements: content.length,
      first: page === 0,
      last: page >= totalPages - 1,
    };
  }

  private requestStatusCode(request: FakeRequest): string {
    const statuses = new Set(request.mails.map(mailStatus));
    return statuses.size === 1 ? [...statuses][0] : 'PF';
  }

  private summary(request: FakeRequest) {
    const sent = request.mails.map((mail) => mail.sentAt).filter((at): at is number => at !== undefined);
    return {
      requestId: request.requestId,
      templateSid: request.templateName ? 41 : null,
      templateName: request.templateName ?? null,
      emailStatus: { code: this.requestStatusCode(request), label: '' },
      senderAddress: 'no-reply@example.com',
      senderName: null,
      dispatchType: 'API',
      requestDate: nesDate(request.requestedAt),
      sendDate: nesDate(sent.length ? Math.max(...sent) : undefined),
      reservationDate: nesDate(request.reservedFor),
      requestCount: request.mails.length,
      recipientCount: request.mails.reduce((sum, mail) => sum + mail.recipients.length, 0),
    };
  }

  private status(request: FakeRequest | undefined) {
    if (!request) {
      return undefined;
    }
    const byStatus = new Map<string, number>();
    request.mails.forEach((mail) => byStatus.set(mailStatus(mail), (byStatus.get(mailStatus(mail)) ?? 0) + 1));
    const finished = request.mails.filter((mail) => FINAL.has(mailStatus(mail)) || mailStatus(mail) === 'PF');
    return {
      requestId: request.requestId,
      readyCompleted: true,
      allSentSuccess: request.mails.every((mail) => mailStatus(mail) === 'S'),
      requestCount: request.mails.length,
      sentCount: request.mails.filter((mail) => mailStatus(mail) === 'S').length,
      finishCount: finished.length,
      readyCount: request.mails.length,
      reservationDate: nesDate(request.reservedFor),
      countsByStatus: [...byStatus].sort().map(([code, count]) => ({ status: { code, label: '' }, count })),
    };
  }

  private mailSummary(request: FakeRequest, mail: FakeMail) {
    return {
      requestId: request.requestId,
      requestDate: nesDate(request.requestedAt),
      mailId: mail.mailId,
      title: 'Hello',
      templateSid: request.templateName ? 41 : null,
      templateName: request.templateName ?? null,
      emailStatus: { code: mailStatus(mail), label: '' },
      senderAddress: 'no-reply@example.com',
      senderName: null,
      sendDate: nesDate(mail.sentAt),
      reservationStatus: { code: request.reservedFor ? 'Y' : 'N', label: '' },
      advertising: request.advertising ?? false,
      representativeRecipient: mail.recipients[0]?.address ?? '',
    };
  }

  private mailDetail(request: FakeRequest, mail: FakeMail) {
    return {
      ...this.mailSummary(request, mail),
      requesterIp: '10.0.0.1',
      reservationDate: nesDate(request.reservedFor),
      body: '<body>Hello</body>',
      referencesHeader: null,
      attachFiles: [],
      recipients: mail.recipients.map((recipient) => ({
        address: recipient.address,
        name: '',
        type: { code: recipient.type ?? 'R', label: '' },
        received: recipient.status === 'S',
        receivedDate: nesDate(recipient.receivedAt),
        status: { code: recipient.status, label: '' },
        retryCount: recipient.retryCount ?? 0,
        sendResultMessage: recipient.code === 'MAIL_SENT' ? '250 2.0.0 OK' : '',
        sendResultCode: recipient.code ?? null,
        sendResultCodeMessage: '',
      })),
    };
  }
}
