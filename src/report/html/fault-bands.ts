/**
 * Where each fault lies on a phase's time charts: x is seconds since the phase started, and a
 * fault is recorded in seconds since the schedule started, so it is shifted by the phase's start
 * and clipped to the phase. A fault that outlasts its phase shows on the next phase's charts too;
 * one that never ended runs to the right edge.
 */
import type { FaultRecord } from '../../faults/fault-types.js';
import type { PhaseResult } from '../../result/result-types.js';
import type { ChartBand } from './chart-specs.js';

/** Per phase, the bands of the faults that overlap it. */
export function faultBandsByPhase(phases: PhaseResult[], faults: FaultRecord[]): ChartBand[][] {
  let startSec = 0;
  return phases.map((phase) => {
    const from = startSec;
    startSec += phase.durationSec;
    return faults.flatMap((f) => bandIn(f, from, phase.durationSec));
  });
}

function bandIn(f: FaultRecord, phaseStartSec: number, durationSec: number): ChartBand[] {
  if (f.startedAtSec === null) return [];
  const fromX = f.startedAtSec - phaseStartSec;
  const toX = f.endedAtSec === null ? durationSec : f.endedAtSec - phaseStartSec;
  if (toX < 0 || fromX > durationSec) return [];
  return [
    {
      fromX: Math.max(0, fromX),
      toX: Math.min(durationSec, Math.max(toX, fromX)),
      // Short: bands of faults close together sit side by side; the faults table has the rest.
      label: `fault ${f.index + 1}: ${f.action}${f.nodeId === null ? '' : ` node ${f.nodeId}`}`,
    },
  ];
}
