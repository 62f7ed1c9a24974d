import { ErrorCode } from '../../common/errors/error-code.js';
import { featureException } from '../../common/errors/app.exception.js';

export enum AuditErrorReason {
  INVALID_ACTION = 'INVALID_ACTION',
  INVALID_HASH = 'INVALID_HASH',
  INVALID_FILTER = 'INVALID_FILTER',
  CHAIN_CONTENTION = 'CHAIN_CONTENTION',
}

export class AuditException extends featureException<AuditErrorReason>({
  INVALID_ACTION: ErrorCode.BAD_USER_INPUT,
  INVALID_HASH: ErrorCode.BAD_USER_INPUT,
  INVALID_FILTER: ErrorCode.BAD_USER_INPUT,
  CHAIN_CONTENTION: ErrorCode.CONFLICT,
}) {}
