import { CODES } from './rdkafka.js';

const names = new Map<number, string>(Object.entries(CODES.ERRORS).map(([name, code]) => [code as number, name]));

/** librdkafka's name for an error code ("ERR__MSG_TIMED_OUT"), for results people can search. */
export function errorName(code: number): string {
  return names.get(code) ?? `ERR_${code}`;
}

export const QUEUE_FULL = CODES.ERRORS.ERR__QUEUE_FULL;

/**
 * An Error from librdkafka that keeps its numeric code and name, so callers can tell a timeout
 * from an authentication failure without parsing text (`new Error(err.message)` loses both).
 */
export class KafkaClientError extends Error {
  readonly code: number;
  readonly codeName: string;

  constructor(err: { code: number; message: string }, context?: string) {
    super(context === undefined ? err.message : `${context}: ${err.message}`, { cause: err });
    this.name = 'KafkaClientError';
    this.code = err.code;
    this.codeName = errorName(err.code);
  }
}
