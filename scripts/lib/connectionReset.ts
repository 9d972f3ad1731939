/**
 * A request that fails because its kept-alive connection was closed under it. Node's fetch
 * (undici) reuses an idle socket; if the server closed that socket at the same moment (its
 * keep-alive timeout ran out, or the client was too busy to notice the close in time), the
 * request fails as ECONNRESET, EPIPE or "other side closed" before any answer. A new
 * connection succeeds; re-sending is safe only for idempotent requests (a POST of events is:
 * event ids make a repeat change nothing).
 */
const RESET_CODES = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET']);

/** fetch's "fetch failed" with such a cause (by shape: under jest, fetch's errors come from another realm). */
export function isConnectionReset(error: unknown): boolean {
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause;
  return typeof cause?.code === 'string' && RESET_CODES.has(cause.code);
}

/** Attempts in all: a retry may pick another stale idle socket of the pool before a new one. */
export const RESET_ATTEMPTS = 3;

/** Runs `send` again (on a new connection: undici drops the broken one) while it fails with a reset. */
export async function retryOnConnectionReset<T>(send: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await send();
    } catch (error) {
      if (attempt >= RESET_ATTEMPTS || !isConnectionReset(error)) {
        throw error;
      }
    }
  }
}
