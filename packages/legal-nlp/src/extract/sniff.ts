/**
 * Content sniffing: the type of a document is decided by its bytes, never by its name.
 * `sniffType` needs only the first few kilobytes, so an upload endpoint can reject early.
 */

export const MEDIA_TYPES = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  text: 'text/plain',
  html: 'text/html',
  png: 'image/png',
  jpeg: 'image/jpeg',
  tiff: 'image/tiff',
} as const;

export type DocumentKind = keyof typeof MEDIA_TYPES;
export type MediaType = (typeof MEDIA_TYPES)[DocumentKind];

export interface SniffResult {
  kind: DocumentKind;
  mediaType: MediaType;
  /**
   * False when the first bytes are not enough to be sure: a ZIP whose first entry does not show it is a
   * Word document (the central directory decides later), or text that might still turn out binary.
   */
  certain: boolean;
}

/** How many leading bytes `sniffType` looks at; pass at least this many when you have them. */
export const SNIFF_BYTES = 8192;

function startsWith(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
  if (bytes.length < offset + signature.length) return false;
  for (let i = 0; i < signature.length; i++) if (bytes[offset + i] !== signature[i]) return false;
  return true;
}

function result(kind: DocumentKind, certain = true): SniffResult {
  return { kind, mediaType: MEDIA_TYPES[kind], certain };
}

/** Index of `%PDF-` within the first 1024 bytes (the PDF specification allows leading junk), or -1. */
export function pdfHeaderOffset(bytes: Uint8Array): number {
  const limit = Math.min(bytes.length - 5, 1024);
  for (let i = 0; i <= limit; i++) {
    if (bytes[i] === 0x25 && bytes[i + 1] === 0x50 && bytes[i + 2] === 0x44 && bytes[i + 3] === 0x46 && bytes[i + 4] === 0x2d) {
      return i;
    }
  }
  return -1;
}

const HTML_START = /^\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title|p|div|h[1-6]|table)[\s>/]/i;

/**
 * True when the bytes look like text: no NUL bytes (outside UTF-16) and few control characters.
 */
export function looksLikeText(bytes: Uint8Array): boolean {
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) return true;
  const n = Math.min(bytes.length, SNIFF_BYTES);
  if (n === 0) return true;
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return false;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) control++;
  }
  return control / n < 0.02;
}

/**
 * Decide the document type from its first bytes. Returns null for anything Amicus does not read
 * (executables, archives other than DOCX, other image formats, binary data).
 */
export function sniffType(firstBytes: Uint8Array): SniffResult | null {
  const b = firstBytes;
  if (b.length === 0) return null;
  if (pdfHeaderOffset(b) >= 0) return result('pdf');
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return result('png');
  if (startsWith(b, [0xff, 0xd8, 0xff])) return result('jpeg');
  if (startsWith(b, [0x49, 0x49, 0x2a, 0x00]) || startsWith(b, [0x4d, 0x4d, 0x00, 0x2a])) return result('tiff');
  if (startsWith(b, [0x50, 0x4b, 0x03, 0x04])) {
    // Local file header: the name of the first entry starts at offset 30.
    const nameLength = b.length >= 30 ? b[26] | (b[27] << 8) : 0;
    const name = new TextDecoder('latin1').decode(b.subarray(30, 30 + nameLength));
    const certain = name === '[Content_Types].xml' || name.startsWith('word/') || name.startsWith('_rels/');
    return result('docx', certain);
  }
  if (!looksLikeText(b)) return null;
  const head = new TextDecoder('utf-8').decode(b.subarray(0, Math.min(b.length, 2048))).replace(/^\uFEFF/, '');
  if (HTML_START.test(head)) return result('html');
  return result('text', b.length >= SNIFF_BYTES);
}
