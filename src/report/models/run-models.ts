/**
 * Pure: the models a single run's result supports on its own. Only what the saved numbers
 * answer: Little's law per phase, and the latency knee of each ramp. Fits that need several
 * runs (seed formulas, USL) belong to sweeps.
 */
import type { RunResult } from '../../result/result-types.js';
import { phaseLittlesLaws } from './phase-littles-law.js';
import { rampKnee } from './ramp-knee.js';
import type { RunModels } from './types.js';

export function buildRunModels(result: RunResult): RunModels {
  const littlesLaws = phaseLittlesLaws(result.phases);
  return {
    phases: result.phases.map((phase, i) => ({
      phase: phase.name,
      type: phase.type,
      recorded: phase.recorded,
      littlesLaw: littlesLaws[i] ?? { checked: false, reason: 'no interval series' },
      knee: phase.type === 'ramp' ? rampKnee(phase) : null,
    })),
  };
}
