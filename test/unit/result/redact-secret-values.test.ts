import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isSecretProperty, redactSecretValues } from '../../../src/result/redact.js';

test('secret values quoted back in a message are redacted; other values are kept', () => {
  const props = { 'sasl.password': 'hunter22', 'sasl.username': 'admin', 'ssl.key.password': 'k3y-pass' };
  const text = 'Invalid value "hunter22" (user admin, key k3y-pass, again hunter22)';
  assert.equal(
    redactSecretValues(text, props),
    'Invalid value "[redacted]" (user admin, key [redacted], again [redacted])',
  );
});

test('every secret-bearing librdkafka property is recognised by name', () => {
  for (const key of [
    'sasl.password',
    'ssl.key.password',
    'ssl.keystore.password',
    'ssl.key.pem',
    'ssl_key',
    'sasl.jaas.config',
    'sasl.oauthbearer.config',
    'sasl.oauthbearer.client.secret',
    'sasl.oauthbearer.assertion.private.key.pem',
    'sasl.oauthbearer.assertion.private.key.passphrase',
  ])
    assert.ok(isSecretProperty(key), key);
  for (const key of ['sasl.username', 'ssl.key.location', 'ssl.ca.location', 'security.protocol'])
    assert.ok(!isSecretProperty(key), key);
});
