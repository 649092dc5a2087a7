import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The `log.dirs` of every node, from the server.properties kload wrote into each node directory. */
export function logDirsOfNodes(nodeDirs: readonly string[]): string[] {
  return nodeDirs.flatMap((dir) => {
    const properties = readFileSync(join(dir, 'server.properties'), 'utf8');
    const line = properties.split(/\r?\n/).find((l) => l.startsWith('log.dirs='));
    if (line === undefined) throw new Error(`no log.dirs in ${join(dir, 'server.properties')}`);
    return line
      .slice('log.dirs='.length)
      .split(',')
      .map((d) => d.trim())
      .filter((d) => d !== '');
  });
}
