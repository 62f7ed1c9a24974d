import { extractEntities, type Entity } from '../entities/index.js';
import { segment, type Sentence } from '../segment/index.js';
import type {
  BriefAuthority,
  BriefCourt,
  BriefDocument,
  BriefJudge,
  BriefOptions,
  BriefOutcome,
  BriefParty,
  BriefStatute,
  BriefValue,
  CaseBrief,
  Disposition,
  SourceSpan,
  TimelineEvent,
} from './types.js';

interface AnalysedDocument {
  documentId?: string;
  text: string;
  entities: Entity[];
  sentences: Sentence[];
}

function span(doc: AnalysedDocument, start: number, end: number): SourceSpan {
  const s: SourceSpan = { start, end, text: doc.text.slice(start, end) };
  if (doc.documentId !== undefined) s.documentId = doc.documentId;
  return s;
}

function entitySpan(doc: AnalysedDocument, e: { start: number; end: number }): SourceSpan {
  return span(doc, e.start, e.end);
}

/** The sentence containing `offset` (binary search over sentences in order). */
function sentenceAt(doc: AnalysedDocument, offset: number): Sentence | undefined {
  const list = doc.sentences;
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].end <= offset) lo = mid + 1;
    else if (list[mid].start > offset) hi = mid - 1;
    else return list[mid];
  }
  return undefined;
}

/**
 * Bounds of the line around [start, end), looking at most `reach` characters either way (a document
 * may be one very long line; scanning it whole for every entity would be quadratic).
 */
function lineAround(text: string, start: number, end: number, reach = 400): { start: number; end: number } {
  const from = Math.max(0, start - reach);
  const back = text.slice(from, start).lastIndexOf('\n');
  const ahead = text.slice(end, Math.min(text.length, end + reach)).indexOf('\n');
  return {
    start: back >= 0 ? from + back + 1 : from,
    end: ahead >= 0 ? end + ahead : Math.min(text.length, end + reach),
  };
}

function key(s: string): string {
  return s.toLowerCase().replace(/\b(?:vs?\.?|versus)\b/g, 'v').replace(/[^a-z0-9]+/g, ' ').trim();
}

// ---------------------------------------------------------------- court
const COURT_CODES: Record<string, string> = {
  UKSC: 'Supreme Court of the United Kingdom',
  UKHL: 'House of Lords',
  UKPC: 'Judicial Committee of the Privy Council',
  EWCA: 'Court of Appeal of England and Wales',
  EWHC: 'High Court of England and Wales',
  HCA: 'High Court of Australia',
  FCA: 'Federal Court of Australia',
  FCAFC: 'Full Court of the Federal Court of Australia',
  FMCA: 'Federal Magistrates Court of Australia',
  NSWSC: 'Supreme Court of New South Wales',
  NSWCA: 'New South Wales Court of Appeal',
  VSC: 'Supreme Court of Victoria',
  INSC: 'Supreme Court of India',
};

const LOWER_COURT_CUE = /\b(?:appeal(?:s|ed)?|appeal by special leave|judgment|order|decree|decision|reference|revision|application)\b[^.]{0,120}\bfrom\b|\b(?:of|by|in) the\s*$/i;

function findCourt(docs: AnalysedDocument[]): BriefCourt | null {
  for (const doc of docs) {
    // Courts named near the top, except the court appealed from ("Appeal from the High Court of ...").
    const heading = doc.entities.filter((e) => {
      if (e.type !== 'court' || e.start >= Math.min(1500, doc.text.length / 4 + 200)) return false;
      const bounds = lineAround(doc.text, e.start, e.end);
      const lineStart = bounds.start;
      const line = doc.text.slice(bounds.start, bounds.end);
      // A heading is a short line of its own that starts with the court's name ("IN THE SUPREME COURT OF INDIA").
      const trimmed = line.trim();
      const startsLine = /^(?:in the\s+)?$/i.test(doc.text.slice(lineStart, e.start).trim());
      return trimmed.length <= 150 && startsLine && !LOWER_COURT_CUE.test(doc.text.slice(lineStart, e.start));
    });
    if (heading.length > 0) {
      // The most specific heading mention (the longest name).
      const best = [...heading].sort((a, b) => b.text.length - a.text.length)[0];
      return { name: best.normalized ?? best.text, basis: 'heading', sources: [entitySpan(doc, best)] };
    }
  }
  for (const doc of docs) {
    const own = doc.entities.find((e) => e.type === 'case_citation' && e.form === 'neutral' && e.start < 400);
    const code = own?.reporter?.split(' ')[0];
    if (own && code && COURT_CODES[code]) return { name: COURT_CODES[code], basis: 'citation', sources: [entitySpan(doc, own)] };
  }
  const counts = new Map<string, { name: string; sources: SourceSpan[] }>();
  for (const doc of docs) {
    for (const e of doc.entities) {
      if (e.type !== 'court') continue;
      const k = key(e.text);
      const entry = counts.get(k) ?? { name: e.normalized ?? e.text, sources: [] };
      entry.sources.push(entitySpan(doc, e));
      counts.set(k, entry);
    }
  }
  const top = [...counts.values()].sort((a, b) => b.sources.length - a.sources.length)[0];
  return top ? { name: top.name, basis: 'mentions', sources: top.sources.slice(0, 5) } : null;
}

