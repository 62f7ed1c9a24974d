import type { IncomingMessage } from 'node:http';
import busboy from 'busboy';
import type { BlobStore, ReceivedBlob } from './blob-store.js';
import { DocumentErrorReason, DocumentException } from './documents.exception.js';

/** What a multipart upload carried: the received file (not yet stored) and the text fields. */
export interface ParsedUpload {
  file: ReceivedBlob;
  fileName: string;
  fields: Record<string, string>;
}

const MAX_FIELDS = 10;
const MAX_FIELD_BYTES = 4096;
/** Room for part headers and text fields around the file in a multipart body. */
export const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

const invalid = (message: string) => new DocumentException(DocumentErrorReason.INVALID_UPLOAD, message);

/**
 * Reads a `multipart/form-data` request with exactly one file part, streaming the file into the blob
 * store's temporary area (hashing and type-checking as it arrives). Rejects as soon as the file
 * passes `maxBytes`, without reading the rest of the body; on any failure nothing is left behind.
 */
export function parseUpload(req: IncomingMessage, store: BlobStore, maxBytes: number): Promise<ParsedUpload> {
  const type = req.headers['content-type'] ?? '';
  if (!/^multipart\/form-data\s*;/i.test(type)) {
    return Promise.reject(invalid('The request must be multipart/form-data with one file part'));
  }
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes + MULTIPART_OVERHEAD_BYTES) {
    return Promise.reject(
      new DocumentException(DocumentErrorReason.FILE_TOO_LARGE, `The file is larger than ${maxBytes} bytes`, { limit: maxBytes }),
    );
  }

  return new Promise<ParsedUpload>((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: req.headers,
        // file names are UTF-8 (what browsers and fetch send)
        defParamCharset: 'utf8',
        // one byte more than allowed reaches the store, which then rejects at once
        limits: { files: 1, fields: MAX_FIELDS, fieldSize: MAX_FIELD_BYTES, parts: MAX_FIELDS + 1, fileSize: maxBytes + 1 },
      });
    } catch {
      reject(invalid('Malformed multipart/form-data request'));
      return;
    }
    const fields: Record<string, string> = {};
    let receiving: Promise<ReceivedBlob> | null = null;
    let fileName = '';
    let settled = false;

    const fail = (error: unknown): void => {
      if (settled) return;
      settled = true;
      req.unpipe(parser);
      parser.removeAllListeners();
      parser.on('error', () => undefined);
      parser.destroy();
      // a file already received is removed; one still arriving is removed by the store itself
      if (receiving) void receiving.then((f) => store.abandon(f), () => undefined);
      reject(error);
    };

    parser.on('field', (name, value, info) => {
      if (info.valueTruncated) return fail(invalid(`Field "${name}" is longer than ${MAX_FIELD_BYTES} bytes`));
      fields[name] = value;
    });
    parser.on('file', (_name, stream, info) => {
      if (receiving) {
        stream.resume();
        return fail(invalid('Send exactly one file'));
      }
      fileName = info.filename ?? '';
      // The store reads the stream (and sees its errors) only after an await; a client abort before
      // then must not become an unhandled 'error' event that ends the process.
      stream.on('error', () => undefined);
      receiving = store.receive(stream, maxBytes);
      receiving.catch((error: unknown) => {
        stream.resume();
        fail(error);
      });
    });
    parser.on('filesLimit', () => fail(invalid('Send exactly one file')));
    parser.on('fieldsLimit', () => fail(invalid('Too many fields')));
    parser.on('partsLimit', () => fail(invalid('Too many parts')));
    parser.on('error', () => fail(invalid('Malformed multipart/form-data request')));
    parser.on('close', () => {
      if (settled) return;
      if (!receiving) return fail(invalid('The request has no file part'));
      receiving.then(
        (file) => {
          if (settled) {
            void store.abandon(file);
            return;
          }
          settled = true;
          resolve({ file, fileName, fields });
        },
        (error: unknown) => fail(error),
      );
    });
    req.on('aborted', () => fail(new DocumentException(DocumentErrorReason.UPLOAD_ABORTED, 'The upload was interrupted')));
    req.on('error', () => fail(new DocumentException(DocumentErrorReason.UPLOAD_ABORTED, 'The upload was interrupted')));
    req.pipe(parser);
  });
}
