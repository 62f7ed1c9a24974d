import { availableParallelism } from 'node:os';
import { ExtractionError } from './errors.js';
import { decodeText, cleanText } from './decode.js';
import { docxToText } from './docx.js';
import { htmlToText } from './html.js';
import { OcrEngine } from './ocr.js';
import { openPdf, pdfPages, type PageProgress } from './pdf.js';
import { sniffType, MEDIA_TYPES, type MediaType } from './sniff.js';

export { ExtractionError, EXTRACTION_ERROR_CODES, isExtractionError, type ExtractionErrorCode } from './errors.js';
export { sniffType, SNIFF_BYTES, MEDIA_TYPES, type SniffResult, type DocumentKind, type MediaType } from './sniff.js';
export { englishLangPath } from './ocr.js';
export { layoutPageText, type PageProgress } from './pdf.js';
export { htmlToText } from './html.js';

export interface ExtractedPage {
  /** 1-based page number (a document without pages is one page). */
  number: number;
  /** UTF-16 offsets of the page's text within `ExtractedDocument.text`. */
  start: number;
  end: number;
  /** True when the text of this page was read by OCR from an image. */
  ocr: boolean;
}

export interface ExtractedDocument {
  mediaType: MediaType;
  /** The whole text; pages are separated by a blank line. */
  text: string;
  pages: ExtractedPage[];
  /** Number of pages whose text came from OCR. */
  ocrPages: number;
  warnings: string[];
}

export interface ExtractOptions {
  /** Largest accepted input in bytes (default 100 MiB). */
  maxBytes?: number;
  /** Most pages accepted in a PDF (default 2000). */
  maxPages?: number;
  /** Time allowed for the whole document in milliseconds (default 10 minutes). */
  timeoutMs?: number;
  /** Time allowed for OCR of one page or image in milliseconds (default 60 s). */
  ocrPageTimeoutMs?: number;
  /** Read pages without a text layer, and images, by OCR (default true). */
  ocr?: boolean;
  /** OCR workers (threads) reading pages of one PDF in parallel (default: 2, or 1 on a single-core machine). */
  ocrWorkers?: number;
  /** Rendering resolution for OCR of PDF pages (default 300). */
  ocrDpi?: number;
  /** Working directory for the OCR engine (default: a directory under the OS temp dir). */
  ocrCachePath?: string;
  /** Called before each page of a PDF is read, and again before a page goes through OCR (for progress reports). */
  onPage?: (event: PageProgress) => void;
  /** ZIP (DOCX) limits: total uncompressed bytes (default 256 MiB), entries (default 5000), ratio (default 200). */
  maxUncompressedBytes?: number;
  maxZipEntries?: number;
  maxCompressionRatio?: number;
}

export const DEFAULT_EXTRACT_LIMITS = {
  maxBytes: 100 * 1024 * 1024,
  maxPages: 2000,
  timeoutMs: 10 * 60 * 1000,
  ocrPageTimeoutMs: 60 * 1000,
  ocrDpi: 300,
  maxUncompressedBytes: 256 * 1024 * 1024,
  maxZipEntries: 5000,
  maxCompressionRatio: 200,
} as const;

interface PageText {
  number: number;
  text: string;
  ocr: boolean;
}

function assemble(mediaType: MediaType, pageTexts: PageText[], warnings: string[]): ExtractedDocument {
  const pages: ExtractedPage[] = [];
  let text = '';
  for (const page of pageTexts) {
    const body = cleanText(page.text).replace(/^\n+|\s+$/g, '');
    if (pages.length > 0) text += '\n\n';
    const start = text.length;
    text += body;
    pages.push({ number: page.number, start, end: text.length, ocr: page.ocr });
  }
  if (text.trim().length === 0) {
    throw new ExtractionError('EMPTY', 'The document contains no text');
  }
  return { mediaType, text, pages, ocrPages: pages.filter((p) => p.ocr).length, warnings };
}

