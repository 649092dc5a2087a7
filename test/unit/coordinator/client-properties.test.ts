import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, type TestContext } from 'node:test';
import {
  CONSUMER_DEFAULTS,
  mergeProperties,
  PRODUCER_DEFAULTS,
  readPropertiesFile,
} from '../../../src/coordinator/client-properties.js';
import { KloadError } from '../../../src/errors.js';

/** Writes `text` to a properties file in a fresh temporary directory, removed when the test ends. */
function propertiesFile(t: TestContext, text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'kload-props-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const path = join(dir, 'client.properties');
  writeFileSync(path, text);
  return path;
}

test('a properties file reads key=value and key: value, skipping # and ! comments and blank lines', (t) => {
  const path = propertiesFile(
    t,
    [
      '# security for the staging cluster',
      '! an old-style comment',
      '',
      'security.protocol=SASL_SSL',
      '   ',
      'sasl.mechanism: PLAIN',
      '  sasl.username = alice  ',
      'sasl.password=s3cr=t:x',
      'empty.value=',
      '',
    ].join('\n'),
  );
  assert.deepEqual(readPropertiesFile(path), {
    'security.protocol': 'SASL_SSL',
    'sasl.mechanism': 'PLAIN',
    'sasl.username': 'alice',
    'sasl.password': 's3cr=t:x',
    'empty.value': '',
  });
});

test('a properties file with Windows line endings reads the same', (t) => {
  const path = propertiesFile(t, 'a=1\r\nb: 2\r\n');
  assert.deepEqual(readPropertiesFile(path), { a: '1', b: '2' });
});

test('a key and value separated only by whitespace are read, as in Java', (t) => {
  assert.deepEqual(readPropertiesFile(propertiesFile(t, 'acks all\n')), { acks: 'all' });
});

test('a later duplicate key wins, as in Java', (t) => {
  const path = propertiesFile(t, 'acks=1\nacks=all\n');
  assert.deepEqual(readPropertiesFile(path), { acks: 'all' });
});

test('a malformed line is reported with its line number, never echoed (it may be a pasted password)', (t) => {
  const path = propertiesFile(t, '# comment\nacks=all\n: no key\n=orphan value\n');
  assert.throws(
    () => readPropertiesFile(path),
    (error: unknown) => {
      assert.ok(error instanceof KloadError);
      assert.equal(error.code, 'INVALID_ARGUMENT');
      assert.match(error.message, /line 3 \(8 characters, not shown: it may hold a secret\)/);
      assert.match(error.message, /line 4 \(13 characters/);
      assert.doesNotMatch(error.message, /no key|orphan/);
      assert.doesNotMatch(error.message, /line 2/);
      return true;
    },
  );
});

test('a missing properties file throws a KloadError with code FILE_NOT_FOUND and a hint', () => {
  const path = join(tmpdir(), `kload-missing-${process.pid}-${Date.now()}.properties`);
  assert.throws(
    () => readPropertiesFile(path),
    (error: unknown) => {
      assert.ok(error instanceof KloadError);
      assert.equal(error.code, 'FILE_NOT_FOUND');
      assert.equal(error.exitCode, 2);
      assert.ok(error.message.includes(path));
      assert.ok(error.hint);
      return true;
    },
  );
});

test('merged properties: client config wins over scenario, which wins over defaults', () => {
  const merged = mergeProperties(
    { 'message.timeout.ms': '30000', log_level: '3', acks: '1' },
    { acks: 'all', 'linger.ms': '5', 'security.protocol': 'PLAINTEXT' },
    { 'security.protocol': 'SASL_SSL', log_level: '7' },
  );
  assert.deepEqual(merged, {
    'message.timeout.ms': '30000',
    log_level: '7',
    acks: 'all',
    'linger.ms': '5',
    'security.protocol': 'SASL_SSL',
  });
});

test('merging leaves the inputs untouched', () => {
  const defaults = { ...PRODUCER_DEFAULTS };
  mergeProperties(defaults, { log_level: '6' }, {});
  assert.deepEqual(defaults, PRODUCER_DEFAULTS);
});

test('the defaults time out deliveries after 30 s and keep librdkafka quiet', () => {
  assert.equal(mergeProperties(PRODUCER_DEFAULTS, {}, {})['message.timeout.ms'], '30000');
  assert.equal(mergeProperties(CONSUMER_DEFAULTS, {}, {}).log_level, '3');
});
