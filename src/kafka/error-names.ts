import { CODES } from './rdkafka.js';

const names = new Map<number, string>(Object.entries(CODES.ERRORS).map(([name, code]) => [code as number, name]));

/** librdkafka's name for an error code ("ERR__MSG_TIMED_OUT"), for results people can search. */
export function errorName(code: number): string {
  return names.get(code) ?? `ERR_${code}`;
}

export const QUEUE_FULL = CODES.ERRORS.ERR__QUEUE_FULL;
