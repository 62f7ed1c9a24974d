import { createReadStream } from 'node:fs';
import { unlink } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { BlobStore, type ReceivedBlob } from './blob-store.js';
import type { S3BlobConfig } from './documents.config.js';

const SHA256_HEX = /^[0-9a-f]{64}$/;

function notFound(error: unknown): boolean {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e?.name === 'NotFound' || e?.name === 'NoSuchKey' || e?.$metadata?.httpStatusCode === 404;
}

/**
 * The store in an S3-compatible object store (MinIO, Ceph, a court's own S3): object
 * `<prefix><aa>/<sha256>` in one bucket, so API and worker hosts share documents without a shared
 * file system. Objects are content-addressed: writing the same digest twice writes the same bytes.
 */
export class S3BlobStore extends BlobStore {
  private readonly client: S3Client;

  constructor(
    dataDir: string,
    private readonly config: S3BlobConfig,
  ) {
    super(dataDir);
    this.client = new S3Client({
      region: config.region,
      forcePathStyle: config.forcePathStyle,
      // checksums only where the API requires them: S3-compatible stores (older MinIO, Ceph, s3rver)
      // do not all read the aws-chunked uploads with trailing checksums that the default sends
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      ...(config.endpoint ? { endpoint: config.endpoint } : {}),
      ...(config.accessKeyId && config.secretAccessKey ? { credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey } } : {}),
    });
  }

  keyOf(sha256: string): string {
    if (!SHA256_HEX.test(sha256)) throw new Error(`Not a sha256 digest: ${sha256}`);
    return `${this.config.prefix}${sha256.slice(0, 2)}/${sha256}`;
  }

  override async commit(received: ReceivedBlob): Promise<boolean> {
    try {
      if (await this.exists(received.sha256)) return false;
      await this.client.send(
        new PutObjectCommand({
          Bucket: this.config.bucket,
          Key: this.keyOf(received.sha256),
          Body: createReadStream(received.tempPath),
          ContentLength: received.bytes,
          ContentType: 'application/octet-stream',
        }),
      );
      return true;
    } finally {
      await unlink(received.tempPath).catch(() => undefined);
    }
  }

  override async remove(sha256: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.config.bucket, Key: this.keyOf(sha256) })).catch(() => undefined);
  }

  override async exists(sha256: string): Promise<boolean> {
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.config.bucket, Key: this.keyOf(sha256) }));
      return true;
    } catch (error) {
      if (notFound(error)) return false;
      throw error;
    }
  }

  override async read(sha256: string): Promise<Buffer> {
    const res = await this.client.send(new GetObjectCommand({ Bucket: this.config.bucket, Key: this.keyOf(sha256) }));
    return Buffer.from(await res.Body!.transformToByteArray());
  }

  override async stream(sha256: string): Promise<Readable> {
    const res = await this.client.send(new GetObjectCommand({ Bucket: this.config.bucket, Key: this.keyOf(sha256) }));
    return res.Body as Readable;
  }

  override async *list(): AsyncIterable<string> {
    let token: string | undefined;
    do {
      const page = await this.client.send(new ListObjectsV2Command({ Bucket: this.config.bucket, Prefix: this.config.prefix, ContinuationToken: token }));
      for (const object of page.Contents ?? []) {
        const name = object.Key?.split('/').at(-1) ?? '';
        if (SHA256_HEX.test(name)) yield name;
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
  }

  close(): void {
    this.client.destroy();
  }
}
