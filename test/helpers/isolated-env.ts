import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { ensureKafkaJars } from '../../src/cluster/kafka-jars.js';
import { tempDir } from './paths.js';

/**
 * An environment for a CLI under test with its own empty cache dir, so a detached cluster someone
 * left running is neither used nor warned about; KAFKA_HOME points at the jars already fetched,
 * so nothing is fetched again.
 */
export function isolatedEnv(): NodeJS.ProcessEnv {
  const home = tempDir('kafka-home');
  symlinkSync(ensureKafkaJars().classpath.replace(/\/\*$/, ''), join(home, 'libs'));
  const cache = tempDir('kload-cache');
  mkdirSync(cache, { recursive: true });
  return { ...process.env, KAFKA_HOME: home, KLOAD_CACHE_DIR: cache };
}
