import type { Alignment, Draft, DraftParagraph } from '../types.js';

/** A paragraph's text: its sentences joined by single spaces. */
export function paragraphText(p: DraftParagraph): string {
  return p.sentences.map((s) => s.text).join(' ');
}

export type DraftBlock =
  | { kind: 'title'; text: string }
  | { kind: 'heading'; text: string; section: number }
  | { kind: 'paragraph'; text: string; number?: number; align?: Alignment; section: number; paragraph: number };

/**
 * The draft in reading order, as the text form and the exports lay it out: the title (at the top, or after the
 * section named by `titleAfter`), then each section's heading and paragraphs.
 */
export function draftBlocks(draft: Draft): DraftBlock[] {
  const blocks: DraftBlock[] = [];
  const after = draft.sections.findIndex((s) => s.id === draft.titleAfter);
  if (after < 0) blocks.push({ kind: 'title', text: draft.title });
  draft.sections.forEach((s, si) => {
    if (s.heading) blocks.push({ kind: 'heading', text: s.heading, section: si });
    s.paragraphs.forEach((p, pi) => {
      const block: DraftBlock = { kind: 'paragraph', text: paragraphText(p), section: si, paragraph: pi };
      if (p.number !== undefined) block.number = p.number;
      if (p.align) block.align = p.align;
      blocks.push(block);
    });
    if (si === after) blocks.push({ kind: 'title', text: draft.title });
  });
  return blocks;
}
