import { ErrorCode } from '../../common/errors/error-code.js';
import { featureException } from '../../common/errors/app.exception.js';

export enum UserErrorReason {
  USER_NOT_FOUND = 'USER_NOT_FOUND',
  EMAIL_TAKEN = 'EMAIL_TAKEN',
  COURT_REQUIRED = 'COURT_REQUIRED',
  COURT_NOT_ALLOWED = 'COURT_NOT_ALLOWED',
  PASSWORD_REQUIRED = 'PASSWORD_REQUIRED',
  PASSWORD_NOT_ALLOWED = 'PASSWORD_NOT_ALLOWED',
  LAST_ADMIN = 'LAST_ADMIN',
  WRONG_PASSWORD = 'WRONG_PASSWORD',
  NOT_ALLOWED = 'NOT_ALLOWED',
}

export class UserException extends featureException<UserErrorReason>({
  USER_NOT_FOUND: ErrorCode.NOT_FOUND,
  EMAIL_TAKEN: ErrorCode.CONFLICT,
  COURT_REQUIRED: ErrorCode.BAD_USER_INPUT,
  COURT_NOT_ALLOWED: ErrorCode.BAD_USER_INPUT,
  PASSWORD_REQUIRED: ErrorCode.BAD_USER_INPUT,
  PASSWORD_NOT_ALLOWED: ErrorCode.BAD_USER_INPUT,
  LAST_ADMIN: ErrorCode.CONFLICT,
  WRONG_PASSWORD: ErrorCode.BAD_USER_INPUT,
  NOT_ALLOWED: ErrorCode.FORBIDDEN,
}) {}
