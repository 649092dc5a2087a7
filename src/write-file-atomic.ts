/**
 * Writes a file so that readers see either the old content or the new, never a torn result:
 * an interrupted run (Ctrl-C, OOM kill, power loss) must not leave a half-written JSON behind.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export async function writeFileAtomic(path: string, data: string): Promise<void> {
  const dir = dirname(path);
  await mkdir(dir, { recursive: true });
  // Same directory as the target: rename() is only atomic within one file system.
  const tempPath = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const file = await open(tempPath, 'wx');
    try {
      await file.writeFile(data, 'utf8');
      // Without fsync a crash after rename can leave the new name pointing at empty blocks.
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(tempPath, path);
  } catch (error) {
    // The original error is the one worth reporting, not a failed cleanup.
    await rm(tempPath, { force: true }).catch(() => undefined);
    throw error;
  }
  await syncDirectory(dir);
}

/**
 * Makes the rename itself durable. Best effort: some platforms (Windows) cannot open a directory
 * for fsync, and the file is already complete and in place by now.
 */
async function syncDirectory(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Durability of the directory entry is a bonus, not a requirement.
  }
}
