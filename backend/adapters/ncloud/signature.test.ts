import { createHmac } from 'node:crypto';
import { signature, signatureMatches, signedHeaders } from './signature';

const credentials = { accessKey: 'AKIDEXAMPLE0123', secretKey: 'secretExample0123456789' };

test('signs "METHOD path?query\\ntimestamp\\naccessKey" with HMAC-SHA256 in base64', () => {
  const path = '/api/v1/mails/requests?startUtc=1&endUtc=2&page=0';
  // Computed here from the documented message layout, independently of the module.
  const expected = createHmac('sha256', credentials.secretKey)
    .update(`GET ${path}\n1521787414578\nAKIDEXAMPLE0123`)
    .digest('base64');
  expect(signature('GET', path, '1521787414578', credentials)).toBe(expected);
  expect(signedHeaders('get', path, 1521787414578, credentials)).toEqual({
    'x-ncp-apigw-timestamp': '1521787414578',
    'x-ncp-iam-access-key': 'AKIDEXAMPLE0123',
    'x-ncp-apigw-signature-v2': expected,
  });
});

test('the signature depends on method, path, query, timestamp and both keys', () => {
  const base = signature('GET', '/api/v1/mails/1', '1000', credentials);
  expect(signature('POST', '/api/v1/mails/1', '1000', credentials)).not.toBe(base);
  expect(signature('GET', '/api/v1/mails/2', '1000', credentials)).not.toBe(base);
  expect(signature('GET', '/api/v1/mails/1?page=1', '1000', credentials)).not.toBe(base);
  expect(signature('GET', '/api/v1/mails/1', '1001', credentials)).not.toBe(base);
  expect(signature('GET', '/api/v1/mails/1', '1000', { ...credentials, accessKey: 'other' })).not.toBe(base);
  expect(signature('GET', '/api/v1/mails/1', '1000', { ...credentials, secretKey: 'other' })).not.toBe(base);
});

test('signatureMatches compares exactly', () => {
  const good = signature('GET', '/x', '1', credentials);
  expect(signatureMatches(good, good)).toBe(true);
  expect(signatureMatches(`${good}x`, good)).toBe(false);
  expect(
    signatureMatches(
      good.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')),
      good
    )
  ).toBe(false);
});
