/**
 * Every error a user can meet has a stable code here: its HTTP status, its CLI exit code and how
 * to fix it. The core returns or throws these; the shell maps them to responses and exit codes.
 * `docs/errors.md` is generated from this table. Add rows; never renumber or rename a code.
 */
export interface ErrorCodeDefinition {
  readonly httpStatus: number;
  readonly exitCode: number;
  readonly fix: string;
}

export const ERROR_CODES = {
  BAD_INPUT: { httpStatus: 400, exitCode: 3, fix: 'Correct the request or file at the location the message names.' },
  MANIFEST_INVALID: { httpStatus: 400, exitCode: 3, fix: 'Correct stepwise.yaml at the line and field named; see docs/manifest.md.' },
  CONTRACT_INVALID: { httpStatus: 400, exitCode: 3, fix: 'Correct the contract file at the line and pointer named.' },
  UNAUTHENTICATED: { httpStatus: 401, exitCode: 3, fix: 'Pass a token with STEPWISE_TOKEN or --token.' },
  FORBIDDEN: { httpStatus: 403, exitCode: 3, fix: 'Use a token whose scope and services cover this action (stepwise token create).' },
  NOT_FOUND: { httpStatus: 404, exitCode: 3, fix: 'Check the name; `stepwise status` lists services and environments.' },
  CONFLICT: { httpStatus: 409, exitCode: 3, fix: 'Versions are immutable: publish the changed content under a new version.' },
  PAYLOAD_TOO_LARGE: { httpStatus: 413, exitCode: 3, fix: 'Split the upload, or raise the server limit with --body-limit.' },
  UNAVAILABLE: { httpStatus: 503, exitCode: 3, fix: 'Check that the server is running and reachable at STEPWISE_URL.' },
  PORT_IN_USE: { httpStatus: 409, exitCode: 3, fix: 'Free the port named, or give the service another gateway port (run.gatewayPort in stepwise.yaml).' },
  ROLLOUT_IN_PROGRESS: { httpStatus: 409, exitCode: 3, fix: 'Wait for the running rollout named to finish, or abort it (stepwise rollout abort).' },
  ROLLOUT_REFUSED: { httpStatus: 409, exitCode: 1, fix: 'can-i-deploy said no: fix the reasons listed (or deploy their prerequisites first), then start again.' },
  INTERNAL: { httpStatus: 500, exitCode: 3, fix: 'A bug in Stepwise: report it with the message and the request.' },
} as const satisfies Record<string, ErrorCodeDefinition>;

export type ErrorCode = keyof typeof ERROR_CODES;

export class StepwiseError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Where the problem is: a file, line, field or JSON pointer, as known. */
    readonly where?: { readonly file?: string; readonly line?: number; readonly column?: number; readonly pointer?: string },
    readonly details?: Readonly<Record<string, unknown>>,
  ) {
    super(message);
    this.name = 'StepwiseError';
  }

  get httpStatus(): number {
    return ERROR_CODES[this.code].httpStatus;
  }

  get exitCode(): number {
    return ERROR_CODES[this.code].exitCode;
  }
}
