/**
 * Generators for real test documents (PDF with and without a text layer, DOCX, ZIP bombs, encrypted
 * PDF). Used by the extraction tests and the benchmark; not part of the public API.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import PDFDocument from 'pdfkit';
import { Document, Packer, Paragraph, TextRun, HeadingLevel } from 'docx';

const require = createRequire(import.meta.url);
const fontFile = path.join(path.dirname(require.resolve('pdfjs-dist/package.json')), 'standard_fonts', 'LiberationSans-Regular.ttf');
let fontRegistered = false;

function collect(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

export interface PdfOptions {
  userPassword?: string;
  ownerPassword?: string;
}

/** A born-digital PDF: one entry per page, each page a list of paragraphs set in Helvetica. */
export async function makeTextPdf(pages: string[][], options: PdfOptions = {}): Promise<Buffer> {
  const doc = new PDFDocument({
    autoFirstPage: false,
    size: 'A4',
    margin: 56,
    compress: true,
    info: { Title: 'Amicus test document' },
    ...(options.userPassword ? { userPassword: options.userPassword, ownerPassword: options.ownerPassword ?? 'owner', pdfVersion: '1.7' as const } : {}),
  });
  for (const paragraphs of pages) {
    doc.addPage();
    doc.font('Helvetica').fontSize(11);
    for (const p of paragraphs) {
      doc.text(p, { align: 'left' });
      doc.moveDown(0.8);
    }
  }
  return collect(doc);
}

/** A PNG image of text lines, as a scanner would produce it (black on white, 300 dpi A4 by default). */
export function makeTextImage(lines: string[], options: { width?: number; height?: number; fontSize?: number } = {}): Buffer {
  if (!fontRegistered) {
    GlobalFonts.registerFromPath(fontFile, 'AmicusTestSans');
    fontRegistered = true;
  }
  const width = options.width ?? 2480;
  const height = options.height ?? 3508;
  const fontSize = options.fontSize ?? 44;
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = '#000000';
  ctx.font = `${fontSize}px AmicusTestSans`;
  let y = 240;
  for (const line of lines) {
    ctx.fillText(line, 200, y);
    y += Math.round(fontSize * 1.6);
  }
  return canvas.toBuffer('image/png');
}

/** A "scanned" PDF: every page is one full-page image and the file has no text layer at all. */
export async function makeScannedPdf(pages: string[][]): Promise<Buffer> {
  const doc = new PDFDocument({ autoFirstPage: false, size: 'A4', margin: 0 });
  for (const lines of pages) {
    doc.addPage();
    doc.image(makeTextImage(lines), 0, 0, { width: doc.page.width, height: doc.page.height });
  }
  return collect(doc);
}

/** A PDF whose first page has text and whose second page is a scanned image. */
export async function makeMixedPdf(textParagraphs: string[], scannedLines: string[]): Promise<Buffer> {
  const doc = new PDFDocument({ autoFirstPage: false, size: 'A4', margin: 56 });
  doc.addPage();
  doc.font('Helvetica').fontSize(11);
  for (const p of textParagraphs) {
    doc.text(p);
    doc.moveDown(0.8);
  }
  doc.addPage({ margin: 0 });
  doc.image(makeTextImage(scannedLines), 0, 0, { width: doc.page.width, height: doc.page.height });
  return collect(doc);
}

/** A PDF with `count` pages, each carrying only its page number. */
export async function makeManyPagePdf(count: number): Promise<Buffer> {
  const doc = new PDFDocument({ autoFirstPage: false, size: 'A4', compress: true });
  for (let i = 1; i <= count; i++) {
    doc.addPage();
    doc.fontSize(10).text(`Page ${i}`);
  }
  return collect(doc);
}

/** A Word document with a heading and paragraphs. */
export async function makeDocx(heading: string, paragraphs: string[]): Promise<Buffer> {
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ text: heading, heading: HeadingLevel.HEADING_1 }),
          ...paragraphs.map((p) => new Paragraph({ children: [new TextRun(p)] })),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

export interface ZipEntrySpec {
  name: string;
  data: Buffer;
  /** Uncompressed size written into the headers; defaults to the real size (set it lower to lie). */
  declaredSize?: number;
}

