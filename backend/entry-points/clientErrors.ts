/**
 * Requests Node's HTTP parser refuses before Express sees them (headers or URL over the
 * 16 KiB limit, a bad method, Content-Length with Transfer-Encoding, ...) get the same JSON
 * error shape as every other mistake instead of an empty body.
 */
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';

interface ParserError extends Error {
  code?: string;
}

const BOTH_LENGTHS = {
  status: 400,
  code: 'invalid_request',
  message:
    'the request has both Content-Length and Transfer-Encoding, or a Transfer-Encoding that is not chunked; send one of them',
};

const ANSWERS: Readonly<Record<string, { status: number; code: string; message: string }>> = {
  HPE_HEADER_OVERFLOW: {
    status: 431,
    code: 'headers_too_large',
    message: 'the request line and headers are larger than 16 KiB; send fewer or shorter parameters or headers',
  },
  // llhttp names Content-Length with Transfer-Encoding either way, by which header comes first
  HPE_UNEXPECTED_CONTENT_LENGTH: BOTH_LENGTHS,
  HPE_INVALID_TRANSFER_ENCODING: BOTH_LENGTHS,
  HPE_INVALID_METHOD: { status: 400, code: 'invalid_request', message: 'the request method is not valid HTTP' },
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, code: 'request_timeout', message: 'the request was not received in time' },
};

const FALLBACK = { status: 400, code: 'invalid_request', message: 'the request is not valid HTTP/1.1' };

/** The `clientError` listener of an http.Server. */
export function answerClientError(error: ParserError, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const answer = ANSWERS[error.code ?? ''] ?? FALLBACK;
  const body = JSON.stringify({ error: { code: answer.code, message: answer.message } });
  socket.end(
    [
      `HTTP/1.1 ${answer.status} ${STATUS_CODES[answer.status]}`,
      'Content-Type: application/json; charset=utf-8',
      `Content-Length: ${Buffer.byteLength(body)}`,
      'X-Content-Type-Options: nosniff',
      'Cache-Control: no-store',
      'Connection: close',
      '',
      body,
    ].join('\r\n')
  );
}
