import { KloadError } from '../errors.js';

/**
 * Polls a condition until it holds. `failure` is checked too, so a worker that died turns into
 * its own error at once instead of a timeout later.
 */
export async function waitUntil(
  what: string,
  done: () => boolean,
  timeoutMs: number,
  failure: () => Error | null = () => null,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const failed = failure();
    if (failed) throw failed;
    if (done()) return;
    if (Date.now() > deadline)
      throw new KloadError('TIMED_OUT', `Timed out after ${Math.round(timeoutMs / 1000)} s waiting for ${what}.`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
