/** When a segment's schedule starts: one wall-clock time for every host of a run. */
import { KloadError } from '../errors.js';
import { nowUs, wallUs } from '../workers/clock.js';

/** ISO 8601 (with a zone) or milliseconds since the epoch, as wall-clock µs. */
export function parseStartAt(text: string | undefined): number {
  const ms = text === undefined ? Number.NaN : /^\d+$/.test(text) ? Number(text) : Date.parse(text);
  if (!Number.isFinite(ms) || (text !== undefined && !/^\d+$/.test(text) && !/(Z|[+-]\d\d:?\d\d)$/i.test(text))) {
    throw new KloadError(
      'INVALID_ARGUMENT',
      `--start-at ${JSON.stringify(text ?? '')}: expected an ISO 8601 time with its zone`,
      {
        hint: 'Every segment starts its schedule then, e.g. --start-at "$(date -u -d "+30 sec" +%FT%TZ)".',
      },
    );
  }
  return ms * 1000;
}

/**
 * The start as this host's monotonic clock will see it. A start already past begins now, with a
 * warning: the segment's series is shifted by the merge, but its messages were late.
 */
export function startOnMonotonic(startWallUs: number, offsetUs: number, reporter: { warn(l: string): void }): number {
  const waitUs = startWallUs - (wallUs() + offsetUs);
  if (waitUs < 0) reporter.warn(`--start-at passed ${(-waitUs / 1e6).toFixed(1)} s ago; starting now.`);
  return nowUs() + Math.max(waitUs, 200_000);
}
