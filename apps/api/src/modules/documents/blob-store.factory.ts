import type { AppConfig } from '../../config/app-config.js';
import { BlobStore, LocalBlobStore } from './blob-store.js';
import { S3BlobStore } from './s3-blob-store.js';

/** The store AMICUS_BLOB_URL selects: the data directory (default) or an S3-compatible bucket. */
export function createBlobStore(config: AppConfig): BlobStore {
  const store = config.documents.blobStore;
  return store.type === 's3' ? new S3BlobStore(config.dataDir, store) : new LocalBlobStore(config.dataDir);
}
