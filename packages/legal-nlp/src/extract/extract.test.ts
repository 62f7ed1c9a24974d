import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { extractText, ExtractionError, sniffType, englishLangPath, type ExtractionErrorCode } from './index.js';
import {
  makeDocx,
  makeJpeg,
  makeManyPagePdf,
  makeMixedPdf,
  makeScannedPdf,
  makeTextImage,
  makeTextPdf,
  makeTiff,
  makeZip,
  makeZipBomb,
} from './testing/documents.js';

async function codeOf(promise: Promise<unknown>): Promise<ExtractionErrorCode | 'resolved' | string> {
  try {
    await promise;
    return 'resolved';
  } catch (err) {
    if (err instanceof ExtractionError) return err.code;
    return `untyped: ${String(err)}`;
  }
}

const OCR_TIMEOUT = 120_000;

// Generating full-page scans and starting OCR workers takes seconds on a busy 2-core machine.
vi.setConfig({ testTimeout: 60_000 });

describe('extractText: born-digital PDF', () => {
  it('reads the text layer with page boundaries kept as offsets', async () => {
    const pdf = await makeTextPdf([
      ['IN THE SUPREME COURT OF INDIA', 'Civil Appeal No. 123 of 2019', 'The appeal is dismissed.'],
      ['Second page. Kesavananda Bharati v State of Kerala AIR 1973 SC 1461.'],
      ['Third page: ORDER ACCORDINGLY.'],
    ]);
    const doc = await extractText(pdf);
    expect(doc.mediaType).toBe('application/pdf');
    expect(doc.pages.map((p) => p.number)).toEqual([1, 2, 3]);
    expect(doc.pages.every((p) => !p.ocr)).toBe(true);
    expect(doc.ocrPages).toBe(0);
    const [p1, p2, p3] = doc.pages.map((p) => doc.text.slice(p.start, p.end));
    expect(p1).toContain('IN THE SUPREME COURT OF INDIA');
    expect(p1).toContain('Civil Appeal No. 123 of 2019');
    expect(p1).not.toContain('Second page');
    expect(p2).toBe('Second page. Kesavananda Bharati v State of Kerala AIR 1973 SC 1461.');
    expect(p3).toBe('Third page: ORDER ACCORDINGLY.');
    expect(doc.pages[1].start).toBeGreaterThan(doc.pages[0].end);
  });

  it('keeps reading order: lines top to bottom, paragraphs separated by a blank line', async () => {
    const pdf = await makeTextPdf([['First paragraph of the judgment.', 'Second paragraph follows.']]);
    const doc = await extractText(pdf);
    expect(doc.text).toBe('First paragraph of the judgment.\n\nSecond paragraph follows.');
  });
});

