/**
 * NAVER Cloud API Gateway signature v2
 * (https://api.ncloud-docs.com/docs/en/ai-application-service-cloudoutboundmailer, "Request headers";
 * https://api.ncloud-docs.com/docs/common-ncpapi): base64 HMAC-SHA256, keyed with the secret key,
 * of "METHOD URL\ntimestamp\naccessKey", where URL is the path with its query string.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const TIMESTAMP_HEADER = 'x-ncp-apigw-timestamp';
export const ACCESS_KEY_HEADER = 'x-ncp-iam-access-key';
export const SIGNATURE_HEADER = 'x-ncp-apigw-signature-v2';

/** The gateway refuses a timestamp more than five minutes away from its own clock. */
export const TIMESTAMP_TOLERANCE_MS = 5 * 60 * 1000;

export interface Credentials {
  accessKey: string;
  secretKey: string;
}

export function signature(method: string, pathAndQuery: string, timestamp: string, credentials: Credentials): string {
  const message = `${method.toUpperCase()} ${pathAndQuery}\n${timestamp}\n${credentials.accessKey}`;
  return createHmac('sha256', credentials.secretKey).update(message, 'utf8').digest('base64');
}

export function signedHeaders(
  method: string,
  pathAndQuery: string,
  timestampMs: number,
  credentials: Credentials
): Record<string, string> {
  const timestamp = String(Math.round(timestampMs));
  return {
    [TIMESTAMP_HEADER]: timestamp,
    [ACCESS_KEY_HEADER]: credentials.accessKey,
    [SIGNATURE_HEADER]: signature(method, pathAndQuery, timestamp, credentials),
  };
}

/** Constant-time comparison of a received signature with the expected one. */
export function signatureMatches(received: string, expected: string): boolean {
  const a = Buffer.from(received);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
