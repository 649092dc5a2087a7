/**
 * The one error type kload raises on purpose, and the one table of what each error code means
 * and which exit code it ends in. The CLI prints `message` and `hint` and exits with `exitCode`;
 * anything else that escapes is a bug (exit 1, stack shown). The CLI epilogue and the README are
 * checked against these tables by a test.
 */
export const ExitCode = {
  ok: 0,
  unexpected: 1,
  invalidInput: 2,
  clusterUnreachable: 3,
  gateFailed: 99,
  interrupted: 130,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** What each exit code tells a CI job, in the order `--help` lists them. */
export const EXIT_CODE_MEANINGS: readonly { exitCode: ExitCode; meaning: string }[] = [
  { exitCode: ExitCode.ok, meaning: 'ok' },
  { exitCode: ExitCode.unexpected, meaning: 'the run failed, or kload hit a bug' },
  {
    exitCode: ExitCode.invalidInput,
    meaning: 'invalid input (scenario, flags, files) or a plan the sweep cannot support',
  },
  {
    exitCode: ExitCode.clusterUnreachable,
    meaning: 'cluster unreachable or not running, or it refused the login (SASL, TLS)',
  },
  { exitCode: ExitCode.gateFailed, meaning: 'a threshold failed, or compare or trend found a regression' },
  { exitCode: ExitCode.interrupted, meaning: 'interrupted (Ctrl-C), the partial result saved' },
];

/** Named by what happened, each with its exit code. */
export const ERROR_CODES = {
  INVALID_SCENARIO: {
    exitCode: ExitCode.invalidInput,
    meaning: 'the scenario file has problems (each named by its path)',
  },
  INVALID_ARGUMENT: { exitCode: ExitCode.invalidInput, meaning: 'a flag or its value is wrong' },
  FILE_NOT_FOUND: {
    exitCode: ExitCode.invalidInput,
    meaning: 'a file named on the command line is missing or unreadable',
  },
  INVALID_SEGMENT: {
    exitCode: ExitCode.invalidInput,
    meaning: 'segment files to merge are damaged, from different runs, or incomplete',
  },
  PLAN_REFUSED: { exitCode: ExitCode.invalidInput, meaning: 'the sweep cannot support the planned target' },
  JAVA_NOT_FOUND: { exitCode: ExitCode.unexpected, meaning: 'no Java 17+ for the embedded cluster' },
  MAVEN_FAILED: { exitCode: ExitCode.unexpected, meaning: 'fetching the Kafka jars failed' },
  PORT_IN_USE: { exitCode: ExitCode.unexpected, meaning: 'an embedded node could not bind its port' },
  NODE_FAILED_TO_START: { exitCode: ExitCode.unexpected, meaning: 'an embedded node did not come up' },
  CLUSTER_NOT_RUNNING: { exitCode: ExitCode.clusterUnreachable, meaning: 'no detached embedded cluster is running' },
  CLUSTER_UNREACHABLE: { exitCode: ExitCode.clusterUnreachable, meaning: 'no broker answered at the given address' },
  AUTHENTICATION_FAILED: {
    exitCode: ExitCode.clusterUnreachable,
    meaning: 'the brokers refused the SASL login of the client config (user, password, mechanism)',
  },
  TLS_HANDSHAKE_FAILED: {
    exitCode: ExitCode.clusterUnreachable,
    meaning: 'the TLS handshake failed (an untrusted broker certificate, a client certificate refused)',
  },
  NOT_AUTHORIZED: {
    exitCode: ExitCode.unexpected,
    meaning: "the client config's principal lacks an ACL the run needs (the message names the resource)",
  },
  KAFKA_ERROR: { exitCode: ExitCode.unexpected, meaning: 'the cluster refused a request (topic creation, leaders)' },
  AGENTS_UNAVAILABLE: {
    exitCode: ExitCode.unexpected,
    meaning: 'fewer idle agents answered on the control topic than the run asked for',
  },
  AGENT_FAILED: { exitCode: ExitCode.unexpected, meaning: 'an agent died, stopped answering or reported a failure' },
  TIMED_OUT: { exitCode: ExitCode.unexpected, meaning: 'a step of the run did not finish in time' },
  THRESHOLDS_FAILED: {
    exitCode: ExitCode.gateFailed,
    meaning: 'a threshold of the scenario failed (the result is saved)',
  },
  REGRESSION_FOUND: {
    exitCode: ExitCode.gateFailed,
    meaning: 'kload compare (or trend --fail-on-regression) found a metric regressed beyond tolerance',
  },
} as const satisfies Record<string, { exitCode: ExitCode; meaning: string }>;
export type KloadErrorCode = keyof typeof ERROR_CODES;

export class KloadError extends Error {
  readonly code: KloadErrorCode;
  readonly exitCode: ExitCode;
  readonly hint: string | undefined;
  /** The message was already shown to the user (a run prints its own ending); print only the hint. */
  readonly shown: boolean;

  constructor(
    code: KloadErrorCode,
    message: string,
    options: { hint?: string; cause?: unknown; shown?: boolean } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'KloadError';
    this.code = code;
    this.exitCode = ERROR_CODES[code].exitCode;
    this.hint = options.hint;
    this.shown = options.shown ?? false;
  }
}

/** "Exit codes: 0 ok, 1 the run failed, ..." for --help. */
export function exitCodesLine(): string {
  return `Exit codes: ${EXIT_CODE_MEANINGS.map((e) => `${e.exitCode} ${e.meaning}`).join('; ')}.`;
}

/** The exhaustive check of a discriminated union: reaching it is a bug. */
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`unexpected ${what}: ${JSON.stringify(value)}`);
}
