import { ErrorCode } from '../../common/errors/error-code.js';
import { featureException } from '../../common/errors/app.exception.js';

/** Reasons of the summaries feature (`extensions.reason`); each maps to a stable `extensions.code`. */
export enum SummaryErrorReason {
  /** Also the answer for a summary of a case the caller may not see. */
  SUMMARY_NOT_FOUND = 'SUMMARY_NOT_FOUND',
  /** The case (or document) has no extracted text to summarize yet. */
  NOTHING_TO_SUMMARIZE = 'NOTHING_TO_SUMMARIZE',
  INVALID_LENGTH = 'INVALID_LENGTH',
}

export class SummaryException extends featureException<SummaryErrorReason>({
  SUMMARY_NOT_FOUND: ErrorCode.NOT_FOUND,
  NOTHING_TO_SUMMARIZE: ErrorCode.BAD_USER_INPUT,
  INVALID_LENGTH: ErrorCode.BAD_USER_INPUT,
}) {}

export const summaryNotFound = () => new SummaryException(SummaryErrorReason.SUMMARY_NOT_FOUND, 'Summary not found');
