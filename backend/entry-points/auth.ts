/**
 * API keys: `Authorization: Bearer <key>`. Keys are looked up by their SHA-256, so the
 * comparison does not depend on how much of a key matches, and no key is kept or logged.
 * Each key has its own request rate limit (429 with Retry-After).
 */
import { timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { hashKey, type ApiKeyEntry, type Scope } from '../config';
import { ACCOUNT_PATTERN } from '../domain/events';
import { ApiError } from '../domain/errors';
import type { RateLimiter } from './rateLimit';

export interface Caller {
  account: string;
  scopes: ReadonlySet<Scope>;
  admin: boolean;
}

declare module 'express-serve-static-core' {
  interface Request {
    caller?: Caller;
  }
}

export function keyring(entries: readonly ApiKeyEntry[]) {
  const byHash = new Map(entries.map((entry) => [entry.keyHash, entry]));
  return (presented: string): ApiKeyEntry | undefined => {
    const hash = hashKey(presented);
    const entry = byHash.get(hash);
    return entry && timingSafeEqual(Buffer.from(entry.keyHash, 'hex'), Buffer.from(hash, 'hex')) ? entry : undefined;
  };
}

export function authenticate(entries: readonly ApiKeyEntry[], limiter?: RateLimiter) {
  const lookup = keyring(entries);
  return (req: Request, _res: Response, next: NextFunction) => {
    const header = req.headers.authorization;
    if (header === undefined || header.trim() === '') {
      throw new ApiError(401, 'unauthorized', 'missing API key: send Authorization: Bearer <key>');
    }
    const match = /^Bearer +([^\s]+) *$/i.exec(header);
    if (!match) {
      throw new ApiError(
        401,
        'unauthorized',
        'the Authorization header is malformed: send exactly "Bearer <key>" (one key, no other words)'
      );
    }
    const entry = lookup(match[1]);
    if (!entry) {
      throw new ApiError(401, 'unauthorized', 'unknown API key');
    }
    const wait = limiter?.take(entry.keyHash) ?? 0;
    if (wait > 0) {
      throw new ApiError(
        429,
        'rate_limited',
        `this key sent too many requests; try again in ${wait} s`,
        undefined,
        wait
      );
    }
    req.caller = { account: entry.account, scopes: entry.scopes, admin: entry.scopes.has('admin') };
    next();
  };
}

/** For endpoints outside /api/v1 that need an admin key (/metrics on the API port). */
export function requireAdmin(req: Request, _res: Response, next: NextFunction): void {
  if (!req.caller?.admin) {
    throw new ApiError(403, 'forbidden_scope', 'this endpoint needs an admin key');
  }
  next();
}

/** The account a request acts for: its key's, or for an admin key the one named by `?account=`. */
export function actingAccount(req: Request, scope: Scope): string {
  const caller = req.caller!;
  if (!caller.admin && !caller.scopes.has(scope)) {
    throw new ApiError(403, 'forbidden_scope', `this key lacks the ${scope} scope`);
  }
  const named = req.query.account;
  if (named === undefined) {
    if (caller.admin && scope !== 'ingest') {
      throw new ApiError(400, 'account_required', 'an admin key must name the account: ?account=NAME');
    }
    return caller.account;
  }
  if (typeof named !== 'string' || !ACCOUNT_PATTERN.test(named)) {
    throw new ApiError(400, 'invalid_parameter', 'account must match [A-Za-z0-9_.-]{1,64}');
  }
  if (!caller.admin && named !== caller.account) {
    throw new ApiError(403, 'forbidden_account', `this key may not act for account ${JSON.stringify(named)}`);
  }
  return named;
}
