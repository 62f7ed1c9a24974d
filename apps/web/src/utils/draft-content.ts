// The structured content of a draft version (DraftVersion.content, JSON text) as editable paragraphs.

export type SentenceOrigin = 'record' | 'machine' | 'human';

export interface DraftAnchorView {
  documentId: string;
  start: number;
  end: number;
  page?: number;
}

export interface DraftSentenceView {
  text: string;
  origin: SentenceOrigin;
  anchors: DraftAnchorView[];
}

export interface DraftParagraphView {
  /** Index of the section in the draft (as `ParagraphEditInput.section`). */
  section: number;
  /** Index of the paragraph in its section (as `ParagraphEditInput.paragraph`). */
  paragraph: number;
  number?: number;
  sentences: DraftSentenceView[];
  /** The paragraph as one editable text: its sentences joined by a space. */
  text: string;
}

export interface DraftSectionView {
  index: number;
  id: string;
  heading?: string;
  paragraphs: DraftParagraphView[];
}

export interface DraftContentView {
  title: string;
  sections: DraftSectionView[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function origin(value: unknown): SentenceOrigin {
  return value === 'machine' || value === 'human' ? value : 'record';
}

/** Reads DraftVersion.content; throws a plain Error when it is not a draft. */
export function parseDraftContent(json: string): DraftContentView {
  const raw: unknown = JSON.parse(json);
  if (!isRecord(raw) || !Array.isArray(raw.sections)) throw new Error('The draft content is not a structured draft.');
  const sections = raw.sections.map((s: unknown, sectionIndex): DraftSectionView => {
    const section = isRecord(s) ? s : {};
    const paragraphs = (Array.isArray(section.paragraphs) ? section.paragraphs : []).map((p: unknown, paragraphIndex): DraftParagraphView => {
      const para = isRecord(p) ? p : {};
      const sentences = (Array.isArray(para.sentences) ? para.sentences : []).map((t: unknown): DraftSentenceView => {
        const sentence = isRecord(t) ? t : {};
        const anchors = (Array.isArray(sentence.anchors) ? sentence.anchors : []).filter(isRecord).map((a) => ({
          documentId: String(a.documentId ?? ''),
          start: Number(a.start ?? 0),
          end: Number(a.end ?? 0),
          ...(typeof a.page === 'number' ? { page: a.page } : {}),
        }));
        return { text: String(sentence.text ?? ''), origin: origin(sentence.origin), anchors };
      });
      return {
        section: sectionIndex,
        paragraph: paragraphIndex,
        ...(typeof para.number === 'number' ? { number: para.number } : {}),
        sentences,
        text: sentences.map((t) => t.text).join(' '),
      };
    });
    return {
      index: sectionIndex,
      id: String(section.id ?? `section-${sectionIndex}`),
      ...(typeof section.heading === 'string' && section.heading !== '' ? { heading: section.heading } : {}),
      paragraphs,
    };
  });
  return { title: typeof raw.title === 'string' ? raw.title : '', sections };
}

export interface ParagraphEdit {
  section: number;
  paragraph: number;
  text: string;
}

/**
 * The paragraphs whose text changed (whitespace-normalised), last first: an edit that removes a paragraph
 * then never shifts the position of another edit in the same request.
 */
export function changedParagraphs(content: DraftContentView, edited: ReadonlyMap<string, string>): ParagraphEdit[] {
  const edits: ParagraphEdit[] = [];
  for (const section of content.sections) {
    for (const p of section.paragraphs) {
      const value = edited.get(paragraphKey(p));
      if (value === undefined) continue;
      if (normalise(value) !== normalise(p.text)) edits.push({ section: p.section, paragraph: p.paragraph, text: value.trim() });
    }
  }
  return edits.sort((a, b) => b.section - a.section || b.paragraph - a.paragraph);
}

export function paragraphKey(p: { section: number; paragraph: number }): string {
  return `${p.section}:${p.paragraph}`;
}

function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Machine-made sentences of a draft, for the signing-gate overview. */
export function countMachineSentences(content: DraftContentView): number {
  let n = 0;
  for (const s of content.sections) for (const p of s.paragraphs) for (const t of p.sentences) if (t.origin === 'machine') n++;
  return n;
}

export interface GateProblemView {
  code: string;
  message: string;
}

export interface OffendingSentenceView {
  section: number | null;
  paragraph: number | null;
  sentence: number | null;
  text: string;
  origin: string;
  problems: GateProblemView[];
}

/** Reads `extensions.offending` of an UNANCHORED_CONTENT answer. */
export function parseOffending(value: unknown): OffendingSentenceView[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isRecord).map((o) => ({
    section: typeof o.section === 'number' ? o.section : null,
    paragraph: typeof o.paragraph === 'number' ? o.paragraph : null,
    sentence: typeof o.sentence === 'number' ? o.sentence : null,
    text: String(o.text ?? ''),
    origin: String(o.origin ?? ''),
    problems: (Array.isArray(o.problems) ? o.problems : []).filter(isRecord).map((p) => ({ code: String(p.code ?? ''), message: String(p.message ?? '') })),
  }));
}

const problemExplanations: Record<string, string> = {
  ANCHOR_MISSING: 'This machine-made sentence has no link to a passage of the case documents.',
  DOCUMENT_UNKNOWN: 'The sentence is linked to a document that is not part of this case.',
  ANCHOR_OUT_OF_RANGE: 'The sentence is linked to a passage that lies outside its document’s text.',
  ANCHOR_MISMATCH: 'The linked passage of the document does not say what this sentence says.',
  CITATION_NOT_IN_RECORD: 'The sentence cites an authority that appears in none of the case documents.',
};

/** A plain-language explanation of a signing-gate problem code. */
export function explainGateProblem(problem: GateProblemView): string {
  return problemExplanations[problem.code] ?? problem.message ?? problem.code;
}
