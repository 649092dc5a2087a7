/**
 * The stamp every kload message carries, so consumers can measure end-to-end latency and
 * attribute messages to runs and phases. Two carriers, one content:
 *
 * - binary, over the last STAMP_TRAILER_BYTES of a random payload (stamp-trailer.ts): the cheap
 *   one, because @platformatic/rdkafka converts every header to UTF-8 strings and C++ vectors on
 *   each produce() — a per-message header cost ~2 µs, more than the rest of kload's send path;
 * - text, in a `kload` header, for values that must go out as the user wrote them (template and
 *   file payloads) or are too short to hold the trailer.
 *   Format: 2|runId|phaseIndex|producerId|seq|intendedMonoUs|intendedWallUs|clockDomainId
 */
export const STAMP_HEADER = 'kload';

export interface Stamp {
  runId: number;
  phaseIndex: number;
  producerId: number;
  seq: number;
  /** Intended send time on the producer's monotonic clock (µs). */
  intendedMonoUs: number;
  /** Intended send time on the wall clock (µs since epoch). */
  intendedWallUs: number;
  /** Which monotonic clock intendedMonoUs was read from (see CLOCK_DOMAIN_ID). */
  clockDomainId: number;
}

export function encodeStamp(s: Stamp): string {
  return (
    `2|${s.runId}|${s.phaseIndex}|${s.producerId}|${s.seq}|` +
    `${Math.round(s.intendedMonoUs)}|${Math.round(s.intendedWallUs)}|${s.clockDomainId}`
  );
}

/** Null for anything that is not a v2 text stamp (messages from other tools share topics too). */
export function decodeStamp(text: string): Stamp | null {
  const f = text.split('|');
  if (f.length !== 8 || f[0] !== '2') return null;
  if (!f.slice(1).every((x) => /^-?\d+$/.test(x))) return null;
  const n = f.slice(1).map(Number);
  return {
    runId: n[0]!,
    phaseIndex: n[1]!,
    producerId: n[2]!,
    seq: n[3]!,
    intendedMonoUs: n[4]!,
    intendedWallUs: n[5]!,
    clockDomainId: n[6]!,
  };
}