/** A ZIP archive written byte by byte (deflate), so that headers can be made to lie. */
export function makeZip(entries: ZipEntrySpec[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const compressed = deflateRawSync(entry.data, { level: 9 });
    const crc = crc32(entry.data);
    const size = entry.declaredSize ?? entry.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(0, 10);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(0, 12);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, compressed);
    centrals.push(central, name);
    offset += local.length + name.length + compressed.length;
  }
  const centralDir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralDir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, centralDir, end]);
}

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"></Types>';

/** A DOCX-shaped ZIP bomb: `word/document.xml` inflates to `size` bytes of zeros. */
export function makeZipBomb(size: number, options: { lie?: boolean } = {}): Buffer {
  return makeZip([
    { name: '[Content_Types].xml', data: Buffer.from(CONTENT_TYPES) },
    { name: 'word/document.xml', data: Buffer.alloc(size, 0x20), declaredSize: options.lie ? 1024 : undefined },
  ]);
}

/** Raw pixels of a text image, as 8-bit grey. */
function greyPixels(lines: string[], width: number, height: number, fontSize: number): Buffer {
  if (!fontRegistered) {
    GlobalFonts.registerFromPath(fontFile, 'AmicusTestSans');
    fontRegistered = true;
  }
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = '#000000';
  ctx.font = `${fontSize}px AmicusTestSans`;
  let y = Math.round(fontSize * 2);
  for (const line of lines) {
    ctx.fillText(line, Math.round(fontSize * 2), y);
    y += Math.round(fontSize * 1.6);
  }
  const rgba = ctx.getImageData(0, 0, width, height).data;
  const grey = Buffer.alloc(width * height);
  for (let i = 0; i < grey.length; i++) grey[i] = rgba[i * 4];
  return grey;
}

/** An uncompressed single-strip greyscale baseline TIFF of text lines. */
export function makeTiff(lines: string[], width = 1600, height = 400, fontSize = 40): Buffer {
  const pixels = greyPixels(lines, width, height, fontSize);
  const entries: Array<[number, number, number, number]> = [
    // tag, type (3 SHORT, 4 LONG, 5 RATIONAL), count, value
    [256, 4, 1, width],
    [257, 4, 1, height],
    [258, 3, 1, 8],
    [259, 3, 1, 1],
    [262, 3, 1, 1],
    [273, 4, 1, 0], // strip offset, patched below
    [277, 3, 1, 1],
    [278, 4, 1, height],
    [279, 4, 1, pixels.length],
    [282, 5, 1, 0], // x resolution, patched below
    [283, 5, 1, 0],
    [296, 3, 1, 2],
  ];
  const ifdOffset = 8;
  const ifdSize = 2 + entries.length * 12 + 4;
  const rationalOffset = ifdOffset + ifdSize;
  const dataOffset = rationalOffset + 8;
  const header = Buffer.alloc(dataOffset);
  header.write('II', 0, 'latin1');
  header.writeUInt16LE(42, 2);
  header.writeUInt32LE(ifdOffset, 4);
  header.writeUInt16LE(entries.length, ifdOffset);
  entries.forEach(([tag, type, count, value], i) => {
    const at = ifdOffset + 2 + i * 12;
    header.writeUInt16LE(tag, at);
    header.writeUInt16LE(type, at + 2);
    header.writeUInt32LE(count, at + 4);
    if (tag === 273) header.writeUInt32LE(dataOffset, at + 8);
    else if (type === 5) header.writeUInt32LE(rationalOffset, at + 8);
    else if (type === 3) header.writeUInt16LE(value, at + 8);
    else header.writeUInt32LE(value, at + 8);
  });
  header.writeUInt32LE(0, ifdOffset + 2 + entries.length * 12);
  header.writeUInt32LE(300, rationalOffset);
  header.writeUInt32LE(1, rationalOffset + 4);
  return Buffer.concat([header, pixels]);
}

/** A JPEG photo of text lines. */
export function makeJpeg(lines: string[], width = 1600, height = 400, fontSize = 40): Buffer {
  if (!fontRegistered) {
    GlobalFonts.registerFromPath(fontFile, 'AmicusTestSans');
    fontRegistered = true;
  }
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = '#000000';
  ctx.font = `${fontSize}px AmicusTestSans`;
  let y = Math.round(fontSize * 2);
  for (const line of lines) {
    ctx.fillText(line, Math.round(fontSize * 2), y);
    y += Math.round(fontSize * 1.6);
  }
  return canvas.toBuffer('image/jpeg', 92);
}