// ---------------------------------------------------------------- judges
const BENCH_CUE = /\b(?:delivered by|reasons for judgment|honourable justice|judgment of the court|coram|before\s*:|present\s*:|with whom|per curiam|wrote (?:for|the opinion)|delivered the opinion|presid(?:ed|ing))/i;

function findJudges(docs: AnalysedDocument[]): BriefJudge[] {
  const byName = new Map<string, BriefJudge>();
  for (const doc of docs) {
    for (const e of doc.entities) {
      if (e.type !== 'judge') continue;
      const sentence = sentenceAt(doc, e.start);
      const bounds = lineAround(doc.text, e.start, e.end);
      const line = doc.text.slice(bounds.start, bounds.end).trim();
      // On the bench: named on a line of its own ("PATANJALI SASTRI J."), or in a delivery/agreement sentence.
      const ownLine = line.length <= e.text.length + 12;
      const bench = ownLine || (sentence !== undefined && BENCH_CUE.test(sentence.text));
      for (const name of e.names ?? [e.normalized ?? e.text]) {
        const k = key(name).replace(/s$/, '');
        const entry = byName.get(k) ?? { name, bench: false, mentions: 0, sources: [] };
        entry.mentions++;
        entry.bench ||= bench;
        if (entry.sources.length < 10) entry.sources.push(entitySpan(doc, e));
        byName.set(k, entry);
      }
    }
  }
  return [...byName.values()].sort((a, b) => Number(b.bench) - Number(a.bench) || b.mentions - a.mentions);
}

// ---------------------------------------------------------------- outcome
const OUTCOME_CUES: Array<[RegExp, Disposition]> = [
  [/\b(?:appeals?|petitions?|applications?)\s+(?:is|are|must be|should be|will be|stands?)\s+(?:partly|partially)\s+allowed\b|\ballowed\s+in\s+part\b|\bpartly\s+allowed\b/i, 'partly_allowed'],
  [/\b(?:appeals?|petitions?|applications?|writ petitions?|revisions?|suits?)\s+(?:is|are|must be|should be|will be|stands?|was|were)\s+(?:accordingly\s+|therefore\s+|hereby\s+)?dismissed\b|\bwe dismiss\b|\b(?:I|we) would dismiss\b|\bappeals?\s+(?:fails?|must fail)\b|\bdismissed with costs\b|^(?:appeals?|petitions?) dismissed\b/i, 'dismissed'],
  [/\b(?:appeals?|petitions?|applications?|writ petitions?|revisions?)\s+(?:is|are|must be|should be|will be|stands?|was|were)\s+(?:accordingly\s+|therefore\s+|hereby\s+)?allowed\b|\bwe allow\b|\b(?:I|we) would allow\b|\bappeals?\s+succeeds?\b|^(?:appeals?|petitions?) allowed\b/i, 'allowed'],
  [/\b(?:remit(?:ted)?|remand(?:ed)?)\b[^.]{0,80}\b(?:for|to)\b/i, 'remitted'],
  [/\b(?:conviction|order|judgment|decree|decision|sentence|award)s?\b[^.]{0,60}\b(?:is|are|be|were)\s+(?:hereby\s+)?(?:set aside|quashed)\b/i, 'set_aside'],
  [/\b(?:application|leave|relief|injunction|special leave)\b[^.]{0,40}\b(?:is|be)\s+(?:hereby\s+)?(?:refused|declined)\b/i, 'refused'],
  [/\b(?:application|leave|relief|injunction|writ|special leave)\b[^.]{0,40}\b(?:is|be)\s+(?:hereby\s+)?granted\b/i, 'granted'],
  [/\border(?:s)? accordingly\b|\bdispose of the appeals?\b/i, 'order_accordingly'],
];

