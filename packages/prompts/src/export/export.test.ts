import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import JSZip from 'jszip';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { caseInput } from '../../test/fixtures.js';
import { builtinTemplatesDir } from '../builtin.js';
import { renderTemplate } from '../render/render.js';
import { slotsFromCase } from '../slots/from-case.js';
import { loadTemplates, type TemplateRegistry } from '../templates/registry.js';
import type { Draft } from '../types.js';
import { disclosureLine, machineAssistedSections } from './disclosure.js';
import { draftToDocx } from './docx.js';
import { draftToPdf } from './pdf.js';

/** The text of each paragraph of a .docx file, read from word/document.xml. */
async function docxParagraphs(buf: Buffer): Promise<string[]> {
  const zip = await JSZip.loadAsync(buf);
  const xml = await zip.file('word/document.xml')!.async('string');
  const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)]
    .map((p) => [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:tab\/>/g)].map((m) => (m[1] === undefined ? '\t' : unescape(m[1]))).join(''))
    .filter((t) => t !== '');
}

const standardFontDataUrl = join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'standard_fonts') + '/';

async function pdfText(buf: Buffer): Promise<{ pages: number; text: string; title: unknown }> {
  const pdf = await getDocument({ data: new Uint8Array(buf), disableFontFace: true, isEvalSupported: false, standardFontDataUrl }).promise;
  const parts: string[] = [];
  for (let i = 1; i <= pdf.numPages; i++) {
    const content = await (await pdf.getPage(i)).getTextContent();
    parts.push(content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join(''));
  }
  const meta = await pdf.getMetadata();
  const pages = pdf.numPages;
  await pdf.destroy();
  return { pages, text: parts.join('\n').replace(/[ \t]+/g, ' '), title: (meta.info as Record<string, unknown>).Title };
}

let registry: TemplateRegistry;
let judgment: Draft;
beforeAll(async () => {
  registry = await loadTemplates(builtinTemplatesDir);
  const template = registry.latest('judgment');
  judgment = renderTemplate(template, {
    ...slotsFromCase(caseInput, template),
    judgmentDate: '2026-03-20',
    reasons: 'I accept the evidence of the Claimant that she reported the handrail in December 2023.',
    disposal: 'claim-allowed',
  });
});

describe('disclosure', () => {
  it('names the sections that hold machine-made sentences', () => {
    expect(machineAssistedSections(judgment)).toEqual([
      { id: 'background', name: 'Background', sentences: 3 },
      { id: 'issues', name: 'Issues', sentences: 2 },
      { id: 'authorities', name: 'Authorities', sentences: 1 },
    ]);
    expect(disclosureLine(judgment)).toBe(
      'Machine-assisted drafting: text drawn by machine from the case documents (6 sentences, each linked to its source) appears in the sections "Background", "Issues" and "Authorities" and was reviewed by the court. Template judgment@1.0.0.',
    );
    expect(disclosureLine(judgment, { disclosure: 'Prepared with Amicus: {sections}.' })).toBe('Prepared with Amicus: the sections "Background", "Issues" and "Authorities".');
    expect(disclosureLine(judgment, { disclosure: false })).toBeUndefined();
    const oneSentence: Draft = { ...judgment, sections: judgment.sections.filter((s) => s.id !== 'background' && s.id !== 'issues') };
    expect(disclosureLine(oneSentence, { disclosure: '{sections}: {sentences} ({count}).' })).toBe('the section "Authorities": 1 sentence (1).');
  });

  it('says when nothing was machine-made', () => {
    const notice = renderTemplate(registry.latest('notice-of-hearing'), {
      ...slotsFromCase(caseInput),
      hearingType: 'the trial',
      hearingDate: '2026-06-15',
      hearingTime: '10:30',
      venue: 'Court 7',
      issueDate: '2026-03-01',
    });
    expect(disclosureLine(notice)).toBe('No part of this document was machine-generated. Template notice-of-hearing@1.0.0.');
    expect(disclosureLine(notice, { disclosureNone: false })).toBeUndefined();
  });
});

