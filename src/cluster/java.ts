import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { KloadError } from '../errors.js';

const MIN_JAVA_MAJOR = 17;

/** Finds a Java 17+ executable: $JAVA_HOME/bin/java first, then `java` on PATH. */
export function findJava(env: NodeJS.ProcessEnv = process.env): string {
  const candidate = env.JAVA_HOME ? join(env.JAVA_HOME, 'bin', 'java') : 'java';
  const probe = spawnSync(candidate, ['-version'], { env, encoding: 'utf8', timeout: 20_000 });
  if (probe.error || probe.status !== 0) {
    throw new KloadError('JAVA_NOT_FOUND', `Java was not found (tried ${candidate}).`, {
      hint:
        `The embedded Kafka cluster needs Java ${MIN_JAVA_MAJOR}+. ` +
        'Install it (Debian: apt-get install openjdk-17-jre-headless) or set JAVA_HOME; ' +
        'or give --brokers to use an existing cluster.',
    });
  }
  const major = parseJavaMajor(probe.stderr + probe.stdout);
  if (major !== null && major < MIN_JAVA_MAJOR) {
    throw new KloadError(
      'JAVA_NOT_FOUND',
      `Java ${major} found at ${candidate}; Kafka 4 needs Java ${MIN_JAVA_MAJOR}+.`,
      {
        hint: 'Install a newer JDK and point JAVA_HOME at it.',
      },
    );
  }
  return candidate;
}

/** `java -version` prints `openjdk version "17.0.15"` or, for Java 8, `"1.8.0_392"`. */
export function parseJavaMajor(versionOutput: string): number | null {
  const m = /version "(\d+)(?:\.(\d+))?/.exec(versionOutput);
  if (!m) return null;
  const first = Number(m[1]);
  return first === 1 && m[2] ? Number(m[2]) : first;
}