describe('extractText: OCR', () => {
  it('reads a scanned PDF (no text layer) by OCR and flags the page', { timeout: OCR_TIMEOUT }, async () => {
    const pdf = await makeScannedPdf([['IN THE HIGH COURT OF JUSTICE', 'Smith v Jones [2011] UKSC 12', 'The appeal is dismissed.']]);
    const doc = await extractText(pdf);
    expect(doc.pages).toHaveLength(1);
    expect(doc.pages[0].ocr).toBe(true);
    expect(doc.ocrPages).toBe(1);
    expect(doc.text).toContain('HIGH COURT OF JUSTICE');
    expect(doc.text).toMatch(/Smith v\.? Jones \[2011\] UKSC 12/);
    expect(doc.text).toContain('appeal is dismissed');
  });

  it('OCRs only the pages that lack a text layer', { timeout: OCR_TIMEOUT }, async () => {
    const pdf = await makeMixedPdf(['Typed first page of the order.'], ['Scanned exhibit page', 'Invoice total 4,500 dollars']);
    const progress: Array<[number, number, boolean]> = [];
    const doc = await extractText(pdf, { onPage: (e) => progress.push([e.page, e.pages, e.ocr]) });
    expect(progress).toEqual([
      [1, 2, false],
      [2, 2, false],
      [2, 2, true],
    ]);
    expect(doc.pages.map((p) => p.ocr)).toEqual([false, true]);
    expect(doc.text.slice(doc.pages[0].start, doc.pages[0].end)).toBe('Typed first page of the order.');
    expect(doc.text.slice(doc.pages[1].start, doc.pages[1].end)).toContain('Scanned exhibit page');
  });

  it('reads PNG, JPEG and TIFF images', { timeout: OCR_TIMEOUT }, async () => {
    const lines = ['Notice of hearing', 'Case number 2024 CV 118'];
    const png = makeTextImage(lines, { width: 1600, height: 400, fontSize: 40 });
    for (const [bytes, type] of [
      [png, 'image/png'],
      [makeJpeg(lines), 'image/jpeg'],
      [makeTiff(lines), 'image/tiff'],
    ] as const) {
      const doc = await extractText(bytes);
      expect(doc.mediaType).toBe(type);
      expect(doc.pages).toEqual([{ number: 1, start: 0, end: doc.text.length, ocr: true }]);
      expect(doc.text).toContain('Notice of hearing');
      expect(doc.text).toContain('2024 CV 118');
    }
  });

  it('uses the English model shipped in @tesseract.js-data/eng, not the network', () => {
    const dir = englishLangPath();
    expect(dir).toContain(path.join('node_modules', '@tesseract.js-data', 'eng'));
    expect(existsSync(path.join(dir, 'eng.traineddata.gz'))).toBe(true);
  });

  it('stops OCR that runs past the per-page limit with TIMEOUT', { timeout: OCR_TIMEOUT }, async () => {
    const pdf = await makeScannedPdf([['A page that takes longer than a millisecond to read']]);
    expect(await codeOf(extractText(pdf, { ocrPageTimeoutMs: 1 }))).toBe('TIMEOUT');
  });

  it('leaves pages without a text layer empty when OCR is off', async () => {
    const pdf = await makeMixedPdf(['Typed page.'], ['Scanned page']);
    const doc = await extractText(pdf, { ocr: false });
    expect(doc.text.trim()).toBe('Typed page.');
    expect(doc.text.slice(doc.pages[0].start, doc.pages[0].end)).toBe('Typed page.');
    expect(doc.pages[1]).toMatchObject({ number: 2, ocr: false });
    expect(doc.pages[1].start).toBe(doc.pages[1].end);
  });
});

