/**
 * InfluxDB line protocol and InfluxQL literals. Names are free text (commas, quotes, `=`,
 * newlines, any script), so every tag value is made storable and every filter value is
 * a quoted literal, never query text.
 */

/** Tag values cannot hold newlines or end in a backslash: control characters, `%` and `\` become %XX. */
export function encodeTagText(text: string): string {
  return text.replace(
    /[\u0000-\u001f\u007f%\\]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`
  );
}

export function decodeTagText(stored: string): string {
  return stored.replace(/%([0-9A-F]{2})/g, (_match, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Escapes what line protocol treats specially in a tag key or value: comma, equals sign, space. */
export function escapeLineTag(value: string): string {
  return value.replace(/[,= ]/g, (char) => `\\${char}`);
}

/** One line: measurement, tags (values already encoded with encodeTagText), integer fields, time in seconds. */
export function formatLine(
  measurement: string,
  tags: ReadonlyArray<readonly [string, string]>,
  fields: ReadonlyArray<readonly [string, number]>,
  timeSeconds: number
): string {
  const tagText = tags.map(([key, value]) => `,${key}=${escapeLineTag(value)}`).join('');
  const fieldText = fields.map(([key, value]) => `${key}=${Math.trunc(value)}i`).join(',');
  return `${measurement}${tagText} ${fieldText} ${timeSeconds}`;
}

/** A single-quoted InfluxQL string literal. */
export function influxString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** A double-quoted InfluxQL identifier. */
export function influxIdentifier(name: string): string {
  return `"${name.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** `("tag" = 'a' OR "tag" = 'b')` for stored (encoded) values; empty for no values. */
export function tagEquals(tag: string, storedValues: readonly string[]): string {
  if (storedValues.length === 0) {
    return '';
  }
  const terms = storedValues.map((value) => `${influxIdentifier(tag)} = ${influxString(value)}`);
  return terms.length === 1 ? terms[0] : `(${terms.join(' OR ')})`;
}
