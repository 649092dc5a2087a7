/** Shared by the security tests: client config files and the checks every refused run passes. */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CliResult } from '../../helpers/cli.js';
import { tempDir } from '../../helpers/paths.js';
import { writeScenario } from '../../helpers/scenario-files.js';

/** Writes librdkafka properties to a fresh file, as a user would hand them to --client-config. */
export function writeClientConfig(props: Record<string, string>): string {
  const path = join(tempDir('client-config'), 'client.properties');
  writeFileSync(
    path,
    `${Object.entries(props)
      .map(([k, v]) => `${k}=${v}`)
      .join('\n')}\n`,
  );
  return path;
}

/** 1,000 messages at 500 msg/s through one producer and one consumer group. */
export function smallScenario(topic: string): string {
  return writeScenario(`
name: secured
topics: [{ name: ${topic}, partitions: 2 }]
producers: { count: 1, message: { size: 200 } }
consumers: { groups: [${topic}-g], members: 1 }
phases:
  - { name: steady, type: constant, duration: 2s, rate: 500 }
`);
}

/** Refused quickly, with the code's exit status, a hint and no stack trace. */
export function assertRefused(r: CliResult, exitCode: number, hint: RegExp): void {
  assert.equal(r.code, exitCode, `${r.stdout}\n${r.stderr}`);
  assert.match(r.stderr, /^hint: /m, r.stderr);
  assert.match(r.stderr, hint);
  assert.doesNotMatch(r.stderr, /\n\s+at .+:\d+:\d+/, 'no stack trace');
  assert.doesNotMatch(r.stderr, /failed unexpectedly/);
}
