/**
 * Recipient domains as DNS host names: IDNA (UTS #46, nontransitional) by the `tr46`
 * package, then LDH labels of 1 to 63 characters, 253 at most in all, under a top-level
 * label that is not a number. A name is only ever case-folded and IDNA-converted, never
 * repaired: anything else is not a host name.
 */
import { toASCII } from 'tr46';

export const MAX_HOST_NAME_LENGTH = 253;

/**
 * ASCII letters, digits and inner hyphens, not starting `xn--` (a punycode label, which
 * must decode): for these names UTS #46 does nothing but lower-case the letters, so
 * ingestion skips the costly conversion.
 */
const PLAIN_LABEL = '(?![Xx][Nn]--)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?';
const PLAIN_HOST_NAME = new RegExp(`^(?:${PLAIN_LABEL}\\.)+${PLAIN_LABEL}$`);
/** A numeric top-level label would make an IPv4 address look like a name. */
const NUMERIC_TOP_LABEL = /(?:^|\.)[0-9]+$/;

/** UTS #46 leaves edge hyphens to CheckHyphens, which is off (see idnaHostName). */
const EDGE_HYPHEN = /(?:^|\.)-|-(?:\.|$)/;

function underTopLevel(ascii: string): string | undefined {
  return ascii.includes('.') && !NUMERIC_TOP_LABEL.test(ascii) && !EDGE_HYPHEN.test(ascii) ? ascii : undefined;
}

/**
 * The UTS #46 conversion, the reference the fast path must agree with. Every check is on
 * but CheckHyphens: `--` in a label's third and fourth places is only reserved for new
 * registrations, and mail to such a host (`ab--cd.example`) is delivered like any other,
 * so refusing it would lose real counts. Edge hyphens are refused by `underTopLevel`.
 */
export function idnaHostName(name: string): string | undefined {
  const ascii = toASCII(name, {
    checkHyphens: false,
    checkBidi: true,
    checkJoiners: true,
    useSTD3ASCIIRules: true,
    verifyDNSLength: true,
    transitionalProcessing: false,
    ignoreInvalidPunycode: false,
  });
  return ascii === null ? undefined : underTopLevel(ascii);
}

function convertHostName(name: string): string | undefined {
  if (name.length <= MAX_HOST_NAME_LENGTH && PLAIN_HOST_NAME.test(name)) {
    return underTopLevel(name.toLowerCase());
  }
  return idnaHostName(name);
}

/**
 * Answers by name, because a batch names the same few domains again and again: a lookup costs
 * less than the checks (and far less than IDNA). Bounded: cleared whole when full.
 */
const MAX_CACHED_NAMES = 20_000;
const canonicalNames = new Map<string, string | undefined>();

/** The lower-case ASCII (punycode) form of a host name, or undefined when `name` is none. */
export function canonicalHostName(name: string): string | undefined {
  const cached = canonicalNames.get(name);
  if (cached !== undefined || canonicalNames.has(name)) {
    return cached;
  }
  if (canonicalNames.size >= MAX_CACHED_NAMES) {
    canonicalNames.clear();
  }
  const canonical = convertHostName(name);
  canonicalNames.set(name, canonical);
  return canonical;
}
