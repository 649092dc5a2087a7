/** Shared by the model tests: seeded noise (never Math.random, so failures replay) and error checks. */
import assert from 'node:assert/strict';
import { KloadError } from '../../../src/errors.js';
import { mulberry32 } from '../../helpers/random.js';

/** Standard normal draws by Box–Muller from a seeded uniform source. */
export function gaussian(seed: number): () => number {
  const uniform = mulberry32(seed);
  return () => {
    const u = 1 - uniform(); // (0, 1], so the log is finite
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * uniform());
  };
}

/** Multiplicative noise exp(sd·z): a relative error of about sd, the way measurements vary. */
export function logNormalNoise(seed: number, sd: number): () => number {
  const z = gaussian(seed);
  return () => Math.exp(sd * z());
}

/** Fails unless `run` throws KloadError INVALID_ARGUMENT whose message matches `message`. */
export function assertInvalid(run: () => unknown, message: RegExp): void {
  assert.throws(run, (error: unknown) => {
    assert.ok(error instanceof KloadError, `expected a KloadError, got ${String(error)}`);
    assert.equal(error.code, 'INVALID_ARGUMENT');
    assert.match(error.message, message);
    return true;
  });
}

/** |actual − expected| ≤ tolerance, with both numbers in the failure message. */
export function assertClose(actual: number, expected: number, tolerance: number, what = 'value'): void {
  assert.ok(Math.abs(actual - expected) <= tolerance, `${what} ${actual} is not within ${tolerance} of ${expected}`);
}
