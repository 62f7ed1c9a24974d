/** Stable codes of the job feature; the GraphQL error mapper turns them into `extensions.code`. */
export enum JobErrorCode {
  NotFound = 'NOT_FOUND',
  InvalidState = 'CONFLICT',
  UnknownType = 'BAD_USER_INPUT',
  InvalidInput = 'BAD_USER_INPUT',
}

export class JobException extends Error {
  constructor(
    readonly code: JobErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'JobException';
  }
}

/** Thrown inside a handler (by `throwIfCancelled`) when the job was cancelled; ends the job as cancelled. */
export class JobCancelledError extends Error {
  readonly code = 'JOB_CANCELLED';
  constructor() {
    super('The job was cancelled');
    this.name = 'JobCancelledError';
  }
}

/**
 * A handler throws this for failures that a retry cannot fix (bad payload, missing document);
 * the job fails at once instead of being retried.
 */
export class PermanentJobError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'PermanentJobError';
  }
}
