/** The parts every hand-built segment file shares: one run (42) of two segments on one test host. */
import { SEGMENT_KIND, SEGMENT_SCHEMA_VERSION, type SegmentResult } from '../../src/result/segment-types.js';
import type { Environment } from '../../src/result/result-types.js';

type SegmentHeader = Pick<
  SegmentResult,
  | 'kind'
  | 'schemaVersion'
  | 'kload'
  | 'runId'
  | 'segment'
  | 'status'
  | 'statusReason'
  | 'startedAt'
  | 'finishedAt'
  | 'scheduleStartWallUs'
  | 'stoppedAfterSec'
  | 'intervalMs'
>;

/** Segment `index` of 2, complete, its schedule starting one second into a 12 s run. */
export function segmentHeader(index: number): SegmentHeader {
  return {
    kind: SEGMENT_KIND,
    schemaVersion: SEGMENT_SCHEMA_VERSION,
    kload: { version: '0.0.0-test' },
    runId: 42,
    segment: { index, count: 2 },
    status: 'complete',
    statusReason: null,
    startedAt: '2026-12-02T10:00:00.000Z',
    finishedAt: '2026-12-02T10:00:12.000Z',
    scheduleStartWallUs: Date.parse('2026-12-02T10:00:01Z') * 1000,
    stoppedAfterSec: null,
    intervalMs: 1000,
  };
}

export function testEnvironment(consumerThreads: number): Environment {
  return {
    node: 'v20',
    librdkafka: '2.12.0',
    kafka: null,
    os: 'Linux',
    cpuModel: 'test',
    cpuCount: 2,
    totalMemoryBytes: 1,
    brokers: 'b:9092',
    cluster: 'external',
    producerProperties: {},
    consumerProperties: {},
    producerThreads: 1,
    consumerThreads,
  };
}
