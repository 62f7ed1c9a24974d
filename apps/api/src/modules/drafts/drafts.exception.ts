import { ErrorCode } from '../../common/errors/error-code.js';
import { featureException } from '../../common/errors/app.exception.js';

/** Reasons of the drafting feature (`extensions.reason`); each maps to a stable `extensions.code`. */
export enum DraftErrorReason {
  /** Also the answer for a draft of a case the caller may not see. */
  DRAFT_NOT_FOUND = 'DRAFT_NOT_FOUND',
  TEMPLATE_NOT_FOUND = 'TEMPLATE_NOT_FOUND',
  /** The summary named does not exist or belongs to another case. */
  SUMMARY_NOT_FOUND = 'SUMMARY_NOT_FOUND',
  /** Slot values missing or of the wrong type (`missing`, `invalid`). */
  INVALID_SLOTS = 'INVALID_SLOTS',
  /** An edit that cannot be applied (paragraph out of range, neither text nor paragraphs given). */
  INVALID_EDIT = 'INVALID_EDIT',
  /** `baseVersion` (or the version to approve) is not the draft's current version. */
  VERSION_CONFLICT = 'VERSION_CONFLICT',
  /** The draft is approved and frozen. */
  DRAFT_APPROVED = 'DRAFT_APPROVED',
  /** Only export an approved draft. */
  DRAFT_NOT_APPROVED = 'DRAFT_NOT_APPROVED',
  /** Only a judge assigned to the case approves; only clerks and judges edit. */
  NOT_ALLOWED = 'NOT_ALLOWED',
  /** The signing gate found sentences that block approval (`offending`). */
  UNANCHORED_CONTENT = 'UNANCHORED_CONTENT',
}

export class DraftException extends featureException<DraftErrorReason>({
  DRAFT_NOT_FOUND: ErrorCode.NOT_FOUND,
  TEMPLATE_NOT_FOUND: ErrorCode.NOT_FOUND,
  SUMMARY_NOT_FOUND: ErrorCode.NOT_FOUND,
  INVALID_SLOTS: ErrorCode.BAD_USER_INPUT,
  INVALID_EDIT: ErrorCode.BAD_USER_INPUT,
  VERSION_CONFLICT: ErrorCode.CONFLICT,
  DRAFT_APPROVED: ErrorCode.CONFLICT,
  DRAFT_NOT_APPROVED: ErrorCode.CONFLICT,
  NOT_ALLOWED: ErrorCode.FORBIDDEN,
  UNANCHORED_CONTENT: ErrorCode.UNANCHORED_CONTENT,
}) {}

export const draftNotFound = () => new DraftException(DraftErrorReason.DRAFT_NOT_FOUND, 'Draft not found');
