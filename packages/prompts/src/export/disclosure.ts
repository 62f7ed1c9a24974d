import { templateRef } from '../templates/registry.js';
import type { Draft, DraftSection } from '../types.js';

export interface ExportOptions {
  /** Printed as the document title instead of the draft's own title. */
  title?: string;
  /** Printed above the title (for example the court's name) when the draft has no caption of its own. */
  court?: string;
  /** Printed under the court's name when the draft has no caption of its own. */
  caseNumber?: string;
  /**
   * The disclosure line printed at the end when the draft contains machine-made sentences; false prints none.
   * Placeholders: {sections} ('the sections "A", "B" and "C"'), {count} (number of machine-made sentences),
   * {sentences} ("1 sentence", "3 sentences"), {template} (id@version).
   */
  disclosure?: string | false;
  /** The line printed when the draft has no machine-made sentence; false prints none. Same placeholders. */
  disclosureNone?: string | false;
  /** Document metadata: who produced the file. */
  author?: string;
  /** PDF only: a TrueType/OpenType font file to embed (needed for scripts outside Latin-1); else Times. */
  fontPath?: string;
  /** PDF only: bold face to go with `fontPath`. */
  boldFontPath?: string;
}

export const DEFAULT_DISCLOSURE =
  'Machine-assisted drafting: text drawn by machine from the case documents ({sentences}, each linked to its source) appears in {sections} and was reviewed by the court. Template {template}.';
export const DEFAULT_DISCLOSURE_NONE = 'No part of this document was machine-generated. Template {template}.';

function sectionName(s: DraftSection): string {
  if (s.heading) return s.heading.replace(/[:.]+$/, '');
  const words = s.id.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Sections that hold at least one machine-made sentence, with their names and machine-made sentence counts. */
export function machineAssistedSections(draft: Draft): Array<{ id: string; name: string; sentences: number }> {
  return draft.sections
    .map((s) => ({
      id: s.id,
      name: sectionName(s),
      sentences: s.paragraphs.reduce((n, p) => n + p.sentences.filter((t) => t.origin === 'machine').length, 0),
    }))
    .filter((s) => s.sentences > 0);
}

/**
 * The lines printed above the draft: the court and case number from the options, but only for a draft
 * without a caption of its own (`titleAfter`). A caption carries them already, as the court edited it.
 */
export function headerLines(draft: Draft, opts: Pick<ExportOptions, 'court' | 'caseNumber'> = {}): { court?: string; caseNumber?: string } {
  if (draft.titleAfter) return {};
  return { ...(opts.court ? { court: opts.court } : {}), ...(opts.caseNumber ? { caseNumber: opts.caseNumber } : {}) };
}

/** The disclosure line for a draft under the given options, or undefined when none is to be printed. */
export function disclosureLine(draft: Draft, opts: Pick<ExportOptions, 'disclosure' | 'disclosureNone'> = {}): string | undefined {
  const sections = machineAssistedSections(draft);
  const pattern = sections.length > 0 ? (opts.disclosure ?? DEFAULT_DISCLOSURE) : (opts.disclosureNone ?? DEFAULT_DISCLOSURE_NONE);
  if (pattern === false) return undefined;
  const names = sections.map((s) => `"${s.name}"`);
  const list = names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
  const label = sections.length === 1 ? `the section ${list}` : `the sections ${list}`;
  const count = sections.reduce((n, s) => n + s.sentences, 0);
  return pattern
    .replaceAll('{sections}', label)
    .replaceAll('{count}', String(count))
    .replaceAll('{sentences}', `${count} sentence${count === 1 ? '' : 's'}`)
    .replaceAll('{template}', templateRef({ id: draft.templateId, version: draft.templateVersion }));
}
