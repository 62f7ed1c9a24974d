import { ErrorCode } from '../../common/errors/error-code.js';
import { featureException } from '../../common/errors/app.exception.js';

/** Reasons of the job feature (`extensions.reason`); each maps to a stable `extensions.code`. */
export enum JobErrorReason {
  JOB_NOT_FOUND = 'JOB_NOT_FOUND',
  JOB_NOT_CANCELLABLE = 'JOB_NOT_CANCELLABLE',
  JOB_NOT_RETRYABLE = 'JOB_NOT_RETRYABLE',
  INVALID_JOB_TYPE = 'INVALID_JOB_TYPE',
  INVALID_PRIORITY = 'INVALID_PRIORITY',
  INVALID_JOB_PAYLOAD = 'INVALID_JOB_PAYLOAD',
}

export class JobException extends featureException<JobErrorReason>({
  JOB_NOT_FOUND: ErrorCode.NOT_FOUND,
  JOB_NOT_CANCELLABLE: ErrorCode.CONFLICT,
  JOB_NOT_RETRYABLE: ErrorCode.CONFLICT,
  INVALID_JOB_TYPE: ErrorCode.BAD_USER_INPUT,
  INVALID_PRIORITY: ErrorCode.BAD_USER_INPUT,
  INVALID_JOB_PAYLOAD: ErrorCode.BAD_USER_INPUT,
}) {}

export const jobNotFound = () => new JobException(JobErrorReason.JOB_NOT_FOUND, 'Job not found');

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
