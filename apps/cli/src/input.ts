/**
 * Reading input documents. Plain text is decoded here; other formats (PDF, DOCX) plug in as
 * further readers keyed by the sniffed media type, without touching the commands.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { NotTextError } from '@amicus/inference';

export interface InputDocument {
  file: string;
  /** sha256 of the file's bytes. */
  sha256: string;
  text: string;
}

type Reader = (bytes: Uint8Array) => Promise<string>;

const decoder = new TextDecoder('utf-8', { fatal: true });

/** Plain text: UTF-8 (a BOM is dropped); NUL bytes or invalid UTF-8 mean the file is not text. */
export async function readPlainText(bytes: Uint8Array): Promise<string> {
  if (bytes.includes(0)) throw new NotTextError('the file contains NUL bytes: it is binary, not text');
  try {
    return decoder.decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw new NotTextError('the file is not valid UTF-8 text');
  }
}

/** Raised for a document type this command cannot read yet. */
export class UnsupportedTypeError extends Error {
  readonly code = 'UNSUPPORTED_TYPE';
}

const readers: Record<string, Reader> = {
  'text/plain': readPlainText,
};

const startsWith = (bytes: Uint8Array, magic: string): boolean =>
  bytes.length >= magic.length && [...magic].every((c, i) => bytes[i] === c.charCodeAt(0));

/** Media type by content: PDF and ZIP-based office files by their magic bytes, anything else as text. */
export function sniffMediaType(bytes: Uint8Array): string {
  if (startsWith(bytes, '%PDF-')) return 'application/pdf';
  if (startsWith(bytes, 'PK\x03\x04')) return 'application/zip';
  return 'text/plain';
}

export async function readDocument(file: string): Promise<InputDocument> {
  const bytes = await readFile(file);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const mediaType = sniffMediaType(bytes);
  const reader = readers[mediaType];
  if (!reader) throw new UnsupportedTypeError(`${mediaType} documents are not supported yet; give plain text`);
  return { file, sha256, text: await reader(bytes) };
}
