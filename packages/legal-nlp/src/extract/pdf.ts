import { createRequire } from 'node:module';
import path from 'node:path';
import { getDocument, type PDFDocumentProxy, type PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem } from 'pdfjs-dist/types/src/display/api.js';
import { ExtractionError } from './errors.js';
import type { OcrEngine } from './ocr.js';

const require = createRequire(import.meta.url);
const pdfjsRoot = path.dirname(require.resolve('pdfjs-dist/package.json'));
const STANDARD_FONTS = path.join(pdfjsRoot, 'standard_fonts') + path.sep;
const CMAPS = path.join(pdfjsRoot, 'cmaps') + path.sep;

export interface PdfPageText {
  number: number;
  text: string;
  ocr: boolean;
  confidence?: number;
}

export interface PdfOptions {
  maxPages: number;
  /** Resolution used to render pages that have no text layer before OCR. */
  ocrDpi: number;
  /** When false, pages without a text layer stay empty instead of going through OCR. */
  ocr: boolean;
  deadline: number;
  /** OCR engine for lane `i`; pages without a text layer are read by `ocrWorkers` lanes in parallel. */
  engine: (lane: number) => OcrEngine;
  ocrWorkers: number;
  warnings: string[];
  /** Called before each page is read (again with `ocr: true` before a page goes through OCR). */
  onPage?: (event: PageProgress) => void;
}

/** Progress of a multi-page extraction: page `page` of `pages` is about to be read. */
export interface PageProgress {
  page: number;
  pages: number;
  ocr: boolean;
}

/** Open a PDF with pdf.js, mapping its failures onto extraction error codes. */
export async function openPdf(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  // pdf.js takes ownership of (detaches) the buffer it is given: hand it a copy.
  const task = getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    standardFontDataUrl: STANDARD_FONTS,
    cMapUrl: CMAPS,
    cMapPacked: true,
    verbosity: 0,
    stopAtErrors: false,
  });
  try {
    return await task.promise;
  } catch (err) {
    const name = (err as { name?: string })?.name ?? '';
    const message = (err as Error)?.message ?? String(err);
    if (name === 'PasswordException') {
      throw new ExtractionError('ENCRYPTED_PDF', 'The PDF is protected by a password', { cause: err });
    }
    throw new ExtractionError('CORRUPT_FILE', `The PDF cannot be read: ${message}`, { cause: err });
  }
}

interface Placed {
  str: string;
  x: number;
  y: number;
  size: number;
  width: number;
}

/**
 * Text of one page in reading order: items grouped into lines by baseline, lines top to bottom, items
 * left to right; a gap wider than a space becomes a space, a gap between lines much taller than the
 * line height becomes a blank line (a paragraph break).
 */
export function layoutPageText(items: readonly TextItem[]): string {
  const placed: Placed[] = [];
  for (const item of items) {
    if (!item.str) continue;
    const [a, b, c, d, e, f] = item.transform as number[];
    const size = Math.hypot(c, d) || Math.hypot(a, b) || item.height || 10;
    placed.push({ str: item.str, x: e, y: f, size, width: item.width });
  }
  if (placed.length === 0) return '';
  placed.sort((p, q) => q.y - p.y || p.x - q.x);
  const lines: Placed[][] = [];
  let current: Placed[] = [];
  let lineY = Number.NaN;
  for (const p of placed) {
    if (current.length > 0 && Math.abs(p.y - lineY) <= Math.max(2, p.size * 0.45)) {
      current.push(p);
    } else {
      if (current.length > 0) lines.push(current);
      current = [p];
      lineY = p.y;
    }
  }
  if (current.length > 0) lines.push(current);

  const out: string[] = [];
  let previousY = Number.NaN;
  let previousSize = 0;
  for (const line of lines) {
    line.sort((p, q) => p.x - q.x);
    let text = '';
    let end = Number.NEGATIVE_INFINITY;
    for (const p of line) {
      const gap = p.x - end;
      if (text && gap > p.size * 0.15 && !/\s$/.test(text) && !/^\s/.test(p.str)) text += ' ';
      text += p.str;
      end = p.x + p.width;
    }
    const y = line[0].y;
    const size = Math.max(...line.map((p) => p.size));
    if (out.length > 0) {
      const gap = previousY - y;
      out.push(gap > Math.max(size, previousSize) * 1.9 ? '\n\n' : '\n');
    }
    out.push(text.replace(/[ \t]+$/g, ''));
    previousY = y;
    previousSize = size;
  }
  return out.join('').replace(/[ \t]+\n/g, '\n');
}

