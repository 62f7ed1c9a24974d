import yauzl from 'yauzl';
import mammoth from 'mammoth';
import { ExtractionError } from './errors.js';

export interface ZipLimits {
  /** Largest total uncompressed size of all entries. */
  maxUncompressedBytes: number;
  /** Most entries in the archive. */
  maxEntries: number;
  /** Largest uncompressed/compressed ratio of one entry (checked for entries over 1 MiB uncompressed). */
  maxCompressionRatio: number;
}

interface ZipSummary {
  names: Set<string>;
  totalUncompressed: number;
}

function openZip(bytes: Uint8Array): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
      { lazyEntries: true, validateEntrySizes: true, strictFileNames: false },
      (err, zip) => (err || !zip ? reject(err ?? new Error('no zip')) : resolve(zip)),
    );
  });
}

/**
 * Check a ZIP container before anything inflates it: entry count and declared sizes from the central
 * directory, the compression ratio of each entry, then an inflate pass (yauzl verifies that each entry
 * inflates to exactly its declared size) capped at the declared total, so a lying header is caught too.
 */
export async function inspectZip(bytes: Uint8Array, limits: ZipLimits): Promise<ZipSummary> {
  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(bytes);
  } catch (err) {
    throw new ExtractionError('CORRUPT_FILE', `Not a readable ZIP container: ${(err as Error).message}`, { cause: err });
  }
  if (zip.entryCount > limits.maxEntries) {
    zip.close();
    throw new ExtractionError('ZIP_BOMB', `The archive holds ${zip.entryCount} entries (limit ${limits.maxEntries})`);
  }
  const names = new Set<string>();
  let totalUncompressed = 0;
  return new Promise<ZipSummary>((resolve, reject) => {
    let settled = false;
    const fail = (err: unknown): void => {
      if (settled) return;
      settled = true;
      zip.close();
      if (err instanceof ExtractionError) reject(err);
      else {
        const message = (err as Error)?.message ?? String(err);
        // yauzl reports inflated data larger than declared as "too many bytes in the stream".
        const bomb = /too many bytes/i.test(message);
        reject(new ExtractionError(bomb ? 'ZIP_BOMB' : 'CORRUPT_FILE', `ZIP entry unreadable: ${message}`, { cause: err }));
      }
    };
    zip.on('error', fail);
    zip.on('end', () => {
      if (settled) return;
      settled = true;
      resolve({ names, totalUncompressed });
    });
    zip.on('entry', (entry: yauzl.Entry) => {
      if (settled) return;
      names.add(entry.fileName);
      totalUncompressed += entry.uncompressedSize;
      if (totalUncompressed > limits.maxUncompressedBytes) {
        fail(new ExtractionError('ZIP_BOMB', `The archive inflates to more than ${limits.maxUncompressedBytes} bytes`));
        return;
      }
      if (
        entry.uncompressedSize > 1024 * 1024 &&
        entry.uncompressedSize / Math.max(1, entry.compressedSize) > limits.maxCompressionRatio
      ) {
        fail(new ExtractionError('ZIP_BOMB', `Entry ${entry.fileName} has a compression ratio over ${limits.maxCompressionRatio}`));
        return;
      }
      if (entry.fileName.endsWith('/')) {
        zip.readEntry();
        return;
      }
      zip.openReadStream(entry, (err, stream) => {
        if (err || !stream) {
          fail(err ?? new Error('no stream'));
          return;
        }
        stream.on('error', fail);
        stream.on('data', () => undefined);
        stream.on('end', () => zip.readEntry());
      });
    });
    zip.readEntry();
  });
}

/** Raw text of a Word (DOCX) document: paragraphs separated by blank lines, as mammoth writes them. */
export async function docxToText(bytes: Uint8Array, limits: ZipLimits): Promise<{ text: string; warnings: string[] }> {
  const zip = await inspectZip(bytes, limits);
  if (!zip.names.has('word/document.xml')) {
    throw new ExtractionError('UNSUPPORTED_TYPE', 'A ZIP archive that is not a Word document');
  }
  try {
    const out = await mammoth.extractRawText({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) });
    return { text: out.value, warnings: out.messages.map((m) => `${m.type}: ${m.message}`) };
  } catch (err) {
    throw new ExtractionError('CORRUPT_FILE', `Word document unreadable: ${(err as Error).message}`, { cause: err });
  }
}
