/**
 * Client properties go into result files, which get shared; credentials must not. Matching is by
 * key name, so a new librdkafka secret property (sasl.oauthbearer.client.secret,
 * ssl.keystore.password, ...) is caught without a list update.
 */

export const REDACTED = '[redacted]';

const SECRET_KEY_PARTS = ['password', 'secret', 'sasl.jaas', 'token', 'key.pem', 'private'];

/** Secret-bearing keys whose names do not contain any of the parts above. */
const SECRET_KEYS = new Set(['sasl.oauthbearer.config', 'ssl.key.password', 'ssl_key']);

export function isSecretProperty(key: string): boolean {
  const lower = key.toLowerCase();
  return SECRET_KEYS.has(lower) || SECRET_KEY_PARTS.some((part) => lower.includes(part));
}

/** A copy of `props` with every secret value replaced by "[redacted]"; keys are kept. */
export function redactProperties(props: Record<string, string>): Record<string, string> {
  const redacted: Record<string, string> = {};
  for (const [key, value] of Object.entries(props)) {
    redacted[key] = isSecretProperty(key) ? REDACTED : value;
  }
  return redacted;
}

/**
 * `text` with the value of every secret property in `props` replaced by "[redacted]", for
 * messages that quote configuration back (librdkafka's 'Invalid value "..." for property ...').
 */
export function redactSecretValues(text: string, props: Record<string, string>): string {
  let out = text;
  for (const [key, value] of Object.entries(props)) {
    // A one-letter "secret" would blank half the message; no real password is that short.
    if (isSecretProperty(key) && value.length >= 4) out = out.split(value).join(REDACTED);
  }
  return out;
}
