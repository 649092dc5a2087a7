import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packageRoot } from '../../src/package-root.js';

export function repoRoot(): string {
  return packageRoot();
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `kload-test-${prefix}-`));
}
