/**
 * Excel's rules for sheet names: 1–31 characters, none of []:*?/\ , no apostrophe at
 * either end, not "History" (reserved), unique in the workbook ignoring case.
 */
const MAX_LENGTH = 31;
const FORBIDDEN = /[[\]:*?/\\\u0000-\u001f\u007f]/g;

/** At most `max` UTF-16 units (Excel's count), never splitting a surrogate pair. */
function truncate(text: string, max: number): string {
  let result = '';
  for (const char of text) {
    if (result.length + char.length > max) {
      break;
    }
    result += char;
  }
  return result;
}

function safeSheetName(title: string): string {
  const cleaned = title
    .replace(FORBIDDEN, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^'+|'+$/g, '');
  const name = truncate(cleaned, MAX_LENGTH).trim();
  return name === '' || name.toLowerCase() === 'history' ? `Sheet ${name}`.trim() : name;
}

/** Safe, unique sheet names for the titles, in order; repeated titles get " (2)", " (3)", ... */
export function sheetNames(titles: readonly string[]): string[] {
  const taken = new Set<string>();
  return titles.map((title) => {
    const base = safeSheetName(title);
    let name = base;
    for (let n = 2; taken.has(name.toLowerCase()); n++) {
      const suffix = ` (${n})`;
      name = truncate(base, MAX_LENGTH - suffix.length).trimEnd() + suffix;
    }
    taken.add(name.toLowerCase());
    return name;
  });
}
