/**
 * The request URL read strictly: the path and every query parameter must be valid
 * percent-encoded UTF-8, and every parameter is taken (Node's querystring would silently
 * drop those after the 1,000th and replace bad bytes with U+FFFD) or the request is refused.
 */
import type { NextFunction, Request, Response } from 'express';
import { badRequest } from '../domain/errors';
import { MAX_QUERY_PARAMETERS, type RawParams } from '../domain/statsParams';

const shown = (text: string) => JSON.stringify(text.slice(0, 100));

function decode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined; // URIError: a malformed escape or bytes that are not UTF-8
  }
}

/** `a=1&b=2&a=3` to {a: ['1', '3'], b: '2'}; `+` is a space, as forms send it. */
export function parseQueryString(text: string): RawParams {
  const params: RawParams = Object.create(null);
  const pairs = text.split('&').filter((pair) => pair !== '');
  if (pairs.length > MAX_QUERY_PARAMETERS) {
    throw badRequest(
      'too_many_parameters',
      `the query has ${pairs.length} parameters; at most ${MAX_QUERY_PARAMETERS} are taken`
    );
  }
  for (const pair of pairs) {
    const equals = pair.indexOf('=');
    const rawName = equals < 0 ? pair : pair.slice(0, equals);
    const name = decode(rawName.replace(/\+/g, ' '));
    const value = decode(equals < 0 ? '' : pair.slice(equals + 1).replace(/\+/g, ' '));
    if (name === undefined || value === undefined) {
      throw badRequest('invalid_query', `the query parameter ${shown(pair)} is not valid percent-encoded UTF-8`);
    }
    const earlier = params[name];
    params[name] = earlier === undefined ? value : [...(Array.isArray(earlier) ? earlier : [earlier]), value];
  }
  return params;
}

/** Checks the path and parses the query once, before any route reads `req.query`. */
export function strictUrl(req: Request, _res: Response, next: NextFunction): void {
  const url = req.originalUrl;
  const mark = url.indexOf('?');
  const path = mark < 0 ? url : url.slice(0, mark);
  if (decode(path) === undefined) {
    throw badRequest('invalid_path', `the path ${shown(path)} is not valid percent-encoded UTF-8`);
  }
  const query = parseQueryString(mark < 0 ? '' : url.slice(mark + 1));
  Object.defineProperty(req, 'query', { value: query, configurable: true, enumerable: true, writable: true });
  next();
}