function findOutcome(docs: AnalysedDocument[]): BriefOutcome | null {
  // Dispositions are stated at the end: search each document's sentences from the end, last document first.
  for (const doc of [...docs].reverse()) {
    const tailStart = Math.floor(doc.sentences.length * 0.6);
    let found: { disposition: Disposition; sentence: Sentence } | undefined;
    for (let i = doc.sentences.length - 1; i >= tailStart && !found; i--) {
      const sentence = doc.sentences[i];
      if (sentence.text.length > 600) continue;
      for (const [re, disposition] of OUTCOME_CUES) {
        if (re.test(sentence.text)) {
          found = { disposition, sentence };
          break;
        }
      }
    }
    if (found) {
      const sources = [span(doc, found.sentence.start, found.sentence.end)];
      // A closing "Appeal allowed." line that repeats the outcome is a second source.
      return { disposition: found.disposition, text: found.sentence.text, sources };
    }
  }
  return null;
}

// ---------------------------------------------------------------- issues
const ISSUE_CUE =
  /\b(?:the (?:sole |main |principal |only |short |central |first |second |real )?(?:question|issue|controversy|point)s?\s+(?:for (?:our )?(?:determination|decision|consideration)|in (?:this|the) (?:appeal|case|petition)|which aris(?:es|e)|that aris(?:es|e)|raised|is whether|are whether|was whether|centres)|(?:question|issue|point)s? (?:of law )?(?:is|are|was|were) whether|(?:this|the) (?:appeal|case|petition) (?:raises|concerns|turns on|involves)|the (?:question|issue) (?:before|for) (?:us|the court|this court)|points? for determination|grounds? of appeal|issues? (?:arise|arising))\b/i;

function findIssues(docs: AnalysedDocument[], max: number): BriefValue[] {
  const out: BriefValue[] = [];
  const seen = new Set<string>();
  for (const doc of docs) {
    for (const sentence of doc.sentences) {
      if (out.length >= max) return out;
      if (sentence.text.length > 700 || !ISSUE_CUE.test(sentence.text)) continue;
      const k = key(sentence.text);
      if (seen.has(k)) continue;
      seen.add(k);
      out.push({ value: sentence.text, sources: [span(doc, sentence.start, sentence.end)] });
    }
  }
  return out;
}

// ---------------------------------------------------------------- timeline
function findTimeline(docs: AnalysedDocument[], max: number): TimelineEvent[] {
  const events: TimelineEvent[] = [];
  const seen = new Set<string>();
  for (const doc of docs) {
    for (const e of doc.entities) {
      if (e.type !== 'date' || !e.normalized) continue;
      const sentence = sentenceAt(doc, e.start);
      const event = sentence?.text ?? e.text;
      const k = `${e.normalized}|${key(event)}`;
      if (seen.has(k)) continue;
      seen.add(k);
      const sources = [entitySpan(doc, e)];
      if (sentence) sources.push(span(doc, sentence.start, sentence.end));
      events.push({ date: e.normalized, dateText: e.text, event, sources });
    }
  }
  events.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return events.slice(0, max);
}

// ---------------------------------------------------------------- authorities and statutes
function findAuthorities(docs: AnalysedDocument[]): BriefAuthority[] {
  const list: BriefAuthority[] = [];
  const byCitation = new Map<string, BriefAuthority>();
  for (const doc of docs) {
    const entities = doc.entities.filter((e) => e.type === 'case_citation');
    const parties = doc.entities.filter((e) => e.type === 'party');
    let previous: { end: number; authority: BriefAuthority } | undefined;
    // Full citations first, so that short forms can join the authority they resolve to.
    for (const e of entities.filter((x) => x.form !== 'short')) {
      const lineStart = lineAround(doc.text, e.start, e.end).start;
      // The case's own citation on its title line is not an authority it cites.
      if (parties.some((p) => p.start >= lineStart && p.end <= e.start)) continue;
      const citation = e.normalized ?? e.text;
      const parallel = previous !== undefined && /^[\s;,]*$/.test(doc.text.slice(previous.end, e.start)) && e.start - previous.end < 6;
      let authority = byCitation.get(citation) ?? (parallel ? previous!.authority : undefined);
      if (!authority) {
        authority = { citations: [], count: 0, citedAt: [] };
        list.push(authority);
      }
      if (!authority.citations.includes(citation)) authority.citations.push(citation);
      if (!authority.caseName && e.caseName) authority.caseName = e.caseName;
      byCitation.set(citation, authority);
      // Parallel reports of one decision at one place count once.
      if (!parallel) authority.count++;
      authority.citedAt.push(entitySpan(doc, e));
      previous = { end: e.end, authority };
    }
    for (const e of entities.filter((x) => x.form === 'short' && x.resolvesTo)) {
      const target = doc.text.slice(e.resolvesTo!.start, e.resolvesTo!.end).replace(/\s+/g, ' ').trim();
      const authority = byCitation.get(target);
      if (!authority) continue;
      authority.count++;
      authority.citedAt.push(entitySpan(doc, e));
    }
  }
  for (const a of list) a.citedAt.sort((x, y) => (x.documentId ?? '').localeCompare(y.documentId ?? '') || x.start - y.start);
  return list.sort((a, b) => b.count - a.count);
}

