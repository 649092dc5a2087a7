/**
 * The stamp every kload message carries in its `kload` header, so consumers can measure
 * end-to-end latency and attribute messages to runs and phases. It is text because
 * @platformatic/rdkafka converts header values to UTF-8 strings (binary bytes would be mangled).
 * Format: v1|runId|phaseIndex|producerId|seq|intendedMonoUs|intendedWallUs|clockDomain
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
  clockDomain: string;
}

export function encodeStamp(s: Stamp): string {
  return `1|${s.runId}|${s.phaseIndex}|${s.producerId}|${s.seq}|${Math.round(s.intendedMonoUs)}|${Math.round(s.intendedWallUs)}|${s.clockDomain}`;
}

/** Null for anything that is not a v1 stamp (messages from other tools share topics too). */
export function decodeStamp(text: string): Stamp | null {
  const f = text.split('|');
  if (f.length !== 8 || f[0] !== '1') return null;
  if (!f.slice(1, 7).every((x) => /^-?\d+$/.test(x))) return null;
  const n = f.slice(1, 7).map(Number);
  return { runId: n[0]!, phaseIndex: n[1]!, producerId: n[2]!, seq: n[3]!, intendedMonoUs: n[4]!, intendedWallUs: n[5]!, clockDomain: f[7]! };
}
