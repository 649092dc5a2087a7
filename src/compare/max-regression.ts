/** The `--max-regression` tolerance: written as a percentage, used as a fraction. */
import { KloadError } from '../errors.js';

const PERCENT = /^\s*(\d+(?:\.\d+)?|\.\d+)\s*%\s*$/;

/** "5%" -> 0.05. A bare number is refused: "0.05" could mean 5% or 0.05%. */
export function parseMaxRegression(text: string): number {
  const match = PERCENT.exec(text);
  if (match === null) {
    throw new KloadError('INVALID_ARGUMENT', `--max-regression must be a percentage such as 5% (got "${text}")`);
  }
  return Number(match[1]) / 100;
}
