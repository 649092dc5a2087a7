import { test } from 'node:test';
import assert from 'node:assert/strict';
import { redactProperties } from '../../../src/result/redact.js';

test('redaction hides every secret-bearing property and keeps the rest', () => {
  const redacted = redactProperties({
    'bootstrap.servers': 'b:9092',
    'sasl.username': 'alice',
    'sasl.password': 'p',
    'SASL.PASSWORD': 'p',
    'ssl.key.password': 'p',
    'ssl.keystore.password': 'p',
    'ssl.key.pem': 'pem',
    'ssl.key.location': '/etc/key',
    'sasl.jaas.config': 'jaas',
    'sasl.oauthbearer.config': 'principal=x',
    'sasl.oauthbearer.client.secret': 's',
    'sasl.oauthbearer.assertion.private.key.file': '/k',
    'x.api.token': 't',
    acks: 'all',
  });
  assert.deepEqual(redacted, {
    'bootstrap.servers': 'b:9092',
    'sasl.username': 'alice',
    'sasl.password': '[redacted]',
    'SASL.PASSWORD': '[redacted]',
    'ssl.key.password': '[redacted]',
    'ssl.keystore.password': '[redacted]',
    'ssl.key.pem': '[redacted]',
    'ssl.key.location': '/etc/key',
    'sasl.jaas.config': '[redacted]',
    'sasl.oauthbearer.config': '[redacted]',
    'sasl.oauthbearer.client.secret': '[redacted]',
    'sasl.oauthbearer.assertion.private.key.file': '[redacted]',
    'x.api.token': '[redacted]',
    acks: 'all',
  });
});

test('redaction returns a copy and leaves the input untouched', () => {
  const input = { 'sasl.password': 'p' };
  redactProperties(input);
  assert.equal(input['sasl.password'], 'p');
});