interface NodeCanvasContext {
  fillStyle: string;
  fillRect(x: number, y: number, w: number, h: number): void;
  getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray };
}
interface CanvasFactory {
  create(width: number, height: number): { canvas: { width: number; height: number }; context: NodeCanvasContext };
  destroy(entry: unknown): void;
}

/**
 * Render a page at `dpi` to an 8-bit greyscale PGM image (cheaper to hand to OCR than PNG: no
 * compression either way). The canvas comes from pdf.js's own canvas factory: pdf.js in Node draws with
 * the @napi-rs/canvas build it bundles, and a canvas from another build of that native library must not
 * be mixed with it.
 */
async function renderPage(doc: PDFDocumentProxy, page: PDFPageProxy, dpi: number): Promise<Buffer> {
  let scale = dpi / 72;
  const base = page.getViewport({ scale: 1 });
  // Keep the bitmap under ~40 megapixels whatever the page size claims.
  const maxPixels = 40_000_000;
  if (base.width * base.height * scale * scale > maxPixels) scale = Math.sqrt(maxPixels / (base.width * base.height));
  const viewport = page.getViewport({ scale });
  const factory = doc.canvasFactory as CanvasFactory;
  const width = Math.ceil(viewport.width);
  const height = Math.ceil(viewport.height);
  const entry = factory.create(width, height);
  try {
    entry.context.fillStyle = '#ffffff';
    entry.context.fillRect(0, 0, width, height);
    await page.render({ canvas: entry.canvas as never, canvasContext: entry.context as never, viewport }).promise;
    const rgba = entry.context.getImageData(0, 0, width, height).data;
    const header = Buffer.from(`P5\n${width} ${height}\n255\n`, 'latin1');
    const image = Buffer.allocUnsafe(header.length + width * height);
    header.copy(image, 0);
    for (let i = 0, j = 0, o = header.length; i < width * height; i++, j += 4, o++) {
      image[o] = (rgba[j] * 77 + rgba[j + 1] * 150 + rgba[j + 2] * 29) >> 8;
    }
    return image;
  } finally {
    factory.destroy(entry);
  }
}

function checkDeadline(deadline: number): void {
  if (Date.now() > deadline) throw new ExtractionError('TIMEOUT', 'Extraction took longer than the document time limit');
}

/** Text of every page; pages without a text layer are rendered and read by OCR, several pages at a time. */
export async function pdfPages(doc: PDFDocumentProxy, options: PdfOptions): Promise<PdfPageText[]> {
  if (doc.numPages > options.maxPages) {
    throw new ExtractionError('TOO_MANY_PAGES', `The PDF has ${doc.numPages} pages (limit ${options.maxPages})`);
  }
  const pages: PdfPageText[] = [];
  const needOcr: number[] = [];
  for (let number = 1; number <= doc.numPages; number++) {
    checkDeadline(options.deadline);
    options.onPage?.({ page: number, pages: doc.numPages, ocr: false });
    let page: PDFPageProxy;
    try {
      page = await doc.getPage(number);
    } catch (err) {
      throw new ExtractionError('CORRUPT_FILE', `Page ${number} of the PDF cannot be read: ${(err as Error).message}`, { cause: err });
    }
    try {
      const content = await page.getTextContent();
      const text = layoutPageText(content.items.filter((i): i is TextItem => 'str' in i));
      pages.push({ number, text, ocr: false });
      if (text.trim().length === 0 && options.ocr) needOcr.push(number);
    } finally {
      page.cleanup();
    }
  }
  if (needOcr.length === 0) return pages;

  let next = 0;
  let failed = false;
  const lane = async (laneIndex: number): Promise<void> => {
    while (!failed && next < needOcr.length) {
      const number = needOcr[next++];
      checkDeadline(options.deadline);
      options.onPage?.({ page: number, pages: doc.numPages, ocr: true });
      const page = await doc.getPage(number);
      let image: Buffer;
      try {
        image = await renderPage(doc, page, options.ocrDpi);
      } finally {
        page.cleanup();
      }
      checkDeadline(options.deadline);
      const result = await options.engine(laneIndex).recognize(image, `page ${number}`);
      if (result.confidence < 50 && result.text.trim()) {
        options.warnings.push(`Page ${number}: OCR confidence ${Math.round(result.confidence)}%`);
      }
      pages[number - 1] = { number, text: result.text.replace(/[ \t]+\n/g, '\n').trim(), ocr: true, confidence: result.confidence };
    }
  };
  const lanes = Math.max(1, Math.min(options.ocrWorkers, needOcr.length));
  try {
    await Promise.all(
      Array.from({ length: lanes }, (_, i) =>
        lane(i).catch((err: unknown) => {
          failed = true;
          throw err;
        }),
      ),
    );
  } catch (err) {
    failed = true;
    throw err;
  }
  return pages;
}