const PROVISION_START = /^(?:sections?|sub[- ]?sections?|sub[- ]?clauses?|ss?\.?|articles?|arts?\.|rules?|regulations?|regs?\.|paragraphs?|paras?\.?|clauses?|cl\.|schedules?|sch\.|parts?|chapters?|orders?)\b/i;

/** Split "section 66 of the Income-tax Act, 1922" into provision and instrument. */
export function splitStatute(text: string): { provision?: string; instrument: string } {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (!PROVISION_START.test(flat)) return { instrument: flat };
  const joints = [...flat.matchAll(/\s(?:of|to|in|under)\s(?:the\s|this\s|that\s|said\s)*|,\s(?:the\s)?/g)];
  for (const j of joints) {
    const rest = flat.slice(j.index + j[0].length);
    if (!PROVISION_START.test(rest) && /^[A-Z0-9]/.test(rest)) {
      return { provision: flat.slice(0, j.index), instrument: rest };
    }
  }
  return { instrument: flat };
}

function findStatutes(docs: AnalysedDocument[]): BriefStatute[] {
  const byInstrument = new Map<string, BriefStatute>();
  for (const doc of docs) {
    for (const e of doc.entities) {
      if (e.type !== 'statute') continue;
      const { provision, instrument } = splitStatute(e.text);
      // "Income-tax Act" and "Income-tax Act, 1922" are one instrument; the fuller name is shown.
      const k = key(instrument.replace(/(?:,?\s\d{4})?(?:\s\([^)]*\))*$/, ''));
      const entry = byInstrument.get(k) ?? { instrument, provisions: [], count: 0, citedAt: [] };
      if (instrument.length > entry.instrument.length) entry.instrument = instrument;
      if (provision && !entry.provisions.some((p) => key(p) === key(provision))) entry.provisions.push(provision);
      entry.count++;
      entry.citedAt.push(entitySpan(doc, e));
      byInstrument.set(k, entry);
    }
  }
  return [...byInstrument.values()].sort((a, b) => b.count - a.count);
}

// ---------------------------------------------------------------- parties and case numbers
function findParties(docs: AnalysedDocument[]): BriefParty[] {
  const out = new Map<string, BriefParty>();
  for (const doc of docs) {
    for (const e of doc.entities) {
      if (e.type !== 'party') continue;
      const k = key(e.text);
      const entry = out.get(k) ?? { name: e.normalized ?? e.text, sources: [] };
      if (!entry.role && e.role) entry.role = e.role;
      entry.sources.push(entitySpan(doc, e));
      out.set(k, entry);
    }
  }
  return [...out.values()];
}

function findCaseNumbers(docs: AnalysedDocument[]): BriefValue[] {
  const out = new Map<string, BriefValue>();
  for (const doc of docs) {
    for (const e of doc.entities) {
      if (e.type !== 'case_number') continue;
      const value = e.normalized ?? e.text;
      const k = key(value);
      const entry = out.get(k) ?? { value, sources: [] };
      entry.sources.push(entitySpan(doc, e));
      out.set(k, entry);
    }
  }
  return [...out.values()];
}

/**
 * A structured brief of a case from all of its documents: court, case numbers, parties with roles,
 * judges, a timeline of dated events, issues, the outcome, authorities cited and statutes. Every
 * field carries source spans (document id and offsets into that document's text).
 */
export function buildBrief(documents: BriefDocument[], options: BriefOptions = {}): CaseBrief {
  const docs: AnalysedDocument[] = documents.map((d) => ({
    documentId: d.documentId,
    text: d.text,
    entities: extractEntities(d.text),
    sentences: segment(d.text).sentences,
  }));
  return {
    court: findCourt(docs),
    caseNumbers: findCaseNumbers(docs),
    parties: findParties(docs),
    judges: findJudges(docs),
    timeline: findTimeline(docs, options.maxTimelineEvents ?? 60),
    issues: findIssues(docs, options.maxIssues ?? 8),
    outcome: findOutcome(docs),
    authorities: findAuthorities(docs),
    statutes: findStatutes(docs),
  };
}
