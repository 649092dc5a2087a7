/**
 * The one error type kload raises on purpose. The CLI prints `message` and `hint` and exits with
 * `exitCode`; anything else that escapes is a bug (exit 1, stack shown).
 */
export const ExitCode = {
  ok: 0,
  unexpected: 1,
  invalidInput: 2,
  clusterUnreachable: 3,
  interrupted: 130,
  thresholdsFailed: 99,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

export type KloadErrorCode =
  | 'INVALID_SCENARIO'
  | 'INVALID_ARGUMENT'
  | 'FILE_NOT_FOUND'
  | 'JAVA_NOT_FOUND'
  | 'MAVEN_FAILED'
  | 'PORT_IN_USE'
  | 'NODE_FAILED_TO_START'
  | 'CLUSTER_NOT_RUNNING'
  | 'CLUSTER_UNREACHABLE'
  | 'INTERRUPTED'
  | 'THRESHOLDS_FAILED'
  | 'KAFKA_ERROR';

const exitCodes: Record<KloadErrorCode, ExitCode> = {
  INVALID_SCENARIO: ExitCode.invalidInput,
  INVALID_ARGUMENT: ExitCode.invalidInput,
  FILE_NOT_FOUND: ExitCode.invalidInput,
  JAVA_NOT_FOUND: ExitCode.unexpected,
  MAVEN_FAILED: ExitCode.unexpected,
  PORT_IN_USE: ExitCode.unexpected,
  NODE_FAILED_TO_START: ExitCode.unexpected,
  CLUSTER_NOT_RUNNING: ExitCode.clusterUnreachable,
  CLUSTER_UNREACHABLE: ExitCode.clusterUnreachable,
  INTERRUPTED: ExitCode.interrupted,
  THRESHOLDS_FAILED: ExitCode.thresholdsFailed,
  KAFKA_ERROR: ExitCode.unexpected,
};

export class KloadError extends Error {
  readonly code: KloadErrorCode;
  readonly exitCode: ExitCode;
  readonly hint: string | undefined;

  constructor(code: KloadErrorCode, message: string, options: { hint?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'KloadError';
    this.code = code;
    this.exitCode = exitCodes[code];
    this.hint = options.hint;
  }
}