async function extract(bytes: Uint8Array, opts: Required<Omit<ExtractOptions, 'ocrCachePath' | 'onPage'>> & Pick<ExtractOptions, 'ocrCachePath' | 'onPage'>, deadline: number, engines: OcrEngine[]): Promise<ExtractedDocument> {
  const sniffed = sniffType(bytes.subarray(0, 8192));
  if (!sniffed) throw new ExtractionError('UNSUPPORTED_TYPE', 'The file is not a PDF, Word document, text, HTML or image');
  const warnings: string[] = [];
  const engine = (lane = 0): OcrEngine => {
    while (engines.length <= lane) engines.push(new OcrEngine({ pageTimeoutMs: opts.ocrPageTimeoutMs, cachePath: opts.ocrCachePath }));
    return engines[lane];
  };
  switch (sniffed.kind) {
    case 'pdf': {
      const doc = await openPdf(bytes);
      try {
        const pages = await pdfPages(doc, {
          maxPages: opts.maxPages,
          ocrDpi: opts.ocrDpi,
          ocr: opts.ocr,
          deadline,
          engine,
          ocrWorkers: opts.ocrWorkers,
          warnings,
          onPage: opts.onPage,
        });
        return assemble(MEDIA_TYPES.pdf, pages, warnings);
      } finally {
        await doc.destroy();
      }
    }
    case 'docx': {
      const out = await docxToText(bytes, {
        maxUncompressedBytes: opts.maxUncompressedBytes,
        maxEntries: opts.maxZipEntries,
        maxCompressionRatio: opts.maxCompressionRatio,
      });
      warnings.push(...out.warnings);
      return assemble(MEDIA_TYPES.docx, [{ number: 1, text: out.text, ocr: false }], warnings);
    }
    case 'html': {
      const { text } = decodeText(bytes);
      return assemble(MEDIA_TYPES.html, [{ number: 1, text: htmlToText(text), ocr: false }], warnings);
    }
    case 'text': {
      const { text } = decodeText(bytes);
      return assemble(MEDIA_TYPES.text, [{ number: 1, text: text.replace(/^\uFEFF/, ''), ocr: false }], warnings);
    }
    case 'png':
    case 'jpeg':
    case 'tiff': {
      if (!opts.ocr) throw new ExtractionError('EMPTY', 'An image has no text unless OCR is enabled');
      const result = await engine().recognize(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'the image');
      if (result.confidence < 50 && result.text.trim()) warnings.push(`OCR confidence ${Math.round(result.confidence)}%`);
      return assemble(sniffed.mediaType, [{ number: 1, text: result.text.trim(), ocr: true }], warnings);
    }
  }
}

/**
 * Turn the bytes of a court document into text with page offsets. The type is decided by content
 * (PDF, DOCX, HTML, plain text, PNG/JPEG/TIFF images); pages without a text layer and images are read
 * by OCR with the bundled English model. Throws `ExtractionError` with a stable `code` for input it
 * refuses; never hangs past `timeoutMs`.
 */
export async function extractText(bytes: Uint8Array, options: ExtractOptions = {}): Promise<ExtractedDocument> {
  const given = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) as ExtractOptions;
  const opts = { ...DEFAULT_EXTRACT_LIMITS, ocr: true, ocrWorkers: Math.min(2, availableParallelism()), ...given };
  if (bytes.byteLength === 0) throw new ExtractionError('EMPTY', 'The file is empty');
  if (bytes.byteLength > opts.maxBytes) {
    throw new ExtractionError('TOO_LARGE', `The file is ${bytes.byteLength} bytes (limit ${opts.maxBytes})`);
  }
  const deadline = Date.now() + opts.timeoutMs;
  const engines: OcrEngine[] = [];
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new ExtractionError('TIMEOUT', `Extraction took longer than ${opts.timeoutMs} ms`)),
      opts.timeoutMs,
    );
  });
  try {
    return await Promise.race([extract(bytes, opts, deadline, engines), timeout]);
  } catch (err) {
    if (err instanceof ExtractionError) throw err;
    throw new ExtractionError('CORRUPT_FILE', `The document cannot be read: ${(err as Error)?.message ?? String(err)}`, { cause: err });
  } finally {
    clearTimeout(timer);
    await Promise.all(engines.map((e) => e.terminate()));
  }
}
