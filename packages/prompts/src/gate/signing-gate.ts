import { PromptsError } from '../errors.js';
import type { Anchor, Draft, Origin } from '../types.js';
import { extractCitations } from './citations.js';

export interface CaseDocumentText {
  documentId: string;
  text: string;
}

export type GateProblemCode = 'ANCHOR_MISSING' | 'DOCUMENT_UNKNOWN' | 'ANCHOR_OUT_OF_RANGE' | 'ANCHOR_MISMATCH' | 'CITATION_NOT_IN_RECORD';

export interface GateProblem {
  code: GateProblemCode;
  message: string;
  anchor?: Anchor;
  citation?: string;
}

/** A sentence that blocks signing, where it stands, and why. */
export interface OffendingSentence {
  section: number;
  sectionId: string;
  paragraph: number;
  sentence: number;
  text: string;
  origin: Origin;
  problems: GateProblem[];
}

export interface SigningGateResult {
  ok: boolean;
  offending: OffendingSentence[];
}

/** Thrown by `assertSigningGate`; carries the offending sentences. Code `UNANCHORED_CONTENT`. */
export class SigningGateError extends PromptsError {
  constructor(readonly offending: OffendingSentence[]) {
    super('UNANCHORED_CONTENT', `${offending.length} sentence(s) block signing: ${offending.map((o) => o.problems[0]?.message).join('; ')}`);
  }
}

/** Compares text ignoring white space runs, typographic quotes and dash variants. */
export function normalizeForMatch(text: string): string {
  return text
    .replace(/[\u2018\u2019\u201B\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201F\u2033]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

function anchorProblem(anchor: Anchor, sentence: string, docs: Map<string, string>): GateProblem | undefined {
  const doc = docs.get(anchor.documentId);
  if (doc === undefined) return { code: 'DOCUMENT_UNKNOWN', message: `anchor names document ${anchor.documentId}, which is not a document of this case`, anchor };
  if (!Number.isInteger(anchor.start) || !Number.isInteger(anchor.end) || anchor.start < 0 || anchor.end <= anchor.start || anchor.end > doc.length) {
    return { code: 'ANCHOR_OUT_OF_RANGE', message: `anchor [${anchor.start}, ${anchor.end}) is outside document ${anchor.documentId} (length ${doc.length})`, anchor };
  }
  const span = normalizeForMatch(doc.slice(anchor.start, anchor.end));
  const matches =
    anchor.quote !== undefined
      ? span === normalizeForMatch(anchor.quote)
      : span !== '' && (normalizeForMatch(sentence).includes(span) || span.includes(normalizeForMatch(sentence)));
  if (!matches) {
    return {
      code: 'ANCHOR_MISMATCH',
      message: `document ${anchor.documentId} at [${anchor.start}, ${anchor.end}) reads "${span.slice(0, 80)}", which does not match the ${anchor.quote !== undefined ? 'anchored quote' : 'sentence'}`,
      anchor,
    };
  }
  return undefined;
}

/**
 * The signing gate: lists every sentence that stops a draft from being approved — a machine-made sentence with
 * no anchor or with an anchor that names an unknown document, lies outside it, or points at text that does not
 * match (the anchor's quote, or else the sentence itself); and any sentence citing a case that occurs in none of
 * the case documents (citations are compared ignoring spacing, punctuation and case).
 */
export function checkSigningGate(draft: Draft, caseDocuments: readonly CaseDocumentText[]): SigningGateResult {
  const docs = new Map(caseDocuments.map((d) => [d.documentId, d.text]));
  const known = new Set(caseDocuments.flatMap((d) => extractCitations(d.text).map((c) => c.key)));
  const offending: OffendingSentence[] = [];
  draft.sections.forEach((section, si) =>
    section.paragraphs.forEach((paragraph, pi) =>
      paragraph.sentences.forEach((s, ti) => {
        const problems: GateProblem[] = [];
        if (s.origin === 'machine') {
          if (!s.anchors || s.anchors.length === 0) problems.push({ code: 'ANCHOR_MISSING', message: 'machine-made sentence has no source anchor' });
          for (const a of s.anchors ?? []) {
            const p = anchorProblem(a, s.text, docs);
            if (p) problems.push(p);
          }
        }
        for (const c of extractCitations(s.text)) {
          if (!known.has(c.key)) {
            problems.push({ code: 'CITATION_NOT_IN_RECORD', message: `citation ${c.text} occurs in no document of this case`, citation: c.text });
          }
        }
        if (problems.length > 0) {
          offending.push({ section: si, sectionId: section.id, paragraph: pi, sentence: ti, text: s.text, origin: s.origin, problems });
        }
      }),
    ),
  );
  return { ok: offending.length === 0, offending };
}

/** Throws SigningGateError (code UNANCHORED_CONTENT) when the gate finds offending sentences. */
export function assertSigningGate(draft: Draft, caseDocuments: readonly CaseDocumentText[]): void {
  const { offending } = checkSigningGate(draft, caseDocuments);
  if (offending.length > 0) throw new SigningGateError(offending);
}
