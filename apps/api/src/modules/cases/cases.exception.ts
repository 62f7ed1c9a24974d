import { ErrorCode } from '../../common/errors/error-code.js';
import { featureException } from '../../common/errors/app.exception.js';

export enum CaseErrorReason {
  /** Also the answer for a case the caller may not see: the two are indistinguishable. */
  CASE_NOT_FOUND = 'CASE_NOT_FOUND',
  PARTY_NOT_FOUND = 'PARTY_NOT_FOUND',
  NOTE_NOT_FOUND = 'NOTE_NOT_FOUND',
  USER_NOT_FOUND = 'USER_NOT_FOUND',
  DOCKET_NUMBER_TAKEN = 'DOCKET_NUMBER_TAKEN',
  /** The answer to non-admins for any docket collision, visible case or not. */
  DOCKET_NUMBER_UNAVAILABLE = 'DOCKET_NUMBER_UNAVAILABLE',
  NOT_ALLOWED = 'NOT_ALLOWED',
  COURT_NOT_ALLOWED = 'COURT_NOT_ALLOWED',
  ASSIGNEE_NOT_ELIGIBLE = 'ASSIGNEE_NOT_ELIGIBLE',
  ALREADY_CLOSED = 'ALREADY_CLOSED',
  NOT_CLOSED = 'NOT_CLOSED',
}

export class CaseException extends featureException<CaseErrorReason>({
  CASE_NOT_FOUND: ErrorCode.NOT_FOUND,
  PARTY_NOT_FOUND: ErrorCode.NOT_FOUND,
  NOTE_NOT_FOUND: ErrorCode.NOT_FOUND,
  USER_NOT_FOUND: ErrorCode.NOT_FOUND,
  DOCKET_NUMBER_TAKEN: ErrorCode.CONFLICT,
  DOCKET_NUMBER_UNAVAILABLE: ErrorCode.CONFLICT,
  NOT_ALLOWED: ErrorCode.FORBIDDEN,
  COURT_NOT_ALLOWED: ErrorCode.FORBIDDEN,
  ASSIGNEE_NOT_ELIGIBLE: ErrorCode.BAD_USER_INPUT,
  ALREADY_CLOSED: ErrorCode.CONFLICT,
  NOT_CLOSED: ErrorCode.CONFLICT,
}) {}

export const caseNotFound = () => new CaseException(CaseErrorReason.CASE_NOT_FOUND, 'Case not found');