describe('draftToDocx', () => {
  it('writes a Word file whose document text holds the heading, numbered paragraphs and the disclosure line', async () => {
    const buf = await draftToDocx(judgment, { court: 'HIGH COURT OF JUSTICE', caseNumber: 'KB-2025-001234' });
    expect(buf.subarray(0, 2).toString()).toBe('PK');
    const paras = await docxParagraphs(buf);
    // The template's caption names the court and the case once; the options do not repeat them above it.
    expect(paras.slice(0, 2)).toEqual(["In the High Court of Justice, King's Bench Division", 'Case No. KB-2025-001234']);
    expect(paras).not.toContain('HIGH COURT OF JUSTICE');
    expect(paras).not.toContain('KB-2025-001234');
    // the template puts the title after the parties, before the first numbered paragraph
    expect(paras.indexOf('Between:')).toBeLessThan(paras.indexOf('JUDGMENT'));
    expect(paras[paras.indexOf('JUDGMENT') - 1]).toBe('Northgate Housing Trust, Defendant');
    expect(paras[paras.indexOf('JUDGMENT') + 1]).toBe('Introduction');
    expect(paras).toContain(
      '2.\tOn 14 January 2024 the Claimant fell on the communal stairway of Orchard Court because a handrail had come away from the wall. The Defendant had been told of the loose handrail on 2 December 2023 and did not repair it.',
    );
    expect(paras).toContain('8.\tCaparo Industries plc v Dickman [1990] 2 AC 605');
    expect(paras).toContain('10.\tFor these reasons the claim is allowed.');
    expect(paras.at(-1)).toBe(disclosureLine(judgment));
    const core = await (await JSZip.loadAsync(buf)).file('docProps/core.xml')!.async('string');
    expect(core).toContain('Template judgment@1.0.0');
  });

  it('prints the court and case number above a draft without a caption, and keeps an edited caption as edited', async () => {
    const bare = { ...judgment, titleAfter: undefined, sections: judgment.sections.filter((s) => s.id !== 'caption') };
    const plain = await docxParagraphs(await draftToDocx(bare, { court: 'UKSC', caseNumber: 'UKSC 2014/0073' }));
    expect(plain.slice(0, 2)).toEqual(['UKSC', 'UKSC 2014/0073']);
    const edited = structuredClone(judgment);
    edited.sections[0].paragraphs[0].sentences[0].text = 'In the Supreme Court of the United Kingdom';
    const paras = await docxParagraphs(await draftToDocx(edited, { court: 'UKSC', caseNumber: 'UKSC 2014/0073' }));
    expect(paras[0]).toBe('In the Supreme Court of the United Kingdom');
    expect(paras).not.toContain('UKSC');
  });

  it('uses a configured disclosure line, or none', async () => {
    const custom = await docxParagraphs(await draftToDocx(judgment, { disclosure: 'AI-assisted: {sections} ({count} sentences).', title: 'Reserved judgment' }));
    expect(custom).toContain('Reserved judgment');
    expect(custom).not.toContain('JUDGMENT');
    expect(custom.at(-1)).toBe('AI-assisted: the sections "Background", "Issues" and "Authorities" (6 sentences).');
    const none = await docxParagraphs(await draftToDocx(judgment, { disclosure: false }));
    expect(none.at(-1)).toBe('20 March 2026');
  });
});

describe('draftToPdf', () => {
  it('writes a PDF whose text holds the heading, numbered paragraphs and the disclosure line', async () => {
    const buf = await draftToPdf(judgment, { court: 'HIGH COURT OF JUSTICE' });
    expect(buf.subarray(0, 5).toString()).toBe('%PDF-');
    const { text, title, pages } = await pdfText(buf);
    expect(title).toBe('JUDGMENT');
    expect(pages).toBeGreaterThanOrEqual(1);
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).not.toContain('HIGH COURT OF JUSTICE');
    expect(flat.match(/High Court of Justice/g)).toHaveLength(1);
    expect(flat).toContain('JUDGMENT');
    expect(flat).toContain('Margaret Ellison, Claimant');
    expect(flat).toContain('On 14 January 2024 the Claimant fell on the communal stairway of Orchard Court');
    expect(flat).toContain('Caparo Industries plc v Dickman [1990] 2 AC 605');
    expect(flat).toContain('For these reasons the claim is allowed.');
    expect(flat).toContain('appears in the sections "Background", "Issues" and "Authorities" and was reviewed by the court.');
    expect(flat.indexOf('Background')).toBeLessThan(flat.indexOf('Issues'));
  });

  it('leaves the disclosure out when configured so', async () => {
    const { text } = await pdfText(await draftToPdf(judgment, { disclosure: false }));
    expect(text).not.toContain('Machine-assisted');
    expect(text.replace(/\s+/g, ' ')).toContain('For these reasons the claim is allowed.');
  });
});
