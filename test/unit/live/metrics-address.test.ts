import { test } from 'node:test';
import assert from 'node:assert/strict';
import { KloadError } from '../../../src/errors.js';
import { parseMetricsAddress } from '../../../src/live/metrics-server.js';

test('--metrics takes a port, :port, host:port or [ipv6]:port', () => {
  assert.deepEqual(parseMetricsAddress('9464'), { host: '0.0.0.0', port: 9464 });
  assert.deepEqual(parseMetricsAddress(':9464'), { host: '0.0.0.0', port: 9464 });
  assert.deepEqual(parseMetricsAddress('127.0.0.1:0'), { host: '127.0.0.1', port: 0 });
  assert.deepEqual(parseMetricsAddress('[::1]:9464'), { host: '::1', port: 9464 });
});

test('a bad --metrics value is refused with an example', () => {
  for (const bad of ['', 'abc', '70000', 'host:', 'a:b:9464', '9464x']) {
    assert.throws(
      () => parseMetricsAddress(bad),
      (e: unknown) =>
        e instanceof KloadError && /expected \[host:\]port/.test(e.message) && /--metrics 9464/.test(e.hint ?? ''),
      bad,
    );
  }
});
