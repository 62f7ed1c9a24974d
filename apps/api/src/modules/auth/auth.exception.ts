import { ErrorCode } from '../../common/errors/error-code.js';
import { featureException } from '../../common/errors/app.exception.js';

export enum AuthErrorReason {
  INVALID_CREDENTIALS = 'INVALID_CREDENTIALS',
  INVALID_TOKEN = 'INVALID_TOKEN',
  TOKEN_EXPIRED = 'TOKEN_EXPIRED',
  TOO_MANY_ATTEMPTS = 'TOO_MANY_ATTEMPTS',
  API_KEY_NOT_FOUND = 'API_KEY_NOT_FOUND',
  NOT_A_SERVICE_ACCOUNT = 'NOT_A_SERVICE_ACCOUNT',
  INVALID_SCOPE = 'INVALID_SCOPE',
}

export class AuthException extends featureException<AuthErrorReason>({
  INVALID_CREDENTIALS: ErrorCode.UNAUTHENTICATED,
  INVALID_TOKEN: ErrorCode.UNAUTHENTICATED,
  TOKEN_EXPIRED: ErrorCode.UNAUTHENTICATED,
  TOO_MANY_ATTEMPTS: ErrorCode.RATE_LIMITED,
  API_KEY_NOT_FOUND: ErrorCode.NOT_FOUND,
  NOT_A_SERVICE_ACCOUNT: ErrorCode.BAD_USER_INPUT,
  INVALID_SCOPE: ErrorCode.BAD_USER_INPUT,
}) {}
