/** Bounded labels for metrics and logs: the endpoint a path names, never the raw path. */
import { VIEW_IDS } from '../contract/views';
import { VALUE_KINDS } from '../domain/values';

const FIXED = new Set([
  '/healthz',
  '/readyz',
  '/metrics',
  '/api/v1/openapi.json',
  '/api/v1/events',
  '/api/v1/limits',
  '/api/v1/export',
]);
const VIEWS: ReadonlySet<string> = new Set(VIEW_IDS);

/** The endpoint's path, or `other` for anything not served (404s must not grow a label per path). */
export function routeLabel(path: string): string {
  if (FIXED.has(path)) {
    return path;
  }
  const query = queryLabel(path);
  return query === undefined ? 'other' : path;
}

/** The statistics query a path runs, for query latency: a view id, `export` or `values/<kind>`. */
export function queryLabel(path: string): string | undefined {
  const match = /^\/api\/v1\/(stats|values)\/([^/]+)$/.exec(path);
  if (match) {
    const [, family, name] = match;
    if (family === 'stats' && VIEWS.has(name)) {
      return name;
    }
    if (family === 'values' && Object.prototype.hasOwnProperty.call(VALUE_KINDS, name)) {
      return `values/${name}`;
    }
    return undefined;
  }
  return path === '/api/v1/export' ? 'export' : undefined;
}
