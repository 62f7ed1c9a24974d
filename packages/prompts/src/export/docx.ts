import { AlignmentType, Document, Packer, Paragraph, TextRun } from 'docx';
import { paragraphText } from '../draft/text.js';
import { templateRef } from '../templates/registry.js';
import type { Alignment, Draft } from '../types.js';
import { disclosureLine, type ExportOptions } from './disclosure.js';

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
  if (opts.court) children.push(para(opts.court, { bold: true, align: 'center', after: 60 }));
  if (opts.caseNumber) children.push(para(opts.caseNumber, { align: 'right' }));
  children.push(para(opts.title ?? draft.title, { bold: true, size: 28, align: 'center', after: 240 }));
  for (const section of draft.sections) {
    if (section.heading) children.push(para(section.heading, { bold: true, align: 'left', after: 120 }));
    for (const p of section.paragraphs) {
      const text = paragraphText(p);
      children.push(para(p.number === undefined ? text : `${p.number}.\t${text}`, { align: p.align }));
    }
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
