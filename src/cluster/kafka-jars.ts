import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { KloadError } from '../errors.js';
import { packageRoot } from '../package-root.js';
import { cacheDir, kafkaPomPath } from './paths.js';

export interface KafkaDistribution {
  /** A java -cp value. */
  classpath: string;
  version: string;
  source: 'maven-cache' | 'KAFKA_HOME';
}

/** The Kafka release pinned in kafka/pom.xml: the single place the version is written. */
export function pinnedKafkaVersion(): string {
  const pom = readFileSync(kafkaPomPath(), 'utf8');
  const m = /<kafka\.version>([^<]+)<\/kafka\.version>/.exec(pom);
  if (!m?.[1]) throw new Error(`kafka.version not found in ${kafkaPomPath()}`);
  return m[1];
}

/** The classpath of Kafka's command-line tools (ProducerPerformance and friends), for peer benchmarks. */
export function kafkaToolsPomPath(): string {
  return join(packageRoot(), 'kafka', 'tools-pom.xml');
}

/**
 * Returns the classpath of a Kafka distribution: KAFKA_HOME/libs when set, else the pinned jars,
 * fetched once with Maven into the cache.
 */
export function ensureKafkaJars(
  env: NodeJS.ProcessEnv = process.env,
  log: (line: string) => void = () => {},
): KafkaDistribution {
  if (env.KAFKA_HOME) return fromKafkaHome(env.KAFKA_HOME);
  const version = pinnedKafkaVersion();
  const libs = ensureMavenClasspath({
    pom: kafkaPomPath(),
    cacheName: `kafka-${version}`,
    what: `Kafka ${version} jars`,
    env,
    log,
  });
  return { classpath: `${libs}/*`, version, source: 'maven-cache' };
}

/**
 * Returns the classpath of Kafka's tools (`org.apache.kafka.tools.ProducerPerformance`, ...) at
 * the broker's version: KAFKA_HOME/libs when set (a release ships them), else kafka/tools-pom.xml
 * fetched once with Maven into its own cache directory, beside the broker jars.
 */
export function ensureKafkaToolsJars(
  env: NodeJS.ProcessEnv = process.env,
  log: (line: string) => void = () => {},
): KafkaDistribution {
  if (env.KAFKA_HOME) return fromKafkaHome(env.KAFKA_HOME);
  const version = pinnedKafkaVersion();
  const libs = ensureMavenClasspath({
    pom: kafkaToolsPomPath(),
    cacheName: `kafka-tools-${version}`,
    what: `Kafka ${version} tools jars`,
    // tools-pom.xml leaves the version to us, so it can never drift from the broker's.
    mavenArgs: [`-Dkafka.version=${version}`],
    env,
    log,
  });
  return { classpath: `${libs}/*`, version, source: 'maven-cache' };
}

export interface MavenClasspathRequest {
  /** A pom whose runtime dependencies are the classpath. */
  pom: string;
  /** Directory name under the cache dir; it holds `libs/`. Include the version. */
  cacheName: string;
  /** For messages: "Kafka 4.3.1 jars" (a test matches the failure message). */
  what: string;
  /** Extra Maven arguments, e.g. -Dkafka.version=4.3.1. */
  mavenArgs?: string[];
  env: NodeJS.ProcessEnv;
  log: (line: string) => void;
}

/**
 * Copies a pom's runtime dependencies into `<cache>/<cacheName>/libs` once and returns that dir.
 * The fetch lands in a temp dir renamed into place, so an interrupted fetch never leaves a
 * half-filled cache that later runs would trust.
 */
export function ensureMavenClasspath(r: MavenClasspathRequest): string {
  const libs = join(cacheDir(r.env), r.cacheName, 'libs');
  if (!existsSync(join(libs, '.complete'))) fetchWithMaven(libs, r);
  return libs;
}

function fromKafkaHome(home: string): KafkaDistribution {
  const libs = join(home, 'libs');
  const jars = existsSync(libs) ? readdirSync(libs) : [];
  const server = jars.find((f) => /^kafka_2\.\d+-.+\.jar$/.test(f) && !/(test|sources|javadoc)/.test(f));
  if (!server) {
    throw new KloadError('INVALID_ARGUMENT', `KAFKA_HOME=${home} has no libs/kafka_2.13-<version>.jar.`, {
      hint: 'Point KAFKA_HOME at an unpacked Apache Kafka binary release, or unset it to use the pinned jars.',
    });
  }
  const version = server.replace(/^kafka_2\.\d+-/, '').replace(/\.jar$/, '');
  return { classpath: `${libs}/*`, version, source: 'KAFKA_HOME' };
}

function fetchWithMaven(libs: string, r: MavenClasspathRequest): void {
  const { env, log } = r;
  const mvn = env.KLOAD_MVN ?? 'mvn';
  const staging = `${libs}.partial-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  log(`Fetching ${r.what} with Maven into ${libs} (once) ...`);
  const extra = (env.KLOAD_MAVEN_ARGS ?? '').split(/\s+/).filter(Boolean);
  const args = [
    '-B',
    '-q',
    '-Dstyle.color=never',
    ...extra,
    ...(r.mavenArgs ?? []),
    '-f',
    r.pom,
    'dependency:copy-dependencies',
    '-DincludeScope=runtime',
    `-DoutputDirectory=${staging}`,
  ];
  const run = spawnSync(mvn, args, { env, encoding: 'utf8', timeout: 15 * 60_000, maxBuffer: 64 * 1024 * 1024 });
  if (run.error || run.status !== 0) {
    rmSync(staging, { recursive: true, force: true });
    const output = mavenReason(`${run.stdout ?? ''}${run.stderr ?? ''}`);
    const why = run.error ? String(run.error.message) : `exit code ${run.status}`;
    throw new KloadError(
      'MAVEN_FAILED',
      `Could not fetch the ${r.what} with Maven (${why}).${output ? `\n${output}` : ''}`,
      {
        hint:
          'kload needs Maven (apt-get install maven) and access to Maven Central once; ' +
          'or set KAFKA_HOME to an unpacked Kafka release.',
      },
    );
  }
  writeFileSync(join(staging, '.complete'), `${r.cacheName}\n`);
  rmSync(libs, { recursive: true, force: true });
  mkdirSync(join(libs, '..'), { recursive: true });
  renameSync(staging, libs);
}

/** Maven's first [ERROR] lines say what failed; the rest is boilerplate about -e and -X. */
function mavenReason(output: string): string {
  const lines = output.replace(/\x1b\[[0-9;]*m/g, '').split('\n');
  const errors = lines.filter(
    (l) => l.startsWith('[ERROR]') && !/re-run Maven|For more information|^\[ERROR\] \[Help|^\[ERROR\]\s*$/i.test(l),
  );
  return (errors.length > 0 ? errors : lines).slice(0, 5).join('\n').trim();
}
