/** OpenAPI paths of the webhook receivers and the webhook sources (issue 16), merged into openapi.ts. */
import { VENDORS } from '../adapters/webhooks/types';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: unknown) => ({ 'application/json': { schema } });
const error = (description: string) => ({ description, content: json(ref('Error')) });
const sourceIdParameter = {
  name: 'sourceId',
  in: 'path',
  required: true,
  schema: { type: 'string', pattern: '^[A-Za-z0-9_.-]{1,64}$' },
};

export const webhookSchemas = {
  WebhookAnswer: {
    type: 'object',
    required: ['accepted', 'duplicates', 'ignored'],
    properties: {
      accepted: { type: 'integer', description: 'Our events mapped from the call (each durable before the answer)' },
      duplicates: { type: 'integer', description: 'Of those, events seen before (vendor retries): counted once' },
      ignored: { type: 'integer', description: 'Vendor events without a count here (clicks, repeat opens, ...)' },
      confirmed: { type: 'boolean', description: 'An SNS subscription was confirmed' },
    },
  },
  Source: {
    type: 'object',
    required: ['vendor', 'account'],
    properties: {
      vendor: { type: 'string', enum: VENDORS },
      account: { type: 'string' },
      signingKey: { type: 'string', writeOnly: true, description: 'mailgun: HTTP webhook signing key' },
      publicKey: { type: 'string', writeOnly: true, description: 'sendgrid: verification key, base64 DER or PEM' },
      username: { type: 'string', writeOnly: true, description: 'postmark: basic auth user' },
      password: { type: 'string', writeOnly: true, description: 'postmark: basic auth password' },
      topicArns: { type: 'array', items: { type: 'string' }, description: 'ses: accepted SNS topics (default all)' },
      id: { type: 'string', readOnly: true },
      origin: { type: 'string', enum: ['api', 'environment'], readOnly: true },
    },
  },
};

export const webhookPaths = {
  '/api/v1/webhooks/{vendor}/{sourceId}': {
    post: {
      summary: "A sending service's webhook call; no API key: the vendor's signature or basic auth verifies it",
      description:
        'ses: an SNS message (signature v1/v2, SigningCertURL matching SNS_CERT_URL_PATTERN; SubscriptionConfirmation ' +
        'confirmed). sendgrid: signed Event Webhook (X-Twilio-Email-Event-Webhook-Signature/-Timestamp). mailgun: ' +
        'HMAC-SHA256 signature in the body, tokens used once. postmark: basic auth. Mapping: docs/adapters.md.',
      parameters: [
        { name: 'vendor', in: 'path', required: true, schema: { type: 'string', enum: VENDORS } },
        sourceIdParameter,
      ],
      requestBody: {
        required: true,
        content: { 'application/json': { schema: {} }, 'text/plain': { schema: { type: 'string' } } },
      },
      responses: {
        '200': { description: 'Every event it carries is durable', content: json(ref('WebhookAnswer')) },
        '400': error('Not a body of this vendor; nothing counted'),
        '401': error('Unsigned, forged or wrong credentials; nothing counted'),
        '403': error('Stale timestamp, replayed token, certificate or topic not allowed; nothing counted'),
        '404': error('No such source for this vendor'),
        '503': error('Storage or the SNS certificate unavailable; the vendor retries'),
      },
    },
  },
  '/api/v1/sources': {
    get: {
      summary: 'Webhook sources, without secrets (admin)',
      security: [{ bearer: [] }],
      responses: {
        '200': {
          description: 'Sources by id',
          content: json({ type: 'object', properties: { sources: { type: 'array', items: ref('Source') } } }),
        },
        '403': error('Not an admin key'),
      },
    },
  },
  '/api/v1/sources/{sourceId}': {
    get: {
      summary: 'One webhook source, without secrets (admin)',
      security: [{ bearer: [] }],
      parameters: [sourceIdParameter],
      responses: { '200': { description: 'The source', content: json(ref('Source')) }, '404': error('No such source') },
    },
    put: {
      summary: 'Create or replace a webhook source (admin); durable in DATA_DIR',
      security: [{ bearer: [] }],
      parameters: [sourceIdParameter],
      requestBody: { required: true, content: json(ref('Source')) },
      responses: {
        '200': { description: 'Replaced', content: json(ref('Source')) },
        '201': { description: 'Created', content: json(ref('Source')) },
        '400': error('Invalid source, every problem in details'),
        '409': error('Set in WEBHOOK_SOURCES'),
      },
    },
    delete: {
      summary: 'Remove a webhook source (admin)',
      security: [{ bearer: [] }],
      parameters: [sourceIdParameter],
      responses: {
        '204': { description: 'Removed' },
        '404': error('No such source'),
        '409': error('Set in WEBHOOK_SOURCES'),
      },
    },
  },
};
