/** Request bodies are UTF-8 text: another charset, or bytes that are not UTF-8, are refused, never replaced. */
import type { Request } from 'express';
import { ApiError, badRequest } from '../domain/errors';

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function unsupportedCharset(charset: string): ApiError {
  return new ApiError(
    415,
    'unsupported_charset',
    `charset ${JSON.stringify(charset.slice(0, 40))} is not supported: send UTF-8 (charset=utf-8 or no charset)`
  );
}

/** The charset parameter of Content-Type, lower-cased and unquoted; undefined when none is given. */
function charsetOf(contentType: string): string | undefined {
  const parameter = /;\s*charset\s*=\s*("?)([^";]*)\1/i.exec(contentType);
  return parameter?.[2].trim().toLowerCase();
}

export function decodeUtf8(bytes: Buffer): string {
  try {
    return UTF8.decode(bytes);
  } catch {
    throw badRequest('invalid_utf8', 'the request body is not valid UTF-8');
  }
}

/** A body-parser `verify` hook: the raw bytes must be UTF-8. */
export function requireUtf8(_req: unknown, _res: unknown, bytes: Buffer): void {
  decodeUtf8(bytes);
}

/** The raw body of `req` as text, refusing other charsets and invalid UTF-8. */
export function utf8Body(req: Request): string {
  const charset = charsetOf(req.headers['content-type'] ?? '');
  if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') {
    throw unsupportedCharset(charset);
  }
  return decodeUtf8(Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0));
}
