/**
 * The query parameters of the read endpoints, once: their JSON schema (TypeBox) and
 * description. openapi.json lists them from here, and the checks (statsParams.ts) read
 * their choices, defaults and month range from here. The checks stay hand-written: they
 * give the messages callers and tests rely on, take `var-NAME` spellings and treat an
 * empty value as absent, which ajv would not.
 */
import { Type, type TSchema } from '@sinclair/typebox';
import { choices } from './openApiSchemas';
import { ALL_MARKER, MONTHS, MONTH_PATTERN, TOP } from '../contract/params';
import { RESULT_CODE_NAMES } from '../contract/resultCodes';
import { INTERVALS, VIEW_IDS } from '../contract/views';
import { QUERY_RANGE_TEXT } from './timestamps';

/** `a or b`, `one of a, b, c`: how an error message names the choices. */
export const choicesText = (values: readonly string[]) =>
  values.length === 2 ? values.join(' or ') : `one of ${values.join(', ')}`;

interface QueryParameter {
  description: string;
  schema: TSchema;
  /** Repeat the parameter for several values (OR). */
  repeated?: true;
}

const text = Type.String();

/** The months the sending-limit view can be asked for. */
export const MONTH_RANGE = { first: '2000-01', last: '2099-12' } as const;

export const QUERY_PARAMETERS = {
  from: {
    description:
      'Start of the half-open range: ISO 8601 (with offset, or local to tz) or epoch ms. Default: 7 local days ending today.',
    schema: text,
  },
  to: { description: `End of the half-open range (exclusive). Both bounds lie ${QUERY_RANGE_TEXT}.`, schema: text },
  tz: {
    description:
      'IANA time zone for days and bucket labels, in any case; answers name it as the tz database spells it (asia/seoul: Asia/Seoul).',
    schema: text,
  },
  interval: { description: 'Bucket size; weeks start on Monday.', schema: choices(INTERVALS, { default: '1d' }) },
  template: {
    description: `Template filter, repeat for several (OR); \`(none)\` selects mails without a template; \`${ALL_MARKER}\` means no filter. Also accepted as var-template.`,
    schema: text,
    repeated: true,
  },
  domain: { description: 'Recipient domain filter, repeatable. Also var-domain.', schema: text, repeated: true },
  resultCode: {
    description: 'Result code filter (domains and result-codes views), repeatable. Also var-resultCode.',
    schema: choices(RESULT_CODE_NAMES),
    repeated: true,
  },
  account: { description: 'Admin keys only: the account to read.', schema: text },
  period: {
    description:
      'current (default): only the latest subscription period of the account; all (admin keys only): every period.',
    schema: choices(['current', 'all'] as const, { default: 'current' }),
  },
  format: {
    description: 'json, or xlsx for a streamed Excel workbook.',
    schema: choices(['json', 'xlsx'] as const, { default: 'json' }),
  },
  top: {
    description: 'Domains listed before the rest is summed as (other); `all`: every domain, no (other).',
    schema: Type.Union([Type.Integer({ minimum: TOP.min, maximum: TOP.max }), choices([TOP.all])], {
      default: TOP.default,
    }),
  },
  month: {
    description: `YYYY-MM between ${MONTH_RANGE.first} and ${MONTH_RANGE.last}, default the current month in tz.`,
    schema: Type.String({ pattern: MONTH_PATTERN.source }),
  },
  months: {
    description: 'Months up to and including month.',
    schema: Type.Integer({ minimum: MONTHS.min, maximum: MONTHS.max, default: MONTHS.default }),
  },
  q: { description: 'Substring, case-insensitive', schema: text },
  views: { description: `Comma-separated views: ${VIEW_IDS.join(', ')}.`, schema: text },
} as const satisfies Record<string, QueryParameter>;

export type QueryParameterName = keyof typeof QUERY_PARAMETERS;

/** The parameter as openapi.json lists it; `description` replaces the table's for one endpoint. */
export function openApiParameter(name: QueryParameterName, description?: string) {
  const parameter: QueryParameter = QUERY_PARAMETERS[name];
  return {
    name,
    in: 'query',
    description: description ?? parameter.description,
    schema: parameter.repeated ? { type: 'array', items: parameter.schema } : parameter.schema,
    ...(parameter.repeated ? { style: 'form', explode: true } : {}),
  };
}
