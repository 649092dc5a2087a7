import { createRecordingHistogram, encodeHistogram, type Histogram } from '../metrics/histogram.js';
import type { ProducerPhaseCounters } from './protocol.js';

/** One phase's counters in a producer thread; messages belong to the phase of their intended time. */
export interface ProducerPhaseTotals {
  sent: number;
  acked: number;
  failed: Record<string, number>;
  ackedBytes: number;
  queueFullWaits: number;
  publish: Histogram;
  service: Histogram;
  scheduleDelay: Histogram;
}

export function newPhaseTotals(): ProducerPhaseTotals {
  return {
    sent: 0,
    acked: 0,
    failed: {},
    ackedBytes: 0,
    queueFullWaits: 0,
    publish: createRecordingHistogram(),
    service: createRecordingHistogram(),
    scheduleDelay: createRecordingHistogram(),
  };
}

export function toCounters(t: ProducerPhaseTotals): ProducerPhaseCounters {
  return {
    sent: t.sent,
    acked: t.acked,
    failed: t.failed,
    ackedBytes: t.ackedBytes,
    queueFullWaits: t.queueFullWaits,
    publishHistogram: encodeHistogram(t.publish),
    serviceHistogram: encodeHistogram(t.service),
    scheduleDelayHistogram: encodeHistogram(t.scheduleDelay),
  };
}
