import PDFDocument from 'pdfkit';
import { draftBlocks } from '../draft/layout.js';
import { templateRef } from '../templates/registry.js';
import type { Alignment, Draft } from '../types.js';
import { disclosureLine, headerLines, type ExportOptions } from './disclosure.js';

/** A PDF (A4, Times or the given font) of the draft, ending with the disclosure line. */
export function draftToPdf(draft: Draft, opts: ExportOptions = {}): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 72, bottom: 72, left: 72, right: 72 },
    info: {
      Title: opts.title ?? draft.title,
      Author: opts.author ?? 'Amicus',
      Subject: `Template ${templateRef({ id: draft.templateId, version: draft.templateVersion })}`,
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const regular = opts.fontPath ?? 'Times-Roman';
  const bold = opts.boldFontPath ?? (opts.fontPath ? opts.fontPath : 'Times-Bold');
  const italic = opts.fontPath ?? 'Times-Italic';
  const write = (text: string, o: { font?: string; size?: number; align?: Alignment | 'justify'; gap?: number; indent?: string } = {}): void => {
    doc.font(o.font ?? regular).fontSize(o.size ?? 12);
    if (o.indent) {
      const x = doc.page.margins.left;
      // Keep a paragraph number with at least two lines of its text.
      if (doc.y + 2 * doc.currentLineHeight(true) > doc.page.height - doc.page.margins.bottom) doc.addPage();
      const y = doc.y;
      doc.text(o.indent, x, y, { lineBreak: false });
      doc.text(text, x + 28, y, { align: 'justify', width: doc.page.width - doc.page.margins.left - doc.page.margins.right - 28 });
      doc.x = x;
    } else {
      doc.text(text, { align: o.align ?? 'justify' });
    }
    doc.moveDown(o.gap ?? 0.6);
  };

  const header = headerLines(draft, opts);
  if (header.court) write(header.court, { font: bold, align: 'center', gap: 0.2 });
  if (header.caseNumber) write(header.caseNumber, { align: 'right' });
  for (const b of draftBlocks(draft)) {
    if (b.kind === 'title') write(opts.title ?? b.text, { font: bold, size: 14, align: 'center', gap: 1 });
    else if (b.kind === 'heading') write(b.text, { font: bold, align: 'left', gap: 0.4 });
    else if (b.number !== undefined) write(b.text, { indent: `${b.number}.` });
    else write(b.text, { align: b.align });
  }
  const disclosure = disclosureLine(draft, opts);
  if (disclosure) write(disclosure, { font: italic, size: 9, align: 'left' });
  doc.end();
  return done;
}
