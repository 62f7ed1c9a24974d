import { ErrorCode } from './error-code.js';

/**
 * Base class of every expected error of the API. `code` becomes `extensions.code`; `reason` is a
 * finer, feature-specific code (`extensions.reason`); `details` are safe to show to the caller.
 * Never put data the caller may not see (a sealed case's title, say) in a message or details.
 */
export class AppException extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly reason?: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/**
 * Declares a feature exception: `reasons` maps every reason of the feature's enum to a public
 * code (the Record type makes the table exhaustive).
 *
 *   export enum CaseErrorReason { CASE_NOT_FOUND = 'CASE_NOT_FOUND', … }
 *   export class CaseException extends featureException<CaseErrorReason>({ CASE_NOT_FOUND: ErrorCode.NOT_FOUND, … }) {}
 *   throw new CaseException(CaseErrorReason.CASE_NOT_FOUND, 'Case not found');
 */
export function featureException<R extends string>(reasons: Record<R, ErrorCode>) {
  return class extends AppException {
    constructor(reason: R, message: string, details?: Record<string, unknown>) {
      super(reasons[reason], message, reason, details);
    }
  };
}

export class BadUserInputException extends AppException {
  constructor(message: string, details?: Record<string, unknown>) {
    super(ErrorCode.BAD_USER_INPUT, message, undefined, details);
  }
}

export class UnauthenticatedException extends AppException {
  constructor(message = 'Authentication required') {
    super(ErrorCode.UNAUTHENTICATED, message);
  }
}

export class ForbiddenException extends AppException {
  constructor(message = 'Not allowed') {
    super(ErrorCode.FORBIDDEN, message);
  }
}
