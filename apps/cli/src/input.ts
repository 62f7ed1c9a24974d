/**
 * Reading input documents. Plain text is decoded strictly here (binary data is refused as NOT_TEXT);
 * PDF, DOCX, HTML and scanned images go through @amicus/legal-nlp's `extractText` (type decided by
 * content, OCR where a page has no text layer).
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { NotTextError } from '@amicus/inference';
import { extractText, sniffType } from '@amicus/legal-nlp';

export interface InputDocument {
  file: string;
  /** sha256 of the file's bytes. */
  sha256: string;
  /** Media type decided from the content. */
  mediaType: string;
  text: string;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/** Plain text: UTF-8 (a BOM is dropped); NUL bytes or invalid UTF-8 mean the file is not text. */
export function readPlainText(bytes: Uint8Array): string {
  if (bytes.includes(0)) throw new NotTextError('the file contains NUL bytes: it is binary, not text');
  try {
    return decoder.decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw new NotTextError('the file is not valid UTF-8 text');
  }
}

export async function readDocument(file: string): Promise<InputDocument> {
  const bytes = await readFile(file);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const type = sniffType(bytes);
  if (bytes.length === 0 || type?.kind === 'text') return { file, sha256, mediaType: 'text/plain', text: readPlainText(bytes) };
  if (type === null) throw new NotTextError('the file is binary data of a type Amicus does not read');
  const extracted = await extractText(bytes);
  return { file, sha256, mediaType: extracted.mediaType, text: extracted.text };
}
