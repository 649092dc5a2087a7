import { existsSync, readFileSync, statSync } from 'node:fs';
import { KloadError } from '../errors.js';

/**
 * Defaults kload sets for a benchmark: fail a delivery after 30 s instead of librdkafka's 5 min
 * (a dead cluster must end the run, not hang it), and keep librdkafka's log off stderr (workers
 * never print; errors reach the coordinator as events).
 */
export const PRODUCER_DEFAULTS: Record<string, string> = {
  'message.timeout.ms': '30000',
  log_level: '3',
};

export const CONSUMER_DEFAULTS: Record<string, string> = {
  log_level: '3',
  // librdkafka's default prefetch (100,000 per partition) starved one native consumer thread:
  // 589k msg/s of 100 B messages, idle on the eventfd between fetches; with 1,000,000 it read
  // 1.89 M msg/s (2 M messages, 6 partitions, this machine). rdkafka_performance sets the same.
  // Memory stays bounded by queued.max.messages.kbytes; a scenario may set its own value.
  'queued.min.messages': '1000000',
};

/** Reads a Java-style .properties file (key=value, key: value or key value; # and ! comments). */
export function readPropertiesFile(path: string): Record<string, string> {
  if (!existsSync(path) || !statSync(path).isFile()) {
    throw new KloadError('FILE_NOT_FOUND', `Client config file ${path} does not exist.`, {
      hint: 'Give --client-config a .properties file with one key=value per line.',
    });
  }
  const out: Record<string, string> = {};
  const bad: string[] = [];
  readFileSync(path, 'utf8')
    .split(/\r?\n/)
    .forEach((raw, i) => {
      const line = raw.trim();
      if (line === '' || line.startsWith('#') || line.startsWith('!')) return;
      const m = /^([^=:\s]+)(?:\s*[=:]\s*|\s+)(.*)$/.exec(line);
      // Not echoed: a client config holds passwords, and a malformed line may be one pasted alone.
      if (!m) bad.push(`line ${i + 1} (${line.length} characters, not shown: it may hold a secret)`);
      else out[m[1]!] = m[2]!;
    });
  if (bad.length > 0) throw new KloadError('INVALID_ARGUMENT', `${path}: expected key=value:\n${bad.join('\n')}`);
  return out;
}

/** Scenario properties tune the load; the client config (security, cluster access) wins over them. */
export function mergeProperties(
  defaults: Record<string, string>,
  scenario: Record<string, string>,
  clientConfig: Record<string, string>,
): Record<string, string> {
  return { ...defaults, ...scenario, ...clientConfig };
}
