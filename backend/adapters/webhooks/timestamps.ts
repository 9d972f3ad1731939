/** Signed timestamps of webhook calls: too old or too far ahead means a replay or a wrong clock. */
import { ApiError } from '../../domain/errors';

/** Five minutes either way, as SendGrid and Mailgun suggest. */
export const DEFAULT_TOLERANCE_SECONDS = 300;

/** 403 unless `seconds` (epoch seconds, as text) is within `toleranceSeconds` of now. */
export function checkSignedTime(seconds: string, nowMs: number, toleranceSeconds: number): number {
  const value = /^\d{1,12}$/.test(seconds) ? Number(seconds) : NaN;
  if (Number.isNaN(value)) {
    throw new ApiError(401, 'unverified', 'the signed timestamp is not a number of seconds');
  }
  if (Math.abs(nowMs / 1000 - value) > toleranceSeconds) {
    throw new ApiError(
      403,
      'stale_timestamp',
      `the signed timestamp is more than ${toleranceSeconds} s from now: a replay, or a clock to set right`
    );
  }
  return value;
}
