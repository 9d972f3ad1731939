/**
 * Postmark webhooks carry no signature: Postmark documents HTTP basic auth, the credentials
 * put in the webhook URL (https://user:password@host/...). Compared by digest, in constant time.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { ApiError } from '../../../domain/errors';
import type { WebhookRequest } from '../types';

const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();

export function verifyPostmarkAuth(request: WebhookRequest, username: string, password: string): void {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(request.header('authorization') ?? '');
  if (!match) {
    throw new ApiError(
      401,
      'unverified',
      'missing basic auth: put the source username and password in the webhook URL'
    );
  }
  const given = Buffer.from(match[1], 'base64').toString('utf8');
  const expected = `${username}:${password}`;
  if (!timingSafeEqual(digest(given), digest(expected))) {
    throw new ApiError(401, 'unverified', 'wrong basic auth credentials for this source');
  }
}
