import { ErrorCode } from '../../common/errors/error-code.js';
import { featureException } from '../../common/errors/app.exception.js';

/** Reasons of the documents feature (`extensions.reason`); each maps to a stable `extensions.code`. */
export enum DocumentErrorReason {
  /** Also the answer for a document of a case the caller may not see. */
  DOCUMENT_NOT_FOUND = 'DOCUMENT_NOT_FOUND',
  /** The upload is larger than AMICUS_MAX_UPLOAD_BYTES (HTTP 413). */
  FILE_TOO_LARGE = 'FILE_TOO_LARGE',
  /** The content is not a PDF, Word document, text, HTML or image (HTTP 415). */
  UNSUPPORTED_TYPE = 'UNSUPPORTED_TYPE',
  /** The file part is empty. */
  EMPTY_FILE = 'EMPTY_FILE',
  /** The request is not multipart/form-data with exactly one file and valid fields. */
  INVALID_UPLOAD = 'INVALID_UPLOAD',
  /** The same bytes are already a document of this case. */
  DUPLICATE_DOCUMENT = 'DUPLICATE_DOCUMENT',
  /** The client went away before the upload finished. */
  UPLOAD_ABORTED = 'UPLOAD_ABORTED',
  /** The data directory is full (or over its quota): nothing was stored (HTTP 507). */
  STORAGE_FULL = 'STORAGE_FULL',
}

export class DocumentException extends featureException<DocumentErrorReason>({
  DOCUMENT_NOT_FOUND: ErrorCode.NOT_FOUND,
  FILE_TOO_LARGE: ErrorCode.PAYLOAD_TOO_LARGE,
  UNSUPPORTED_TYPE: ErrorCode.UNSUPPORTED_MEDIA_TYPE,
  EMPTY_FILE: ErrorCode.BAD_USER_INPUT,
  INVALID_UPLOAD: ErrorCode.BAD_USER_INPUT,
  DUPLICATE_DOCUMENT: ErrorCode.CONFLICT,
  UPLOAD_ABORTED: ErrorCode.BAD_USER_INPUT,
  STORAGE_FULL: ErrorCode.INSUFFICIENT_STORAGE,
}) {}

/** A full disk or quota (ENOSPC, EDQUOT) as the typed STORAGE_FULL error; other errors as they are. */
export function storageError(error: unknown): unknown {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOSPC' || code === 'EDQUOT') {
    return new DocumentException(DocumentErrorReason.STORAGE_FULL, 'The server has no room to store the file; nothing was stored. Ask court IT to free space.');
  }
  return error;
}

export const documentNotFound = () => new DocumentException(DocumentErrorReason.DOCUMENT_NOT_FOUND, 'Document not found');
