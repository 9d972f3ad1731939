import type { ErrorDetail } from '../contract/apiTypes';

/** A caller's mistake or an unavailable dependency, answered as JSON with `status`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: ErrorDetail[],
    /** Seconds, sent as Retry-After. */
    readonly retryAfter?: number
  ) {
    super(message);
  }
}

export const badRequest = (code: string, message: string, details?: ErrorDetail[]) =>
  new ApiError(400, code, message, details);
