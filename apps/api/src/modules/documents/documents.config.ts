/** Typed settings of document upload and extraction; the config module builds this from the environment. */
export interface DocumentsConfig {
  /** Largest accepted upload in bytes (AMICUS_MAX_UPLOAD_BYTES, default 100 MiB); enforced while streaming. */
  maxUploadBytes: number;
  /** Most pages extracted from one PDF (AMICUS_EXTRACT_MAX_PAGES, default 2000); more fails with TOO_MANY_PAGES. */
  maxPages: number;
  /** Time allowed for extracting one document (AMICUS_EXTRACT_TIMEOUT, default 10 minutes); longer fails with TIMEOUT. */
  extractTimeoutMs: number;
  /** Time allowed for OCR of one page (AMICUS_OCR_PAGE_TIMEOUT, default 60 s). */
  ocrPageTimeoutMs: number;
}

export const DEFAULT_MAX_UPLOAD_BYTES = 100 * 1024 * 1024;

export function defaultDocumentsConfig(overrides: Partial<DocumentsConfig> = {}): DocumentsConfig {
  return {
    maxUploadBytes: DEFAULT_MAX_UPLOAD_BYTES,
    maxPages: 2000,
    extractTimeoutMs: 10 * 60_000,
    ocrPageTimeoutMs: 60_000,
    ...overrides,
  };
}
