/** Stable codes for documents that cannot be turned into text. */
export const EXTRACTION_ERROR_CODES = [
  'UNSUPPORTED_TYPE',
  'CORRUPT_FILE',
  'ENCRYPTED_PDF',
  'TOO_MANY_PAGES',
  'ZIP_BOMB',
  'TIMEOUT',
  'TOO_LARGE',
  'EMPTY',
] as const;

export type ExtractionErrorCode = (typeof EXTRACTION_ERROR_CODES)[number];

/** Thrown by `extractText` for input it refuses or cannot read; `code` is stable and safe to show. */
export class ExtractionError extends Error {
  override readonly name = 'ExtractionError';
  readonly code: ExtractionErrorCode;

  constructor(code: ExtractionErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

export function isExtractionError(value: unknown): value is ExtractionError {
  return value instanceof ExtractionError;
}
