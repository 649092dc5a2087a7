/**
 * False-alarm and detection rates of `kload compare` over saved runs: A runs grouped R at a time
 * into results with repeats (as `kload run --repeats R` writes them), compared A against A (no
 * change: any regression is a false alarm) and B against A (the real change: it must be flagged).
 */
import { compareResults, type CompareOptions } from '../../src/compare/compare-results.js';
import { calibrateNoiseFloor } from '../../src/compare/calibrate-noise-floor.js';
import { phaseMetrics } from '../../src/compare/phase-metrics.js';
import { verdictOf } from '../../src/compare/verdict.js';
import { aggregateRepeats } from '../../src/result/aggregate-repeats.js';
import type { RunResult } from '../../src/result/result-types.js';
import type { Scenario } from '../../src/scenario/types.js';

export interface RateLine {
  label: string;
  aaPairs: number;
  falseAlarms: number;
  abPairs: number;
  detected: number;
  /** Every pair of A groups, not only disjoint ones: more pairs, but they share runs (not independent). */
  aaAllPairs: number;
  aaAllFalseAlarms: number;
  /** Metrics that raised false alarms, with how often. */
  culprits: Map<string, number>;
}

const TOLERANCE: CompareOptions = { maxRegression: 0.05 };

export function chunks<T>(items: readonly T[], size: number): T[][] {
  const groups: T[][] = [];
  for (let i = 0; i + size <= items.length; i += size) groups.push(items.slice(i, i + size));
  return groups;
}

function asResult(group: RunResult[], scenario: Scenario): RunResult {
  return group.length === 1 ? (group[0] as RunResult) : aggregateRepeats(group, scenario);
}

/** Disjoint A/A pairs (group 1 vs 2, 3 vs 4, ...) and B group j against A group j. */
export function ratesWithRepeats(a: RunResult[], b: RunResult[], repeats: number, scenario: Scenario): RateLine {
  const aGroups = chunks(a, repeats).map((g) => asResult(g, scenario));
  const bGroups = chunks(b, repeats).map((g) => asResult(g, scenario));
  return rates(`${repeats} repeats a side`, aGroups, bGroups, TOLERANCE);
}

/** Single runs judged against a floor calibrated from the first `calibration` A runs (held out). */
export function ratesWithFloor(a: RunResult[], b: RunResult[], calibration: number): RateLine | null {
  if (a.length < calibration + 2) return null;
  const floor = calibrateNoiseFloor(a.slice(0, calibration));
  const options = { ...TOLERANCE, noiseFloor: { floor, source: `${calibration} A/A runs` } };
  return rates(`1 run, floor of ${calibration} A/A runs`, a.slice(calibration), b, options);
}

function rates(label: string, a: RunResult[], b: RunResult[], options: CompareOptions): RateLine {
  const line = emptyLine(label);
  a.forEach((x, i) =>
    a.slice(i + 1).forEach((y) => {
      line.aaAllPairs++;
      if (compareResults(x, y, options).regressions > 0) line.aaAllFalseAlarms++;
    }),
  );
  for (const [x, y] of chunks(a, 2)) {
    const comparison = compareResults(x as RunResult, y as RunResult, options);
    line.aaPairs++;
    if (comparison.regressions === 0) continue;
    line.falseAlarms++;
    for (const row of comparison.rows.filter((r) => r.verdict === 'regressed')) {
      const name = `${row.phase} ${row.metric}`;
      line.culprits.set(name, (line.culprits.get(name) ?? 0) + 1);
    }
  }
  b.forEach((head, j) => {
    const base = a[j];
    if (base === undefined) return;
    line.abPairs++;
    if (compareResults(base, head, options).regressions > 0) line.detected++;
  });
  return line;
}

/**
 * The rule before repeats, for contrast: single runs, a change beyond the tolerance and outside
 * both runs' within-run (histogram) intervals regresses.
 */
export function ratesOfWithinRunRule(a: RunResult[], b: RunResult[]): RateLine {
  const regresses = (base: RunResult, head: RunResult): string[] =>
    base.phases.flatMap((phase, i) => {
      const other = head.phases[i];
      if (!phase.recorded || other === undefined) return [];
      const headMetrics = phaseMetrics(other);
      return phaseMetrics(phase).flatMap((m, k) => {
        const h = headMetrics[k];
        const input = {
          direction: m.direction,
          base: m.estimate,
          head: h?.estimate ?? null,
          zeroTolerance: m.zeroTolerance,
        };
        return verdictOf(input, TOLERANCE.maxRegression) === 'regressed' ? [`${phase.name} ${m.metric}`] : [];
      });
    });
  const line = emptyLine('1 run, within-run rule (before)');
  for (const [x, y] of chunks(a, 2)) {
    const found = regresses(x as RunResult, y as RunResult);
    line.aaPairs++;
    if (found.length > 0) line.falseAlarms++;
    for (const name of found) line.culprits.set(name, (line.culprits.get(name) ?? 0) + 1);
  }
  b.forEach((head, j) => {
    if (a[j] === undefined) return;
    line.abPairs++;
    if (regresses(a[j], head).length > 0) line.detected++;
  });
  return line;
}

function emptyLine(label: string): RateLine {
  return {
    label,
    aaPairs: 0,
    falseAlarms: 0,
    abPairs: 0,
    detected: 0,
    aaAllPairs: 0,
    aaAllFalseAlarms: 0,
    culprits: new Map(),
  };
}
