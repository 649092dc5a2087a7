import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RunResult } from '../../src/result/result-types.js';
import { tempDir } from './paths.js';

/** Writes a scenario into a fresh temp dir and returns its path. */
export function writeScenario(yaml: string, fileName = 'scenario.yaml'): string {
  const path = join(tempDir('scenario'), fileName);
  writeFileSync(path, yaml);
  return path;
}

/** The single result JSON a run wrote into `outDir`. */
export function readOnlyResult(outDir: string, output = ''): RunResult {
  const files = readdirSync(outDir).filter((f) => f.endsWith('.json'));
  if (files.length !== 1) {
    throw new Error(`expected one result in ${outDir}, found ${files.join(', ') || 'none'}\n${output}`);
  }
  return JSON.parse(readFileSync(join(outDir, files[0]!), 'utf8')) as RunResult;
}
