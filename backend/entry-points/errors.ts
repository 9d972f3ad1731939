/** Every error answers JSON {error:{code,message,details}}; callers' mistakes are 4xx, never a stack trace. */
import type { NextFunction, Request, Response } from 'express';
import { ApiError } from '../domain/errors';
import { unsupportedCharset } from './bodyText';
import { storageErrorCode } from '../storage/storageErrors';

interface BodyParserError extends Error {
  type?: string;
  status?: number;
  limit?: number;
  charset?: string;
}

function fromBodyParser(error: BodyParserError): ApiError | undefined {
  switch (error.type) {
    case 'entity.too.large':
      return new ApiError(
        413,
        'payload_too_large',
        `the request body is larger than ${error.limit} bytes; send smaller batches`
      );
    case 'encoding.unsupported':
      return new ApiError(415, 'unsupported_encoding', 'Content-Encoding must be gzip, deflate or none');
    case 'entity.parse.failed':
      return new ApiError(400, 'invalid_json', `the body is not valid JSON: ${error.message}`);
    case 'charset.unsupported':
      return unsupportedCharset(error.charset ?? '');
    case 'request.aborted':
      return new ApiError(400, 'request_aborted', 'the request was aborted');
    default:
      if (error.status && error.status >= 400 && error.status < 500) {
        return new ApiError(error.status, 'invalid_body', `the request body cannot be read: ${error.message}`);
      }
      // zlib reports a corrupt gzip body without a status
      if ((error as NodeJS.ErrnoException).code?.startsWith('Z_')) {
        return new ApiError(400, 'invalid_body', 'the gzip request body is corrupt');
      }
      return undefined;
  }
}

/**
 * DATA_DIR cannot take the batch (disk full, read-only, I/O error): nothing was committed,
 * so nothing was acknowledged; the caller retries later with the same ids.
 */
function fromStorage(error: Error): ApiError | undefined {
  const code = storageErrorCode(error);
  if (code === undefined) {
    return undefined;
  }
  return new ApiError(
    503,
    'storage_unavailable',
    `the backend cannot write its durable state in DATA_DIR (${code}); nothing of this request was taken, try again later`,
    undefined,
    30
  );
}

export function sendError(res: Response, error: ApiError): void {
  res.locals.errorCode = error.code;
  if (error.retryAfter !== undefined) {
    res.setHeader('Retry-After', String(error.retryAfter));
  }
  res.status(error.status).json({
    error: { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) },
  });
}

export function errorHandler(log: (error: Error) => void) {
  return (error: Error, _req: Request, res: Response, _next: NextFunction) => {
    const known = error instanceof ApiError ? error : (fromStorage(error) ?? fromBodyParser(error as BodyParserError));
    if (res.headersSent) {
      // A streamed answer broke off: nothing can be said any more.
      log(error);
      res.destroy();
      return;
    }
    if (known) {
      if (known !== error && known.status >= 500) {
        log(error); // the storage error itself, for the operator
      }
      sendError(res, known);
      return;
    }
    log(error);
    sendError(res, new ApiError(500, 'internal_error', 'the backend failed to answer; the event log has the details'));
  };
}

export function notFound(req: Request, res: Response): void {
  sendError(res, new ApiError(404, 'not_found', `no endpoint ${req.method} ${req.path}; see /api/v1/openapi.json`));
}
