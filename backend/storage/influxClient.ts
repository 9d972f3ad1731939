/**
 * A small client for InfluxDB's v1 HTTP API (/ping, /write line protocol, /query InfluxQL):
 * the one surface InfluxDB 1.x, 2.x (DBRP), 3.x and Cloud all serve.
 */
import { exchange, type HttpAnswer, type HttpExchangeInit } from './httpExchange';

export interface InfluxSettings {
  url: string;
  database: string;
  username?: string;
  password?: string;
  /** 2.x/3.x token. */
  token?: string;
  timeoutMs?: number;
  /**
   * Retention policy for the hourly and daily pieces (retention.ts), made at start where the
   * server allows; absent: they stay in the default retention policy.
   */
  longShardRetentionPolicy?: string;
}

/** Where the hourly and daily pieces are written and read (retention.ts decides). */
export type LongShardState =
  { status: 'pending' } | { status: 'ready'; retentionPolicy: string } | { status: 'default'; reason: string };

export interface InfluxSeries {
  name: string;
  tags?: Record<string, string>;
  columns: string[];
  values: unknown[][];
}

export interface InfluxStatementResult {
  series: InfluxSeries[];
}

/** InfluxDB could not be reached or failed: the caller answers 503. */
export class InfluxUnavailableError extends Error {}

/** InfluxDB refused a statement or a write: a bug or a misconfiguration. */
export class InfluxRequestError extends Error {
  constructor(
    message: string,
    readonly status: number
  ) {
    super(message);
  }
}

export class InfluxClient {
  private readonly baseUrl: string;
  private readonly headers: Record<string, string>;
  longShards: LongShardState;

  constructor(readonly settings: InfluxSettings) {
    this.longShards =
      settings.longShardRetentionPolicy === undefined
        ? { status: 'default', reason: 'no retention policy configured for hourly and daily pieces' }
        : { status: 'pending' };
    this.baseUrl = settings.url.replace(/\/+$/, '');
    this.headers = {};
    if (settings.token) {
      this.headers.Authorization = `Token ${settings.token}`;
    } else if (settings.username !== undefined) {
      const basic = Buffer.from(`${settings.username}:${settings.password ?? ''}`).toString('base64');
      this.headers.Authorization = `Basic ${basic}`;
    }
  }

  private async request(
    path: string,
    init: Omit<HttpExchangeInit, 'signal'>,
    signal?: AbortSignal
  ): Promise<HttpAnswer> {
    const timeoutMs = this.settings.timeoutMs ?? 30000;
    const timeout = AbortSignal.timeout(timeoutMs);
    try {
      return await exchange(new URL(`${this.baseUrl}${path}`), {
        ...init,
        headers: { ...this.headers, ...init.headers },
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      });
    } catch (error) {
      const reason = timeout.aborted ? `no answer within ${timeoutMs} ms` : (error as Error).message;
      throw new InfluxUnavailableError(`InfluxDB at ${this.baseUrl} is unreachable: ${reason}`);
    }
  }

  async ping(): Promise<void> {
    const answer = await this.request('/ping', { method: 'GET' });
    if (answer.status !== 204 && answer.status !== 200) {
      throw new InfluxUnavailableError(`InfluxDB /ping answered ${answer.status}`);
    }
  }

  /** Writes lines (timestamps in seconds) into a retention policy (absent: the default one); all or nothing as far as InfluxDB reports. */
  async write(lines: readonly string[], retentionPolicy?: string): Promise<void> {
    if (lines.length === 0) {
      return;
    }
    const db = encodeURIComponent(this.settings.database);
    const rp = retentionPolicy === undefined ? '' : `&rp=${encodeURIComponent(retentionPolicy)}`;
    const answer = await this.request(`/write?db=${db}${rp}&precision=s`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
      body: lines.join('\n'),
    });
    if (answer.status === 204) {
      return;
    }
    const text = answer.text;
    if (answer.status >= 500) {
      throw new InfluxUnavailableError(`InfluxDB write failed with ${answer.status}: ${text.slice(0, 300)}`);
    }
    throw new InfluxRequestError(`InfluxDB refused a write (${answer.status}): ${text.slice(0, 300)}`, answer.status);
  }

  /** Runs one or more `;`-separated statements; times come back as epoch milliseconds. */
  async query(
    statements: string,
    signal?: AbortSignal,
    database = this.settings.database
  ): Promise<InfluxStatementResult[]> {
    const body = new URLSearchParams({ q: statements, epoch: 'ms', db: database }).toString();
    const answer = await this.request(
      '/query',
      { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body },
      signal
    );
    const text = answer.text;
    if (answer.status >= 500) {
      throw new InfluxUnavailableError(`InfluxDB query failed with ${answer.status}: ${text.slice(0, 300)}`);
    }
    let parsed: { results?: Array<{ series?: InfluxSeries[]; error?: string }>; error?: string };
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new InfluxRequestError(
        `InfluxDB answered ${answer.status} with non-JSON: ${text.slice(0, 300)}`,
        answer.status
      );
    }
    if (parsed.error || answer.status >= 400) {
      throw new InfluxRequestError(`InfluxDB refused a query: ${parsed.error ?? text.slice(0, 300)}`, answer.status);
    }
    return (parsed.results ?? []).map((result) => {
      if (result.error) {
        throw new InfluxRequestError(`InfluxDB refused a query: ${result.error}`, answer.status);
      }
      return { series: result.series ?? [] };
    });
  }

  /**
   * Makes sure the database exists. On 1.x it is created when missing ('created'); where the
   * server cannot create databases (2.x/3.x v1 compatibility) a missing one is an error
   * naming what to create.
   */
  async ensureDatabase(): Promise<'exists' | 'created'> {
    const name = this.settings.database;
    let listed: string[] | undefined;
    try {
      const [result] = await this.query('SHOW DATABASES', undefined, '');
      listed = (result?.series[0]?.values ?? []).map((row) => String(row[0]));
    } catch (error) {
      if (error instanceof InfluxUnavailableError) {
        throw error;
      }
    }
    if (listed?.includes(name)) {
      return 'exists';
    }
    if (listed) {
      await this.query(`CREATE DATABASE "${name.replace(/"/g, '\\"')}"`, undefined, '');
      return 'created';
    }
    try {
      await this.query('SELECT * FROM "mail_counts" LIMIT 1');
      return 'exists';
    } catch (error) {
      throw new Error(
        `InfluxDB database ${JSON.stringify(name)} is not available (${(error as Error).message}). ` +
          `On InfluxDB 2.x create a bucket and a DBRP mapping for database ${JSON.stringify(name)}; ` +
          `on InfluxDB 3.x create the database ${JSON.stringify(name)}; then start the backend again.`
      );
    }
  }
}
