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
  /** Where originals are stored (AMICUS_BLOB_URL): the data directory (default) or an S3-compatible bucket. */
  blobStore: { type: 'local' } | S3BlobConfig;
}

/** AMICUS_BLOB_URL=s3://bucket/prefix with AMICUS_S3_ENDPOINT, AMICUS_S3_REGION and credentials. */
export interface S3BlobConfig {
  type: 's3';
  bucket: string;
  /** Key prefix, empty or ending in "/". */
  prefix: string;
  /** Endpoint of a non-AWS store (MinIO, Ceph …); unset for AWS. */
  endpoint?: string;
  region: string;
  /** Unset: the SDK's own chain (environment, instance role). */
  accessKeyId?: string;
  secretAccessKey?: string;
  forcePathStyle: boolean;
}

export const DEFAULT_MAX_UPLOAD_BYTES = 100 * 1024 * 1024;

export function defaultDocumentsConfig(overrides: Partial<DocumentsConfig> = {}): DocumentsConfig {
  return {
    maxUploadBytes: DEFAULT_MAX_UPLOAD_BYTES,
    maxPages: 2000,
    extractTimeoutMs: 10 * 60_000,
    ocrPageTimeoutMs: 60_000,
    blobStore: { type: 'local' },
    ...overrides,
  };
}
