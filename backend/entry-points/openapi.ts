/** The OpenAPI 3 description of every endpoint, built from the same view definitions the answers use. */
import { eventSchema } from '../domain/eventSchema';
import { webhookPaths, webhookSchemas } from './openapiWebhooks';
import { MONTH_PATTERN } from '../contract/params';
import { RESULT_CLASSES, RESULT_CODE_NAMES } from '../contract/resultCodes';
import { MAX_ANSWER_CELLS, MAX_QUERY_PARAMETERS } from '../domain/statsParams';
import { openApiParameter } from '../domain/queryParameters';
import {
  DOMAINS_VIEW,
  INTERVALS,
  METRIC_DEFINITIONS,
  RESULT_CODES_VIEW,
  SENDING_LIMIT_VIEW,
  type ColumnDefinition,
  type DistributionViewDefinition,
  type MetricKey,
  type TimeViewDefinition,
  type ValueUnit,
  REQUEST_DATE_VIEW,
  SEND_DATE_VIEW,
} from '../contract/views';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const nullableNumber = { type: 'number', nullable: true };

function metricProperties(metrics: readonly MetricKey[]) {
  return Object.fromEntries(
    metrics.map((key) => {
      const metric = METRIC_DEFINITIONS[key];
      const schema =
        metric.unit === 'count' ? { type: 'integer', minimum: 0 } : { ...nullableNumber, minimum: 0, maximum: 1 };
      return [key, { ...schema, description: `${metric.label}: ${metric.description}` }];
    })
  );
}

/** Set when the account has subscription periods: the answer shows the latest period only. */
const periodFields = {
  since: {
    type: 'string',
    format: 'date-time',
    description: 'Start of the subscription period shown (the range was clamped to it)',
  },
  until: { type: 'string', format: 'date-time', description: 'End of that period, once it has ended' },
};

/** The fields every ranged view answer starts with. */
const rangeHeader = (view: string) => ({
  ...periodFields,
  view: { type: 'string', enum: [view] },
  from: { type: 'string', format: 'date-time' },
  to: { type: 'string', format: 'date-time' },
  tz: { type: 'string' },
  interval: { type: 'string', enum: INTERVALS },
});

function timeViewSchema(view: TimeViewDefinition) {
  return {
    type: 'object',
    required: ['view', 'from', 'to', 'tz', 'interval', 'rows', 'totals'],
    properties: {
      ...rangeHeader(view.id),
      rows: {
        type: 'array',
        items: {
          type: 'object',
          properties: { time: { type: 'string', format: 'date-time' }, ...metricProperties(view.metrics) },
        },
      },
      totals: { type: 'object', properties: metricProperties(view.metrics) },
    },
  };
}

type Schema = Record<string, unknown>;

/** The JSON type of a column's values, by its unit. */
const UNIT_SCHEMAS: Readonly<Record<ValueUnit, Schema>> = {
  count: { type: 'integer' },
  percent: nullableNumber,
  time: { type: 'string', format: 'date-time' },
  date: { type: 'string', format: 'date' },
  month: { type: 'string', pattern: MONTH_PATTERN.source },
  text: { type: 'string' },
};

/** A row's properties from a view's columns; `exact` narrows a column's type (e.g. to an enum). */
function columnProperties<Key extends string>(
  columns: ReadonlyArray<ColumnDefinition<Key>>,
  exact: Partial<Record<Key, Schema>> = {}
): Record<Key, Schema> {
  return Object.fromEntries(
    columns.map((column) => [column.key, exact[column.key] ?? UNIT_SCHEMAS[column.unit]])
  ) as Record<Key, Schema>;
}

function distributionSchema(view: DistributionViewDefinition, exact: Record<string, Schema> = {}) {
  const row: Record<string, Schema> = columnProperties<string>(view.columns, exact);
  return {
    type: 'object',
    properties: {
      ...rangeHeader(view.id),
      rows: { type: 'array', items: { type: 'object', properties: row } },
      totals: { type: 'object', properties: { count: row.count } },
      series: {
        type: 'array',
        items: {
          type: 'object',
          properties: { time: UNIT_SCHEMAS.time, [view.dimension]: row[view.dimension], count: row.count },
        },
      },
    },
  };
}

const query = openApiParameter;

const commonParameters = (
  ['from', 'to', 'tz', 'interval', 'template', 'domain', 'resultCode', 'account', 'period', 'format'] as const
).map((name) => query(name));