describe('extractText: Word, HTML and text', () => {
  it('reads a DOCX document', async () => {
    const docx = await makeDocx('Smith v Jones', ['The claimant seeks damages of £25,000.', 'Hearing on 3 March 2024.']);
    const doc = await extractText(docx);
    expect(doc.mediaType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(doc.text).toBe('Smith v Jones\n\nThe claimant seeks damages of £25,000.\n\nHearing on 3 March 2024.');
    expect(doc.pages).toEqual([{ number: 1, start: 0, end: doc.text.length, ocr: false }]);
  });

  it('reads HTML with block elements on their own lines and scripts dropped', async () => {
    const html = Buffer.from(
      '<!DOCTYPE html><html><head><title>t</title><style>p{color:red}</style></head><body>' +
        '<h1>R v Brown</h1><p>The appeal &amp; the cross-appeal.<br>Heard 1 May.</p><script>alert(1)</script>' +
        '<ul><li>First</li><li>Second</li></ul></body></html>',
    );
    const doc = await extractText(html);
    expect(doc.mediaType).toBe('text/html');
    expect(doc.text).toBe('R v Brown\n\nThe appeal & the cross-appeal.\nHeard 1 May.\n\nFirst\n\nSecond');
  });

  it('decodes UTF-8, UTF-16 with a byte-order mark and Latin-1 text', async () => {
    const text = 'Müller v Société Générale — £1,000\r\nSecond line';
    const utf8 = await extractText(Buffer.from(text, 'utf8'));
    expect(utf8.text).toBe('Müller v Société Générale — £1,000\nSecond line');
    const utf16 = await extractText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    expect(utf16.text).toBe(utf8.text);
    const latin1 = await extractText(Buffer.from('Müller v Société, £1,000', 'latin1'));
    expect(latin1.text).toBe('Müller v Société, £1,000');
    expect(latin1.mediaType).toBe('text/plain');
  });
});

describe('extractText: bad input gets a typed error', () => {
  it('refuses binary data and non-Word archives as UNSUPPORTED_TYPE', async () => {
    const binary = Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00, 0x00, 0x03]);
    expect(await codeOf(extractText(binary))).toBe('UNSUPPORTED_TYPE');
    const zip = makeZip([{ name: 'photos/a.txt', data: Buffer.from('hello') }]);
    expect(await codeOf(extractText(zip))).toBe('UNSUPPORTED_TYPE');
    const gif = Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1');
    expect(await codeOf(extractText(gif))).toBe('UNSUPPORTED_TYPE');
  });

  it('reports a corrupt PDF and a truncated DOCX as CORRUPT_FILE', async () => {
    const corrupt = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R >>\ngarbage without xref or trailer\n');
    expect(await codeOf(extractText(corrupt))).toBe('CORRUPT_FILE');
    const docx = await makeDocx('Title', ['Body']);
    expect(await codeOf(extractText(docx.subarray(0, Math.floor(docx.length / 2))))).toBe('CORRUPT_FILE');
  });

  it('reports a password-protected PDF as ENCRYPTED_PDF', async () => {
    const pdf = await makeTextPdf([['Sealed order']], { userPassword: 'secret' });
    expect(await codeOf(extractText(pdf))).toBe('ENCRYPTED_PDF');
  });

  it('refuses a PDF with more pages than the limit as TOO_MANY_PAGES (default limit 2000)', { timeout: 60_000 }, async () => {
    const pdf = await makeManyPagePdf(12);
    expect(await codeOf(extractText(pdf, { maxPages: 10 }))).toBe('TOO_MANY_PAGES');
    expect((await extractText(pdf)).pages).toHaveLength(12);
    const huge = await makeManyPagePdf(2001);
    expect(await codeOf(extractText(huge))).toBe('TOO_MANY_PAGES');
  });

  it('refuses DOCX zip bombs: high compression ratio, lying headers, too many entries', async () => {
    expect(await codeOf(extractText(makeZipBomb(50 * 1024 * 1024)))).toBe('ZIP_BOMB');
    expect(await codeOf(extractText(makeZipBomb(4 * 1024 * 1024, { lie: true }), { maxCompressionRatio: 1e9 }))).toBe('ZIP_BOMB');
    expect(await codeOf(extractText(makeZipBomb(2 * 1024 * 1024), { maxUncompressedBytes: 1024 * 1024, maxCompressionRatio: 1e9 }))).toBe('ZIP_BOMB');
    const many = makeZip([
      { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
      ...Array.from({ length: 5001 }, (_, i) => ({ name: `word/media/${i}.xml`, data: Buffer.from('x') })),
    ]);
    expect(await codeOf(extractText(many))).toBe('ZIP_BOMB');
  });

  it('refuses input over maxBytes as TOO_LARGE before reading it', async () => {
    expect(await codeOf(extractText(Buffer.alloc(2048, 0x61), { maxBytes: 1024 }))).toBe('TOO_LARGE');
  });

  it('stops a document that runs past its time limit with TIMEOUT', { timeout: 60_000 }, async () => {
    const pdf = await makeManyPagePdf(400);
    expect(await codeOf(extractText(pdf, { timeoutMs: 5 }))).toBe('TIMEOUT');
  });

  it('reports documents without text as EMPTY', async () => {
    expect(await codeOf(extractText(new Uint8Array(0)))).toBe('EMPTY');
    expect(await codeOf(extractText(Buffer.from('  \n\t \n')))).toBe('EMPTY');
    const scanned = await makeScannedPdf([['Only an image']]);
    expect(await codeOf(extractText(scanned, { ocr: false }))).toBe('EMPTY');
  });
});

describe('sniffType', () => {
  it('decides the type from the first bytes, not the name', async () => {
    expect(sniffType(Buffer.from('%PDF-1.4\n'))?.kind).toBe('pdf');
    expect(sniffType((await makeDocx('T', ['b'])).subarray(0, 512))?.kind).toBe('docx');
    expect(sniffType(makeTextImage(['x'], { width: 50, height: 50 }).subarray(0, 16))?.kind).toBe('png');
    expect(sniffType(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))?.kind).toBe('jpeg');
    expect(sniffType(Buffer.from([0x49, 0x49, 0x2a, 0x00]))?.kind).toBe('tiff');
    expect(sniffType(Buffer.from('<!doctype html><p>x</p>'))?.kind).toBe('html');
    expect(sniffType(Buffer.from('Plain text of an order'))?.kind).toBe('text');
    expect(sniffType(Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03]))).toBeNull();
    expect(sniffType(new Uint8Array(0))).toBeNull();
  });
});
