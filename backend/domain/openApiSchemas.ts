/**
 * TypeBox builders for schemas that are valid OpenAPI 3.0 (what openapi.json declares) and
 * that ajv reads the same way: 3.0 has `enum` and `nullable`, but no `const` and no `null` type.
 */
import { Type, type TSchema, type TUnsafe } from '@sinclair/typebox';

export interface Choices<Value extends string> extends TUnsafe<Value> {
  enum: readonly Value[];
  default?: Value;
}

/** One of `values` (in place of `Type.Literal`, which writes `const`). */
export const choices = <Value extends string>(
  values: readonly Value[],
  options: { default?: NoInfer<Value>; description?: string } = {}
): Choices<Value> => Type.Unsafe<Value>({ type: 'string', enum: values, ...options }) as Choices<Value>;

/** `schema`, or null (which the event validator takes as absence). */
export const orNull = <Schema extends TSchema>(schema: Schema) => ({ ...schema, nullable: true }) as Schema;

/** Only null: a field that does not belong here, unless absent or null. */
export const onlyNull = (description?: string) =>
  Type.Unsafe<null>({ type: 'string', nullable: true, enum: [null], ...(description ? { description } : {}) });
