import { AlignmentType, Document, Packer, Paragraph, TextRun } from 'docx';
import { draftBlocks } from '../draft/layout.js';
import { templateRef } from '../templates/registry.js';
import type { Alignment, Draft } from '../types.js';
import { disclosureLine, headerLines, type ExportOptions } from './disclosure.js';

const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

function para(text: string, o: { bold?: boolean; italics?: boolean; size?: number; align?: Alignment; after?: number } = {}): Paragraph {
  return new Paragraph({
    alignment: o.align ? ALIGN[o.align] : AlignmentType.JUSTIFIED,
    spacing: { after: o.after ?? 160 },
    children: [new TextRun({ text, bold: o.bold, italics: o.italics, size: o.size ?? 24, font: 'Times New Roman' })],
  });
}

/** A Word (.docx) file of the draft, ending with the disclosure line. */
export async function draftToDocx(draft: Draft, opts: ExportOptions = {}): Promise<Buffer> {
  const children: Paragraph[] = [];
  const header = headerLines(draft, opts);
  if (header.court) children.push(para(header.court, { bold: true, align: 'center', after: 60 }));
  if (header.caseNumber) children.push(para(header.caseNumber, { align: 'right' }));
  for (const b of draftBlocks(draft)) {
    if (b.kind === 'title') children.push(para(opts.title ?? b.text, { bold: true, size: 28, align: 'center', after: 240 }));
    else if (b.kind === 'heading') children.push(para(b.text, { bold: true, align: 'left', after: 120 }));
    else children.push(para(b.number === undefined ? b.text : `${b.number}.\t${b.text}`, { align: b.align }));
  }
  const disclosure = disclosureLine(draft, opts);
  if (disclosure) children.push(para(disclosure, { italics: true, size: 18, align: 'left' }));
  const doc = new Document({
    creator: opts.author ?? 'Amicus',
    title: opts.title ?? draft.title,
    description: `Template ${templateRef({ id: draft.templateId, version: draft.templateVersion })}`,
    sections: [{ properties: {}, children }],
  });
  return Packer.toBuffer(doc);
}
