import type { MailVariableQuery, ValuesKind } from './types';

/** Kind of a variable query; a variable created a moment ago has none yet and lists templates. */
export function variableKind(query: Partial<MailVariableQuery>): ValuesKind {
  return query.kind ?? 'templates';
}
