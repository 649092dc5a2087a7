/** Reads and writes noise floor files (`kload compare --calibrate` / `--noise-floor`). */
import { z } from 'zod';
import { KloadError } from '../errors.js';
import { readResultJson, refuseDamaged } from '../result/read-result.js';
import { shapeProblems } from '../result/result-shape.js';
import { writeFileAtomic } from '../write-file-atomic.js';
import { NOISE_FLOOR_KIND, NOISE_FLOOR_SCHEMA_VERSION, type NoiseFloor } from './noise-floor-types.js';

const fraction = z.number().nonnegative().nullable();

const noiseFloorShape = z.looseObject({
  kind: z.literal(NOISE_FLOOR_KIND),
  schemaVersion: z.literal(NOISE_FLOOR_SCHEMA_VERSION),
  scenario: z.string(),
  createdAt: z.string(),
  runs: z.number(),
  pairs: z.number(),
  margin: z.number(),
  method: z.string(),
  floors: z.array(z.looseObject({ phase: z.string(), metric: z.string(), largestChange: fraction, floor: fraction })),
});

export function readNoiseFloorFile(path: string): NoiseFloor {
  const data = readResultJson(path);
  if ((data as { kind?: unknown } | null)?.kind !== NOISE_FLOOR_KIND) {
    throw new KloadError('INVALID_ARGUMENT', `${path} is not a kload noise floor (no "kind": "${NOISE_FLOOR_KIND}")`, {
      hint: 'Write one from A/A runs: kload compare --calibrate a.json b.json ... --noise-floor floor.json',
    });
  }
  refuseDamaged(shapeProblems(noiseFloorShape, data), path);
  return data as NoiseFloor;
}

export async function writeNoiseFloorFile(path: string, floor: NoiseFloor): Promise<void> {
  await writeFileAtomic(path, `${JSON.stringify(floor, null, 2)}\n`);
}
