import type { ScopedVars } from '@grafana/data';
import type { TemplateSrv } from '@grafana/runtime';

type VariableValues = Record<string, string | string[]>;

/**
 * A TemplateSrv for tests that replaces $name and ${name} like Grafana's: scoped variables first,
 * a format function applied to the value (an array for multi-value variables).
 */
export function fakeTemplateSrv(variables: VariableValues): TemplateSrv {
  const replace = (target?: string, scopedVars?: ScopedVars, format?: string | Function): string =>
    (target ?? '').replace(/\$\{(\w+)\}|\$(\w+)/g, (match, braced: string | undefined, plain: string | undefined) => {
      const name = (braced ?? plain) as string;
      const scoped = scopedVars?.[name]?.value as string | string[] | undefined;
      const value = scoped ?? variables[name];
      if (value === undefined) {
        return match;
      }
      if (typeof format === 'function') {
        return format(value);
      }
      return Array.isArray(value) ? value.join(',') : value;
    });
  return {
    replace,
    getVariables: () =>
      Object.keys(variables).map((name) => ({ name }) as ReturnType<TemplateSrv['getVariables']>[number]),
    containsTemplate: (target?: string) => /\$/.test(target ?? ''),
    updateTimeRange: () => undefined,
  };
}
