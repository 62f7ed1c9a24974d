/** Injection token of the process's `BlobStore` (the content-addressed store under the data directory). */
export const BLOB_STORE = Symbol('BLOB_STORE');
