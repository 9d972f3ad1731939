import { decodeTagText, encodeTagText, escapeLineTag, formatLine, influxString, tagEquals } from './lineProtocol';

test('tag text: control characters, % and backslash become %XX and come back exactly', () => {
  const names = ['a,b=c d', 'line\nbreak\r', '100% \\ off', '환영 메일, "VIP"', "it's", 'x\\'];
  for (const name of names) {
    const stored = encodeTagText(name);
    expect(stored).not.toMatch(/[\n\r\\]/);
    expect(decodeTagText(stored)).toBe(name);
  }
  expect(encodeTagText('100% \\ off\n')).toBe('100%25 %5C off%0A');
});

test('line protocol escapes commas, equals signs and spaces in tag values', () => {
  expect(escapeLineTag('a,b=c d')).toBe('a\\,b\\=c\\ d');
  expect(
    formatLine(
      'm',
      [
        ['template', 'a,b'],
        ['domain', 'x.com'],
      ],
      [['n', 5]],
      1774742400
    )
  ).toBe('m,template=a\\,b,domain=x.com n=5i 1774742400');
});

test('InfluxQL literals escape quotes and backslashes; filters are OR-ed literals', () => {
  expect(influxString("x' OR '1'='1")).toBe("'x\\' OR \\'1\\'=\\'1'");
  expect(influxString('a\\b')).toBe("'a\\\\b'");
  expect(tagEquals('domain', [])).toBe('');
  expect(tagEquals('domain', ['a.com'])).toBe(`"domain" = 'a.com'`);
  expect(tagEquals('domain', ['a.com', "b'c"])).toBe(`("domain" = 'a.com' OR "domain" = 'b\\'c')`);
});
