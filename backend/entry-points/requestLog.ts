/**
 * Request ids, access log and request metrics. A caller's X-Request-Id (if it looks like an
 * id) is kept, else one is made; it comes back in the answer's X-Request-Id and in the log.
 */
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from '../observability/logger';
import type { BackendMetrics } from '../observability/metrics';
import { queryLabel, routeLabel } from '../observability/routes';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

declare module 'express-serve-static-core' {
  interface Locals {
    /** The error code answered, for the log and the refused-batches metric. */
    errorCode?: string;
  }
}

export function requestLog(logger: Logger, metrics: BackendMetrics) {
  return (req: Request, res: Response, next: NextFunction) => {
    const started = process.hrtime.bigint();
    const incoming = req.headers['x-request-id'];
    const requestId = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    res.setHeader('X-Request-Id', requestId);
    const path = req.path;
    res.once('close', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const status = res.statusCode;
      const route = routeLabel(path);
      metrics.request(route, req.method, status);
      const query = queryLabel(path);
      if (query !== undefined && status < 300 && res.writableFinished) {
        metrics.query(query, seconds);
      }
      if (route === '/api/v1/events' && req.method === 'POST' && status >= 400) {
        metrics.batchRefused(res.locals.errorCode ?? `http_${status}`);
      }
      const entry = {
        requestId,
        method: req.method,
        path: route === 'other' ? path.slice(0, 200) : path,
        status,
        durationMs: Math.round(seconds * 1e4) / 10,
        ...(req.caller ? { account: req.caller.account } : {}),
        ...(res.locals.errorCode ? { errorCode: res.locals.errorCode } : {}),
        ...(res.writableFinished ? {} : { aborted: true }),
      };
      if (status === 503) {
        logger.warn(entry, 'unavailable');
      } else if (status >= 500) {
        logger.error(entry, 'request failed');
      } else {
        logger.info(entry, 'request');
      }
    });
    next();
  };
}
