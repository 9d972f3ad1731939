/** Before the backend is stopped: give its outbox the chance to reach InfluxDB. */

/** Outbox entries still waiting, from /readyz; undefined when the backend does not answer. */
async function outboxSize(backendUrl: string): Promise<number | undefined> {
  try {
    const answer = await fetch(`${backendUrl}/readyz`);
    const size = ((await answer.json()) as { outbox?: { size?: unknown } }).outbox?.size;
    return typeof size === 'number' ? size : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Waits until the backend's outbox is empty, or at most `waitMs`; returns what is left (the
 * backend keeps it in DATA_DIR and sends it after its next start).
 */
export async function drainOutbox(backendUrl: string, waitMs: number): Promise<number | undefined> {
  const deadline = Date.now() + waitMs;
  let size = await outboxSize(backendUrl);
  while (size !== undefined && size > 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    size = await outboxSize(backendUrl);
  }
  return size;
}