const period = {
  type: 'object',
  properties: {
    subscribedAt: { type: 'string', format: 'date-time' },
    unsubscribedAt: { type: 'string', format: 'date-time', nullable: true },
  },
};
const accountSchema = {
  type: 'object',
  required: ['account', 'subscribedAt', 'periods'],
  properties: {
    account: { type: 'string' },
    subscribedAt: { type: 'string', format: 'date-time', nullable: true, description: 'Start of the open period' },
    periods: { type: 'array', items: period, description: 'Oldest first; none for an account never configured' },
  },
};

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: ref('Error') } },
});
const xlsx = {
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: { type: 'string', format: 'binary' } },
};
const readErrors = {
  '400': errorResponse(
    `Invalid parameter, named in the message; also more than ${MAX_QUERY_PARAMETERS} parameters (too_many_parameters), a path or parameter that is not percent-encoded UTF-8 (invalid_path, invalid_query), an answer over ${MAX_ANSWER_CELLS} cells, buckets x rows (answer_too_large)`
  ),
  '401': errorResponse('Missing or unknown API key, or a malformed Authorization header'),
  '403': errorResponse('Key lacks the scope, or names another account'),
  '429': errorResponse('Too many requests for this key (Retry-After)'),
  '431': errorResponse('Request line and headers over 16 KiB'),
  '503': errorResponse(
    'InfluxDB or DATA_DIR unavailable (influxdb_unavailable, storage_unavailable), or MAX_CONCURRENT_EXPORTS workbooks being built (exports_busy); Retry-After'
  ),
};

const accountAnswer = (description: string) => ({
  description,
  content: { 'application/json': { schema: ref('Account') } },
});
const periodBody = (field: string) => ({
  required: false,
  content: {
    'application/json': {
      schema: {
        type: 'object',
        properties: {
          [field]: { type: 'string', format: 'date-time', description: 'Default: now; never in the future' },
        },
      },
    },
  },
});

function statsPath(summary: string, schema: string, extra: unknown[] = []) {
  return {
    get: {
      summary,
      security: [{ bearer: [] }],
      parameters: [...commonParameters, ...extra],
      responses: {
        '200': { description: summary, content: { 'application/json': { schema: ref(schema) }, ...xlsx } },
        ...readErrors,
      },
    },
  };
}

const limitsSchema = {
  type: 'object',
  properties: {
    monthly: { type: 'integer', nullable: true, minimum: 1 },
    daily: { type: 'integer', nullable: true, minimum: 1 },
    changeRequestUrl: { type: 'string', format: 'uri', nullable: true },
  },
};

