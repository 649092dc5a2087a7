/**
 * Workers' results to and from their saved form in a segment (bitmaps as base64), and the check
 * of a segment file read back: a merge must refuse a file that is not a segment with a clear
 * message rather than fold garbage into a result.
 */
import { KloadError } from '../errors.js';
import { SEGMENT_KIND, SEGMENT_SCHEMA_VERSION, type SegmentResult } from '../result/segment-types.js';
import type { SegmentConsumerWorker, SegmentProducerWorker } from '../result/segment-types.js';
import { shapeProblems } from '../result/result-shape.js';
import { segmentShape } from './segment-shape.js';
import type { ConsumerWorkerResult, ProducerWorkerResult } from '../workers/protocol.js';

export function encodeProducers(workers: ProducerWorkerResult[]): SegmentProducerWorker[] {
  return workers.map((w) => ({
    workerId: w.workerId,
    phases: w.phases,
    stoppedEarly: w.stoppedEarly,
    producers: w.producers.map((l) => ({
      producerId: l.producerId,
      phaseStartSeq: l.phaseStartSeq,
      ackedBase64: toBase64(l.acked),
      ...(l.intervalStartSeq ? { intervalStartSeq: l.intervalStartSeq } : {}),
    })),
    ...(w.ackGaps ? { ackGaps: w.ackGaps } : {}),
  }));
}

export function encodeConsumers(workers: ConsumerWorkerResult[]): SegmentConsumerWorker[] {
  return workers.map((w) => ({
    workerId: w.workerId,
    phases: w.phases,
    foreign: w.foreign,
    groups: w.groups.map((g) => ({
      group: g.group,
      consumed: g.consumed.map((c) => ({ producerId: c.producerId, seqsBase64: toBase64(c.seqs) })),
    })),
    ...(w.duplicatedByInterval ? { duplicatedByInterval: w.duplicatedByInterval } : {}),
  }));
}

/** Back to worker results, with worker ids moved up by `idOffset` so they stay unique across segments. */
export function decodeProducers(workers: SegmentProducerWorker[], idOffset: number): ProducerWorkerResult[] {
  return workers.map((w) => ({
    role: 'producer',
    workerId: idOffset + w.workerId,
    phases: w.phases,
    stoppedEarly: w.stoppedEarly,
    producers: w.producers.map((l) => ({
      producerId: l.producerId,
      phaseStartSeq: l.phaseStartSeq,
      acked: fromBase64(l.ackedBase64),
      ...(l.intervalStartSeq ? { intervalStartSeq: l.intervalStartSeq } : {}),
    })),
    ...(w.ackGaps ? { ackGaps: w.ackGaps } : {}),
  }));
}

export function decodeConsumers(workers: SegmentConsumerWorker[], idOffset: number): ConsumerWorkerResult[] {
  return workers.map((w) => ({
    role: 'consumer',
    workerId: idOffset + w.workerId,
    phases: w.phases,
    foreign: w.foreign,
    groups: w.groups.map((g) => ({
      group: g.group,
      consumed: g.consumed.map((c) => ({ producerId: c.producerId, seqs: fromBase64(c.seqsBase64) })),
    })),
    ...(w.duplicatedByInterval ? { duplicatedByInterval: w.duplicatedByInterval } : {}),
  }));
}

const HINT = 'Pass the files written by `kload run --segment i/N` (or by agents), one per segment.';

/** Checks the fields a merge relies on; `where` names the file in the message. */
export function checkSegment(data: unknown, where: string): SegmentResult {
  const problems: string[] = [];
  const s = (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>;
  if (s.kind !== SEGMENT_KIND) {
    throw new KloadError('INVALID_SEGMENT', `${where} is not a kload segment (kind is not "${SEGMENT_KIND}")`, {
      hint: HINT,
    });
  }
  if (s.schemaVersion !== SEGMENT_SCHEMA_VERSION) {
    problems.push(`schemaVersion: ${String(s.schemaVersion)}, this kload reads ${SEGMENT_SCHEMA_VERSION}`);
  }
  if (!Number.isInteger(s.runId)) problems.push('runId: must be an integer');
  const seg = s.segment as { index?: unknown; count?: unknown } | undefined;
  if (!Number.isInteger(seg?.index) || !Number.isInteger(seg?.count)) problems.push('segment: must be {index, count}');
  const scenario = s.scenario as { name?: unknown; phases?: unknown } | undefined;
  if (typeof scenario?.name !== 'string' || !Array.isArray(scenario.phases)) problems.push('scenario: missing');
  for (const key of ['producers', 'consumers', 'intervals', 'lag'] as const) {
    if (!Array.isArray(s[key])) problems.push(`${key}: must be an array`);
  }
  if (typeof s.scheduleStartWallUs !== 'number') problems.push('scheduleStartWallUs: must be a number');
  const phaseCount = Array.isArray(scenario?.phases) ? scenario.phases.length : 0;
  const workers = [...asArray(s.producers), ...asArray(s.consumers)] as { phases?: unknown }[];
  workers.forEach((w, i) => {
    if (!Array.isArray(w?.phases) || w.phases.length !== phaseCount) {
      problems.push(`worker ${i}: must have one entry per scenario phase (${phaseCount})`);
    }
  });
  // The fields below the top level only once those a merge cannot do without are there.
  if (problems.length === 0) problems.push(...shapeProblems(segmentShape, data).slice(0, 5));
  if (problems.length > 0) {
    throw new KloadError(
      'INVALID_SEGMENT',
      `${where} is not a segment this kload can merge:\n  ${problems.join('\n  ')}`,
      {
        hint: HINT,
      },
    );
  }
  return data as SegmentResult;
}

function asArray(x: unknown): unknown[] {
  return Array.isArray(x) ? x : [];
}

function toBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

function fromBase64(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, 'base64'));
}
