import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, type WriteStream } from 'node:fs';
import { chmod, link, mkdir, readdir, readFile, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { once } from 'node:events';
import { SNIFF_BYTES, sniffType, type SniffResult } from '@amicus/legal-nlp';
import { DocumentErrorReason, DocumentException, storageError } from './documents.exception.js';

/** A temporary upload file not written to for this long belongs to an upload that was cut off. */
export const STALE_UPLOAD_MS = 10 * 60_000;

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** A file received into the store's temporary area, hashed and type-checked, not yet stored. */
export interface ReceivedBlob {
  tempPath: string;
  sha256: string;
  bytes: number;
  sniffed: SniffResult;
}

/**
 * The content-addressed store of original documents. A blob is written once under its sha256 and
 * never changed: the same bytes uploaded twice are stored once. Uploads are received into a local
 * temporary file (hashed and type-checked while they arrive), then committed to the store:
 * `LocalBlobStore` (a directory, the default) or `S3BlobStore` (an S3-compatible object store that
 * API and worker hosts share).
 */
export abstract class BlobStore {
  readonly tempDir: string;

  constructor(dataDir: string) {
    this.tempDir = join(dataDir, 'tmp');
  }

  /**
   * Moves a received file into the store under its digest. Returns true when this call stored the
   * blob, false when the same bytes were already there (the temporary file is removed either way).
   */
  abstract commit(received: ReceivedBlob): Promise<boolean>;
  /** Removes a blob this process just stored when the row that would reference it was not written. */
  abstract remove(sha256: string): Promise<void>;
  abstract exists(sha256: string): Promise<boolean>;
  abstract read(sha256: string): Promise<Buffer>;
  abstract stream(sha256: string): Promise<Readable>;
  /** The digest of every stored blob (for backups). */
  abstract list(): AsyncIterable<string>;

  /**
   * Streams `source` into a temporary file while hashing it. Rejects (and removes the temporary
   * file) as soon as more than `maxBytes` arrive (FILE_TOO_LARGE), when the first bytes show a type
   * Amicus does not read (UNSUPPORTED_TYPE), or when the file is empty (EMPTY_FILE).
   */
  async receive(source: Readable, maxBytes: number): Promise<ReceivedBlob> {
    await mkdir(this.tempDir, { recursive: true });
    const tempPath = join(this.tempDir, `upload-${randomUUID()}`);
    const out = createWriteStream(tempPath, { flags: 'wx', mode: 0o600 });
    let writeError: Error | null = null;
    out.on('error', (error) => {
      writeError = error;
    });
    const hash = createHash('sha256');
    let bytes = 0;
    let head: Buffer[] | null = [];
    let headLength = 0;
    let sniffed: SniffResult | null = null;
    try {
      for await (const chunk of source as AsyncIterable<Buffer>) {
        bytes += chunk.length;
        if (bytes > maxBytes) {
          throw new DocumentException(DocumentErrorReason.FILE_TOO_LARGE, `The file is larger than ${maxBytes} bytes`, { limit: maxBytes });
        }
        hash.update(chunk);
        if (head) {
          head.push(chunk);
          headLength += chunk.length;
          if (headLength < SNIFF_BYTES) continue;
          const first = Buffer.concat(head);
          head = null;
          sniffed = decideType(first);
          await write(out, first);
        } else {
          await write(out, chunk);
        }
      }
      if (head) {
        const first = Buffer.concat(head);
        if (first.length === 0) throw new DocumentException(DocumentErrorReason.EMPTY_FILE, 'The file is empty');
        sniffed = decideType(first);
        await write(out, first);
      }
      out.end();
      if (!out.closed) await once(out, 'close');
      if (writeError) throw writeError;
      return { tempPath, sha256: hash.digest('hex'), bytes, sniffed: sniffed! };
    } catch (error) {
      await discard(out, tempPath);
      throw storageError(error);
    }
  }

  /**
   * Removes temporary files of uploads that were cut off (the process was killed mid-upload): files
   * not written to for `idleMs`. An upload in progress writes with every chunk, so it is left alone
   * even when another process shares the data directory. Returns the names removed.
   */
  async removeStaleUploads(idleMs = STALE_UPLOAD_MS, now = Date.now()): Promise<string[]> {
    const names = await readdir(this.tempDir).catch(() => [] as string[]);
    const removed: string[] = [];
    for (const name of names.filter((n) => n.startsWith('upload-'))) {
      const path = join(this.tempDir, name);
      const info = await stat(path).catch(() => null);
      if (info?.isFile() && now - info.mtimeMs > idleMs) {
        await unlink(path).catch(() => undefined);
        removed.push(name);
      }
    }
    return removed;
  }

  /** Removes a temporary file of `receive` that will not be committed. */
  async abandon(received: ReceivedBlob): Promise<void> {
    await unlink(received.tempPath).catch(() => undefined);
  }
}

/** The store in a directory: `<dataDir>/blobs/<aa>/<sha256>`, where `aa` is the first two hex digits. */
export class LocalBlobStore extends BlobStore {
  readonly root: string;

  constructor(dataDir: string) {
    super(dataDir);
    this.root = join(dataDir, 'blobs');
  }

  pathOf(sha256: string): string {
    if (!SHA256_HEX.test(sha256)) throw new Error(`Not a sha256 digest: ${sha256}`);
    return join(this.root, sha256.slice(0, 2), sha256);
  }

  /**
   * Links the received file into place (atomically; the first writer of a digest wins).
   */
  override async commit(received: ReceivedBlob): Promise<boolean> {
    const target = this.pathOf(received.sha256);
    await mkdir(join(this.root, received.sha256.slice(0, 2)), { recursive: true });
    try {
      // link() never replaces an existing file: the first writer of a digest wins, atomically
      await chmod(received.tempPath, 0o444);
      await link(received.tempPath, target);
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw storageError(error);
    } finally {
      await unlink(received.tempPath).catch(() => undefined);
    }
  }

  override async remove(sha256: string): Promise<void> {
    await unlink(this.pathOf(sha256)).catch(() => undefined);
  }

  override async exists(sha256: string): Promise<boolean> {
    try {
      return (await stat(this.pathOf(sha256))).isFile();
    } catch {
      return false;
    }
  }

  override read(sha256: string): Promise<Buffer> {
    return readFile(this.pathOf(sha256));
  }

  override async stream(sha256: string): Promise<Readable> {
    return createReadStream(this.pathOf(sha256));
  }

  override async *list(): AsyncIterable<string> {
    if (!existsSync(this.root)) return;
    for (const dir of (await readdir(this.root)).sort()) {
      for (const name of (await readdir(join(this.root, dir))).sort()) if (SHA256_HEX.test(name)) yield name;
    }
  }
}

function decideType(first: Buffer): SniffResult {
  const sniffed = sniffType(first);
  if (!sniffed) {
    throw new DocumentException(DocumentErrorReason.UNSUPPORTED_TYPE, 'The file is not a PDF, Word document, text, HTML or image');
  }
  return sniffed;
}

async function write(out: WriteStream, chunk: Buffer): Promise<void> {
  if (out.destroyed) throw new Error('The temporary file could not be written');
  // once() rejects when the stream emits 'error' while waiting
  if (!out.write(chunk)) await once(out, 'drain');
}

async function discard(out: WriteStream, path: string): Promise<void> {
  if (!out.closed) {
    out.destroy();
    await once(out, 'close').catch(() => undefined);
  }
  await unlink(path).catch(() => undefined);
}

/** Lowercase hex sha256 of a buffer. */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
