import type { Anchor, PartyValue, SentenceValue, SlotValues, Template } from '../types.js';
import { STANDARD_SLOTS, isStandardSlotKey, type StandardSlotKey } from './standard.js';

/** The case as the court records it (independent of any storage model). */
export interface CaseRecordInput {
  docketNumber: string;
  title: string;
  court: string;
  caseType?: string;
  /** YYYY-MM-DD */
  filedDate?: string;
  parties?: Array<{ name: string; role: string; counsel?: string | null }>;
  /** Name of the presiding or assigned judge. */
  judge?: string;
}

/** A span of a case document that supports a value (UTF-16 offsets into the document's text). */
export interface SourceSpanInput {
  documentId?: string;
  start: number;
  end: number;
  /** The document text at [start, end), when known. */
  text?: string;
  page?: number;
}

/**
 * The parts of a case brief that drafting uses, each with the spans it was found at. The shape is the one
 * `buildBrief` of @amicus/legal-nlp returns (a `CaseBrief` can be passed as it is); other fields are ignored.
 */
export interface BriefInput {
  /** Sentences that state the questions for decision. */
  issues?: Array<{ value: string; sources: SourceSpanInput[] }>;
  /** Dated events, each with the sentence it occurs in. */
  timeline?: Array<{ date: string; event: string; sources: SourceSpanInput[] }>;
  /** Cases cited in the documents, with every citation given for each and where they are cited. */
  authorities?: Array<{ caseName?: string; citations: string[]; citedAt: SourceSpanInput[] }>;
}

export interface SummarySentenceInput {
  text: string;
  start: number;
  end: number;
  /** Falls back to the summary's own documentId. */
  documentId?: string;
  page?: number;
  /** Source paragraph index: consecutive sentences of one source paragraph form one draft paragraph. */
  paragraph?: number;
}

export interface SummaryInput {
  /** The summarized document, for sentences that do not name one. */
  documentId?: string;
  sentences: SummarySentenceInput[];
}

export interface CaseInput {
  caseRecord: CaseRecordInput;
  brief?: BriefInput;
  summary?: SummaryInput;
}

function anchor(span: SourceSpanInput, fallbackDocumentId: string | undefined, quote: string | undefined): Anchor | undefined {
  const documentId = span.documentId ?? fallbackDocumentId;
  if (!documentId) return undefined;
  const a: Anchor = { documentId, start: span.start, end: span.end };
  if (span.page !== undefined) a.page = span.page;
  if (quote !== undefined) a.quote = quote;
  return a;
}

/** Machine-made sentences from brief items; each span becomes an anchor (quoting the span when it differs). */
function briefSentences(items: Array<{ text: string; spans: SourceSpanInput[] }>): SentenceValue[] | undefined {
  if (items.length === 0) return undefined;
  return items.map((item) => {
    const anchors = item.spans
      .map((s) => anchor(s, undefined, s.text !== undefined && s.text !== item.text ? s.text : undefined))
      .filter((a): a is Anchor => a !== undefined);
    return anchors.length > 0 ? { text: item.text, origin: 'machine', anchors } : { text: item.text, origin: 'machine' };
  });
}

/** "Caparo Industries plc v Dickman [1990] 2 AC 605; [1990] 1 All ER 568" */
function authorityText(a: { caseName?: string; citations: string[] }): string {
  return [a.caseName, a.citations.join('; ')].filter((p) => p !== undefined && p !== '').join(' ');
}

/** Every standard value the case, brief and summary provide (see STANDARD_SLOTS). */
export function standardSlotValues(input: CaseInput): Partial<Record<StandardSlotKey, SlotValues[string]>> {
  const { caseRecord: c, brief, summary } = input;
  const out: Partial<Record<StandardSlotKey, SlotValues[string]>> = {
    courtName: c.court,
    caseNumber: c.docketNumber,
    caseTitle: c.title,
    caseType: c.caseType,
    filedDate: c.filedDate,
    judgeName: c.judge,
  };
  if (c.parties && c.parties.length > 0) {
    out.parties = c.parties.map((p) => {
      const party: PartyValue = { name: p.name, role: p.role };
      if (p.counsel) party.counsel = p.counsel;
      return party;
    });
  }
  if (summary && summary.sentences.length > 0) {
    out.background = summary.sentences.map((s) => {
      const item: SentenceValue = { text: s.text, origin: 'machine' };
      const a = anchor(s, summary.documentId, undefined);
      if (a) item.anchors = [a];
      if (s.paragraph !== undefined) item.group = s.paragraph;
      return item;
    });
  }
  out.issues = briefSentences((brief?.issues ?? []).map((i) => ({ text: i.value, spans: i.sources })));
  // One sentence per event; an event sentence holding several dates is kept once.
  const events = new Map<string, SourceSpanInput[]>();
  for (const e of brief?.timeline ?? []) if (!events.has(e.event)) events.set(e.event, e.sources);
  out.timeline = briefSentences([...events].map(([text, spans]) => ({ text, spans })));
  out.authorities = briefSentences(
    (brief?.authorities ?? []).filter((a) => a.citations.length > 0).map((a) => ({ text: authorityText(a), spans: a.citedAt })),
  );
  for (const key of Object.keys(out) as StandardSlotKey[]) if (out[key] === undefined) delete out[key];
  return out;
}

/**
 * Fills slot values from the case record, the brief and the summary. Without a template it returns every
 * standard value by its standard key; with one, the values of that template's non-user slots, by slot name
 * (a slot's `from` names the standard key it takes). Summary and brief sentences are `machine` and keep their
 * source anchors; values supplied by the user are merged on top by the caller.
 */
export function slotsFromCase(input: CaseInput, template?: Template): SlotValues {
  const standard = standardSlotValues(input);
  if (!template) return { ...standard };
  const out: SlotValues = {};
  for (const slot of template.slots) {
    if (slot.source === 'user') continue;
    const key = slot.from ?? slot.name;
    if (isStandardSlotKey(key) && STANDARD_SLOTS[key].type === slot.type && standard[key] !== undefined) out[slot.name] = standard[key];
  }
  return out;
}
