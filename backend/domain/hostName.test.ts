import fc from 'fast-check';
import { canonicalHostName, idnaHostName } from './hostName';

const LONGEST_LABELS = ['a', 'b', 'c'].map((letter) => letter.repeat(63)).join('.');

test.each([
  ['Gmail.COM', 'gmail.com'],
  ['bücher.example', 'xn--bcher-kva.example'],
  ['네이버.한국', 'xn--950bt9s8xi.xn--3e0b707e'],
  ['xn--bcher-kva.example', 'xn--bcher-kva.example'],
  // UTS #46 mapping: full-width letters and the ideographic full stop are IDNA spellings
  ['ｅｘａｍｐｌｅ.com', 'example.com'],
  ['example\u3002com', 'example.com'],
  [`${'a'.repeat(63)}.com`, `${'a'.repeat(63)}.com`],
  // reserved for registration only (RFC 5891 §4.2.3.1), yet a working DNS name that mail reaches
  ['AB--cd.com', 'ab--cd.com'],
  ['aa--a.aa', 'aa--a.aa'],
  ['bü--x.example', 'xn--b--x-0ra.example'],
  // 253 characters: the longest name
  [`${LONGEST_LABELS}.${'d'.repeat(61)}`, `${LONGEST_LABELS}.${'d'.repeat(61)}`],
  [`${LONGEST_LABELS}.${'d'.repeat(62)}`, undefined],
])('%j is the host name %j', (name, expected) => {
  expect(canonicalHostName(name)).toBe(expected);
});

test.each([
  'a/b.com',
  'exa\r\nmple.com',
  'exa%41mple.com',
  'xn--zz.com',
  '-bad-.com',
  'bad-.com',
  'a..b.com',
  `${'a'.repeat(64)}.com`,
  'ex_ample.com',
  '-a.com',
  'a.-com',
  'a.com-',
  'XN--zz.com',
  'gmail.com.',
  ' gmail.com',
  'gmail.com ',
  'localhost',
  '1.2.3.4',
  '',
  '.',
  'a b.com',
  'user@example.com',
])('%j is not a host name', (name) => {
  expect(canonicalHostName(name)).toBeUndefined();
});

/** Names near the fast path's edges: ASCII letters, digits, hyphens, dots, and a few others. */
const asciiNameLike = fc.string({
  unit: fc.constantFrom('a', 'Z', 'x', 'n', '0', '9', '-', '-', '.', '.', '_', ' ', '%'),
  maxLength: 24,
});
const longLabels = fc
  .array(fc.integer({ min: 1, max: 66 }), { minLength: 2, maxLength: 5 })
  .map((lengths) => lengths.map((length, i) => String.fromCharCode(97 + i).repeat(length)).join('.'));

test('the plain-ASCII fast path gives the answer of the full UTS #46 conversion', () => {
  fc.assert(
    fc.property(fc.oneof(asciiNameLike, longLabels, fc.domain()), (name) => {
      expect(canonicalHostName(name)).toBe(idnaHostName(name));
    }),
    { numRuns: 1000 }
  );
});

test('a host name is its own canonical form', () => {
  fc.assert(
    fc.property(
      fc.oneof(
        fc.domain(),
        fc.webUrl().map((url) => new URL(url).hostname)
      ),
      (name) => {
        const canonical = canonicalHostName(name);
        if (canonical !== undefined) {
          expect(canonicalHostName(canonical)).toBe(canonical);
        }
      }
    )
  );
});

test('answers stay the same when asked again, and after the cache of answers was cleared', () => {
  const names = ['Gmail.COM', 'bücher.example', 'a..b', '-x.example', 'naver.com'];
  const first = names.map(canonicalHostName);
  expect(first).toEqual(['gmail.com', 'xn--bcher-kva.example', undefined, undefined, 'naver.com']);
  // more distinct names than the cache holds, refused ones among them
  for (let i = 0; i < 25_000; i++) {
    expect(canonicalHostName(i % 5 === 0 ? `${i}` : `Host${i}.Example`)).toBe(
      i % 5 === 0 ? undefined : `host${i}.example`
    );
  }
  expect(names.map(canonicalHostName)).toEqual(first);
});
