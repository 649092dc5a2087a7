import { homedir } from 'node:os';
import { join } from 'node:path';
import { packageRoot } from '../package-root.js';

/** Where fetched jars and the detached cluster's state live: $XDG_CACHE_HOME/kload or ~/.cache/kload. */
export function cacheDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.KLOAD_CACHE_DIR) return env.KLOAD_CACHE_DIR;
  const base = env.XDG_CACHE_HOME && env.XDG_CACHE_HOME.length > 0 ? env.XDG_CACHE_HOME : join(homedir(), '.cache');
  return join(base, 'kload');
}

export function kafkaPomPath(): string {
  return join(packageRoot(), 'kafka', 'pom.xml');
}
