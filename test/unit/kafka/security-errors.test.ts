import { test } from 'node:test';
import assert from 'node:assert/strict';
import { KafkaClientError } from '../../../src/kafka/error-names.js';
import { CODES } from '../../../src/kafka/rdkafka.js';
import {
  authenticationFailure,
  authorizationFailure,
  securityFailureFromLog,
} from '../../../src/kafka/security-errors.js';

const E = CODES.ERRORS;
const thread = '[thrd:sasl_ssl://127.0.0.1:9092/bootstrap]: sasl_ssl://127.0.0.1:9092/bootstrap: ';

test("librdkafka's FAIL lines for a refused login and a failed handshake are recognised, others not", () => {
  const sasl = securityFailureFromLog(`${thread}SASL authentication error: Authentication failed (after 3ms)`);
  assert.equal(sasl?.code, E.ERR__AUTHENTICATION);
  assert.match(sasl!.message, /^sasl_ssl:\/\/127\.0\.0\.1:9092\/bootstrap: SASL/, 'the thread prefix is dropped');
  const ssl = securityFailureFromLog(
    `${thread}SSL handshake failed: error:0A000086:SSL routines::certificate verify failed`,
  );
  assert.equal(ssl?.code, E.ERR__SSL);
  const refusedCert = securityFailureFromLog(
    `${thread}Receive failed: error:0A000412:SSL routines::sslv3 alert bad certificate`,
  );
  assert.equal(refusedCert?.code, E.ERR__SSL);
  assert.equal(securityFailureFromLog(`${thread}Connect to ipv4#127.0.0.1:9092 failed: Connection refused`), null);
});

test('each failure becomes its code, exit 3, and a hint naming the cause', () => {
  const cases = [
    [
      E.ERR__AUTHENTICATION,
      'SASL authentication error: invalid credentials',
      'AUTHENTICATION_FAILED',
      /Authentication failed/,
    ],
    [
      E.ERR__SSL,
      'SSL handshake failed: certificate verify failed',
      'TLS_HANDSHAKE_FAILED',
      /certificate verify failed/,
    ],
    [E.ERR__SSL, 'Receive failed: alert bad certificate', 'TLS_HANDSHAKE_FAILED', /refused the client certificate/],
  ] as const;
  for (const [code, message, kloadCode, hint] of cases) {
    const e = authenticationFailure(new KafkaClientError({ code, message }), 'b:9092');
    assert.equal(e?.code, kloadCode, message);
    assert.equal(e?.exitCode, 3);
    assert.match(e!.hint!, hint);
    assert.match(e!.message, /b:9092/);
  }
  assert.equal(authenticationFailure(new KafkaClientError({ code: E.ERR__TRANSPORT, message: 'down' }), 'b'), null);
  assert.equal(authenticationFailure(new Error('other'), 'b'), null);
});

test('an ACL refusal names what was refused; other errors are left alone', () => {
  const denied = Object.assign(new Error('produce to t failed: Broker: Topic authorization failed'), {
    code: E.ERR_TOPIC_AUTHORIZATION_FAILED,
  });
  const e = authorizationFailure(denied, 'write to topic t');
  assert.equal(e?.code, 'NOT_AUTHORIZED');
  assert.equal(e?.exitCode, 1);
  assert.match(e!.message, /^Not authorized to write to topic t \(produce to t failed/);
  assert.equal(authorizationFailure(Object.assign(new Error('x'), { code: E.ERR__MSG_TIMED_OUT }), 'w'), null);
});
