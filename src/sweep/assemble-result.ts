/**
 * Pure: the sweep result from what the runner collected. The models are fitted here, on the
 * points that recorded a measured phase; a sweep that stopped early keeps and models what it has.
 */
import { redactScenario } from '../result/redact-scenario.js';
import type { Scenario } from '../scenario/types.js';
import { buildSweepModels } from './sweep-models.js';
import {
  SWEEP_RESULT_SCHEMA_VERSION,
  type SweepCluster,
  type SweepPointResult,
  type SweepResult,
} from './sweep-result-types.js';

export interface SweepEnding {
  status: SweepResult['status'];
  reason: string | null;
}

export interface SweepAssembly {
  kloadVersion: string;
  scenario: Scenario;
  startedAt: Date;
  finishedAt: Date;
  pointLoad: string;
  cluster: SweepCluster;
  plannedPoints: number;
  points: SweepPointResult[];
  ending: SweepEnding;
}

export function assembleSweepResult(a: SweepAssembly): SweepResult {
  const modelPoints = a.points.flatMap((p) => (p.measurement === null ? [] : [{ ...p, measurement: p.measurement }]));
  const between = [
    a.cluster.logDirs === null ? '' : 'stored bytes read',
    a.cluster.kind === 'external' ? '' : 'page cache written back (sync)',
    'topic deleted',
    a.cluster.perPointBrokerCounts === undefined ? '' : 'cluster stopped and its data removed',
  ];
  return {
    schemaVersion: SWEEP_RESULT_SCHEMA_VERSION,
    kind: 'kload-sweep',
    kload: { version: a.kloadVersion },
    status: a.ending.status,
    statusReason: a.ending.reason,
    startedAt: a.startedAt.toISOString(),
    finishedAt: a.finishedAt.toISOString(),
    scenario: redactScenario(a.scenario),
    pointLoad: a.pointLoad,
    betweenPoints: between.filter((step) => step !== '').join(', '),
    // Copied field by field: the runner's cluster object also carries its release function.
    cluster: {
      kind: a.cluster.kind,
      brokers: a.cluster.brokers,
      brokerCount: a.cluster.brokerCount,
      kafkaVersion: a.cluster.kafkaVersion,
      logDirs: a.cluster.logDirs,
      logDirsUnavailableReason: a.cluster.logDirsUnavailableReason,
      ...(a.cluster.perPointBrokerCounts === undefined ? {} : { perPointBrokerCounts: a.cluster.perPointBrokerCounts }),
    },
    plannedPoints: a.plannedPoints,
    points: a.points,
    models: buildSweepModels(modelPoints, a.cluster.logDirsUnavailableReason),
  };
}
