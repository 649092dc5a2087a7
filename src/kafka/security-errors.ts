/**
 * Which librdkafka errors mean "the cluster answered, but refused who you are" (authentication,
 * TLS) or "refused what you asked" (ACLs), and the KloadError each becomes. librdkafka reports
 * a failed login as an error event and keeps retrying; a metadata request only ends in a
 * generic ERR__TRANSPORT after its timeout, so callers watch the events and stop at the first.
 */
import { KloadError } from '../errors.js';
import { CODES } from './rdkafka.js';
import { KafkaClientError } from './error-names.js';

const E = CODES.ERRORS;

const AUTHENTICATION = new Set<number>([E.ERR__AUTHENTICATION, E.ERR_SASL_AUTHENTICATION_FAILED]);
const TLS = new Set<number>([E.ERR__SSL]);
const AUTHORIZATION = new Set<number>([
  E.ERR_TOPIC_AUTHORIZATION_FAILED,
  E.ERR_GROUP_AUTHORIZATION_FAILED,
  E.ERR_CLUSTER_AUTHORIZATION_FAILED,
  E.ERR_TRANSACTIONAL_ID_AUTHORIZATION_FAILED,
]);

/**
 * librdkafka's reason for a failed login or TLS handshake, from one of its FAIL log lines
 * ("[thrd:...]: sasl_ssl://127.0.0.1:9092/bootstrap: SASL authentication error: ..."); null for
 * any other line. Its error events only say "authentication failure" or "ssl error".
 */
export function securityFailureFromLog(line: string): { code: number; message: string } | null {
  const message = withoutThread(line);
  if (/SASL authentication error|SASL authentication failed/i.test(message))
    return { code: E.ERR__AUTHENTICATION, message };
  // TLS 1.3 refuses a client certificate after the handshake: "Receive failed: ... alert bad certificate".
  if (/SSL handshake failed|SSL routines::|SSL alert number/i.test(message)) return { code: E.ERR__SSL, message };
  return null;
}

/** A log line without librdkafka's "[thrd:...]: " prefix. */
export function withoutThread(line: string): string {
  return line.replace(/^\[thrd:[^\]]*\]: /, '');
}

/** A login or TLS handshake failure: retrying with the same client config cannot help. */
export function isAuthenticationError(code: number): boolean {
  return AUTHENTICATION.has(code) || TLS.has(code);
}

export function isAuthorizationError(code: number): boolean {
  return AUTHORIZATION.has(code);
}

/**
 * The KloadError for a failed login at `brokers` (exit 3, like an unreachable cluster: nothing
 * was measured), with a hint naming the cause; null when `err` is not one.
 */
export function authenticationFailure(err: unknown, brokers: string): KloadError | null {
  if (!(err instanceof KafkaClientError) || !isAuthenticationError(err.code)) return null;
  const tls = TLS.has(err.code);
  const hint = tls
    ? tlsHint(err.message)
    : 'Authentication failed: check sasl.username, sasl.password and sasl.mechanisms in --client-config.';
  return new KloadError(
    tls ? 'TLS_HANDSHAKE_FAILED' : 'AUTHENTICATION_FAILED',
    `${tls ? 'TLS handshake' : 'Authentication'} with ${brokers} failed: ${err.message}`,
    { hint, cause: err },
  );
}

function tlsHint(message: string): string {
  if (/certificate verify failed|unable to get local issuer|self[- ]signed/i.test(message))
    return (
      "TLS certificate verify failed: the broker's certificate is not signed by a CA in ssl.ca.location " +
      '(the embedded cluster prints the client.properties that names its CA).'
    );
  if (/bad certificate|certificate required|unknown ca/i.test(message))
    return (
      'The broker refused the client certificate (or got none): it requires one signed by its CA; ' +
      'check ssl.certificate.location, ssl.key.location and ssl.key.password.'
    );
  return 'The TLS handshake failed: check security.protocol and ssl.ca.location in --client-config.';
}

/** The KloadError for an ACL refusal, naming the resource; null when `err` is not one. */
export function authorizationFailure(err: unknown, what: string): KloadError | null {
  const code = err instanceof KafkaClientError ? err.code : (err as { code?: unknown } | null)?.code;
  if (typeof code !== 'number' || !isAuthorizationError(code)) return null;
  return new KloadError('NOT_AUTHORIZED', `Not authorized to ${what} (${(err as Error).message}).`, {
    hint:
      "The client config's principal lacks an ACL for this: grant it (kafka-acls --add ...) " +
      'or use a user that has it; on the embedded cluster `client.properties` is the super user.',
    cause: err,
  });
}
