/**
 * A bound on workbooks built at once: each holds its view's numbers and a zip stream in
 * memory, so beyond MAX_CONCURRENT_EXPORTS a new export is refused (503 + Retry-After)
 * rather than letting memory grow with the number of callers.
 */
import type { Response } from 'express';
import { ApiError } from '../domain/errors';

const RETRY_AFTER_SECONDS = 5;

export class ExportSlots {
  private inUse = 0;

  constructor(private readonly max: number) {}

  /** Takes a slot for `res` until it closes (finished, failed or abandoned), or throws 503. */
  hold(res: Response): void {
    if (this.inUse >= this.max) {
      throw new ApiError(
        503,
        'exports_busy',
        `${this.max} Excel exports are being built, the most this backend builds at once (MAX_CONCURRENT_EXPORTS); try again in ${RETRY_AFTER_SECONDS} s`,
        undefined,
        RETRY_AFTER_SECONDS
      );
    }
    this.inUse++;
    res.once('close', () => {
      this.inUse--;
    });
  }
}