export const openApiDocument = {
  openapi: '3.0.3',
  info: {
    title: 'Mail delivery analytics backend',
    version: '1.0.0',
    description:
      'Ingests mail delivery events, counts them in InfluxDB and serves the five statistics views as JSON or Excel.',
  },
  components: {
    securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
    schemas: {
      ...webhookSchemas,
      Error: {
        type: 'object',
        properties: {
          error: {
            type: 'object',
            required: ['code', 'message'],
            properties: {
              code: { type: 'string' },
              message: { type: 'string' },
              details: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: { index: { type: 'integer' }, field: { type: 'string' }, message: { type: 'string' } },
                },
              },
            },
          },
        },
      },
      Event: eventSchema,
      Account: accountSchema,
      Limits: limitsSchema,
      RequestDateView: timeViewSchema(REQUEST_DATE_VIEW),
      SendDateView: timeViewSchema(SEND_DATE_VIEW),
      DomainsView: distributionSchema(DOMAINS_VIEW),
      ResultCodesView: distributionSchema(RESULT_CODES_VIEW, {
        resultCode: { type: 'string', enum: RESULT_CODE_NAMES },
        class: { type: 'string', enum: RESULT_CLASSES },
      }),
      SendingLimitView: {
        type: 'object',
        properties: {
          view: { type: 'string', enum: ['sending-limit'] },
          tz: { type: 'string' },
          ...periodFields,
          limit: limitsSchema,
          months: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                ...columnProperties(SENDING_LIMIT_VIEW.monthColumns, {
                  remaining: { type: 'integer', nullable: true },
                }),
                days: {
                  type: 'array',
                  items: { type: 'object', properties: columnProperties(SENDING_LIMIT_VIEW.columns) },
                },
              },
            },
          },
        },
      },
      Values: { type: 'object', properties: { values: { type: 'array', items: { type: 'string' } } } },
    },
  },
  paths: {
    '/healthz': { get: { summary: 'Liveness', responses: { '200': { description: 'The process runs' } } } },
    '/readyz': {
      get: {
        summary:
          'Readiness: InfluxDB answers and DATA_DIR is writable; reports the outbox depth and, when configured, the NAVER Cloud collector (ncloud)',
        responses: { '200': { description: 'Ready' }, '503': { description: 'Names what is down' } },
      },
    },
    '/api/v1/openapi.json': { get: { summary: 'This document', responses: { '200': { description: 'OpenAPI 3' } } } },
    '/metrics': {
      get: {
        summary: 'Prometheus metrics: on METRICS_PORT without a key when set, else here with an admin key',
        security: [{ bearer: [] }],
        responses: {
          '200': { description: 'Prometheus text format' },
          '401': errorResponse('Missing or unknown API key'),
          '403': errorResponse('Not an admin key'),
        },
      },
    },
    '/api/v1/events': {
      post: {
        summary: 'Ingest a batch of delivery events (all or nothing)',
        security: [{ bearer: [] }],
        parameters: [query('account', 'Admin keys only: account for events that name none.')],
        requestBody: {
          required: true,
          content: {
            'application/json': { schema: { type: 'array', items: ref('Event') } },
            'application/x-ndjson': { schema: { type: 'string', description: 'One event object per line' } },
          },
        },
        responses: {
          '202': {
            description: 'Every event is durable; duplicates (ids accepted before) changed nothing',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: { accepted: { type: 'integer' }, duplicates: { type: 'integer' } },
                },
              },
            },
          },
          '400': errorResponse(
            'Invalid batch: details list {index, field, message} per bad event; nothing was counted'
          ),
          '401': errorResponse('Missing or unknown API key'),
          '403': errorResponse('Key lacks ingest, or an event names another account'),
          '413': errorResponse('Body too large'),
          '415': errorResponse('Unsupported Content-Type, Content-Encoding or charset (UTF-8 only)'),
          '429': errorResponse('Too many requests for this key (Retry-After)'),
          '503': errorResponse(
            'InfluxDB is too far behind (outbox_full) or DATA_DIR cannot be written (storage_unavailable); Retry-After'
          ),
        },
      },
    },
    '/api/v1/stats/request-date': statsPath('Counts and rates by request date', 'RequestDateView'),
    '/api/v1/stats/send-date': statsPath('Counts and rates by send date', 'SendDateView'),
    '/api/v1/stats/domains': statsPath('Result events by recipient domain', 'DomainsView', [query('top')]),
    '/api/v1/stats/result-codes': statsPath('Result events by result code', 'ResultCodesView', [
      query('top', 'As for domains (`all` included); every code present is listed whatever its value.'),
    ]),
    '/api/v1/stats/sending-limit': statsPath('Usage against the sending limits', 'SendingLimitView', [
      query('month'),
      query('months'),
    ]),
    '/api/v1/export': {
      get: {
        summary: 'One Excel workbook with a sheet per view',
        security: [{ bearer: [] }],
        parameters: [
          query('views'),
          ...commonParameters.filter((parameter) => parameter.name !== 'format'),
          query('top', 'As for domains.'),
          query('month', 'As for sending-limit.'),
          query('months', 'As for sending-limit.'),
        ],
        responses: { '200': { description: 'Streamed workbook', content: xlsx }, ...readErrors },
      },
    },
    ...Object.fromEntries(
      ['templates', 'domains', 'result-codes'].map((kind) => [
        `/api/v1/values/${kind}`,
        {
          get: {
            summary: `Distinct ${kind} in a range (default the last 30 days), for Grafana variables`,
            security: [{ bearer: [] }],
            parameters: [
              query('from', 'Range start'),
              query('to', 'Range end'),
              query('tz', 'Zone of local dates'),
              query('q'),
              query('account', 'Admin keys only'),
              query('period', 'As for the views: current (default) or all (admin keys only)'),
            ],
            responses: {
              '200': { description: 'Sorted values', content: { 'application/json': { schema: ref('Values') } } },
              ...readErrors,
            },
          },
        },
      ])
    ),
    '/api/v1/accounts/{account}': {
      get: {
        summary: "The account's subscription periods (its own keys, or admin)",
        security: [{ bearer: [] }],
        parameters: [{ name: 'account', in: 'path', required: true, schema: { type: 'string' } }],
        responses: { '200': accountAnswer('The periods'), ...readErrors },
      },
    },
    '/api/v1/accounts/{account}/subscription': {
      put: {
        summary: 'Start a subscription period (admin); views then start at subscribedAt',
        security: [{ bearer: [] }],
        parameters: [{ name: 'account', in: 'path', required: true, schema: { type: 'string' } }],
        requestBody: periodBody('subscribedAt'),
        responses: {
          '200': accountAnswer('The periods, the new one open'),
          '409': errorResponse('A period is open (already_subscribed) or the last one ended later (period_overlap)'),
          ...readErrors,
        },
      },
      delete: {
        summary: "End the open period (admin); the account's events are refused until a new one starts",
        security: [{ bearer: [] }],
        parameters: [{ name: 'account', in: 'path', required: true, schema: { type: 'string' } }],
        requestBody: periodBody('unsubscribedAt'),
        responses: {
          '200': accountAnswer('The periods, the last one ended'),
          '409': errorResponse('No period is open (not_subscribed)'),
          ...readErrors,
        },
      },
    },
    ...webhookPaths,
    '/api/v1/limits': {
      get: {
        summary: "The account's sending limits",
        security: [{ bearer: [] }],
        parameters: [query('account', 'Admin keys only')],
        responses: {
          '200': {
            description: 'Limits; unset ones are null',
            content: { 'application/json': { schema: ref('Limits') } },
          },
          ...readErrors,
        },
      },
      put: {
        summary: 'Set the sending limits (admin)',
        security: [{ bearer: [] }],
        parameters: [query('account', 'The account to set')],
        requestBody: { required: true, content: { 'application/json': { schema: ref('Limits') } } },
        responses: {
          '200': { description: 'The limits now in force', content: { 'application/json': { schema: ref('Limits') } } },
          ...readErrors,
        },
      },
    },
  },
} as const;
