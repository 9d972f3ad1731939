import { parseQueryString } from './requestUrl';

test('every parameter is kept, repeated ones as arrays, in order', () => {
  const text = Array.from({ length: 1500 }, (_, i) => `t=${i}`).join('&') + '&tz=Asia%2FSeoul&q=a+b&flag';
  const params = parseQueryString(text);
  expect(params.t).toEqual(Array.from({ length: 1500 }, (_, i) => String(i)));
  expect(params.tz).toBe('Asia/Seoul');
  expect(params.q).toBe('a b');
  expect(params.flag).toBe('');
  expect(Object.getPrototypeOf(params)).toBeNull();
  expect(parseQueryString('')).toEqual({});
  expect({ ...parseQueryString('__proto__=x&a=1&&b=%E2%82%AC') }).toEqual({ ['__proto__']: 'x', a: '1', b: '€' });
});

test.each([
  ['a=%E0%A4%A', 'the query parameter "a=%E0%A4%A" is not valid percent-encoded UTF-8'],
  ['%ZZ=1', 'the query parameter "%ZZ=1" is not valid percent-encoded UTF-8'],
  ['a=%C3%28', 'the query parameter "a=%C3%28" is not valid percent-encoded UTF-8'],
  ['a=%ED%A0%80', 'the query parameter "a=%ED%A0%80" is not valid percent-encoded UTF-8'],
])('%s is refused', (text, message) => {
  expect(() => parseQueryString(text)).toThrow(message);
});

test('more than 2,000 parameters are refused whole', () => {
  expect(Object.keys(parseQueryString(Array.from({ length: 2000 }, (_, i) => `p${i}=1`).join('&')))).toHaveLength(2000);
  expect(() => parseQueryString(Array.from({ length: 2001 }, () => 'x').join('&'))).toThrow(
    'the query has 2001 parameters; at most 2000 are taken'
  );
});
