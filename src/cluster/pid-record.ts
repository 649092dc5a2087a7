/**
 * For CI: when KLOAD_PID_DIR is set, every Kafka JVM this process starts leaves a file there, named
 * by its pid and holding its server.properties path, so the job (`.ci/run`) can kill exactly the
 * JVMs it started that a crashed test left behind — never another job's cluster on the same host.
 * The path lets the job check, before killing, that a reused pid is still that JVM.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const PID_DIR_ENV = 'KLOAD_PID_DIR';

export function recordPid(pid: number | undefined, propertiesFile: string, env = process.env): void {
  const dir = env[PID_DIR_ENV];
  if (!dir || pid === undefined) return;
  try {
    writeFileSync(join(dir, String(pid)), `${propertiesFile}\n`);
  } catch {
    // A missing pid dir only costs the job its cleanup; the cluster itself must still start.
  }
}
