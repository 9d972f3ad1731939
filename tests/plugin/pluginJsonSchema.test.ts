/**
 * Every plugin.json, as written in src/ and as built into dist/ (scripts/test.sh builds before
 * jest), is valid for Grafana's own plugin.json schema (schema/README.md says where it is from).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv, { type ErrorObject } from 'ajv';
import schema from './schema/grafana-plugin.schema.json';

const ROOT = join(__dirname, '..', '..');
const PLUGIN_JSONS = [
  'src/plugin.json',
  'src/datasource/plugin.json',
  'dist/plugin.json',
  'dist/datasource/plugin.json',
];

// The schema's two formats, checked rather than ignored (ajv knows none without ajv-formats).
const isUri = (text: string) => URL.canParse(text);
const isEmail = (text: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text);

// Grafana's schema as any draft-07 validator reads it: its id pattern escapes "-" (\-), fine in
// a plain ECMA-262 regex but refused under the u flag ajv adds by default; it has keywords that
// draft-07 ignores where they do not apply (additionalItems beside a single items schema), which
// ajv's strict mode refuses instead of ignoring.
const ajv = new Ajv({ allErrors: true, unicodeRegExp: false, strict: false });
ajv.addFormat('uri', isUri);
ajv.addFormat('email', isEmail);
const validate = ajv.compile(schema);

const describeErrors = (errors: ErrorObject[] | null | undefined) =>
  (errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message} ${JSON.stringify(error.params)}`);

function readPluginJson(path: string): Record<string, unknown> {
  const file = join(ROOT, path);
  if (!existsSync(file)) {
    throw new Error(`${file} is missing: run npm run build first`);
  }
  return JSON.parse(readFileSync(file, 'utf8'));
}

test.each(PLUGIN_JSONS)("%s is valid for Grafana's plugin.json schema", (path) => {
  validate(readPluginJson(path));
  expect(describeErrors(validate.errors)).toEqual([]);
});

test('the schema refuses what Grafana would: a misspelt key and a data source logo that is not a string', () => {
  const datasource = readPluginJson('src/datasource/plugin.json');
  const info = datasource.info as { logos: Record<string, unknown> };
  expect(validate({ ...datasource, rotues: [] })).toBe(false);
  expect(validate({ ...datasource, info: { ...info, logos: { ...info.logos, small: 1 } } })).toBe(false);
});
