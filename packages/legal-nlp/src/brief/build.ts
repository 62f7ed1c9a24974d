import { extractEntities, type Entity } from '../entities/index.js';
import { segment, type Sentence } from '../segment/index.js';
import { analyzeJudgment, judgeKey, type JudgmentStructure } from '../structure/index.js';
import type {
  BriefAuthority,
  BriefCourt,
  BriefDocument,
  BriefJudge,
  BriefMissing,
  BriefOptions,
  BriefOutcome,
  BriefParty,
  BriefStatute,
  BriefValue,
  CaseBrief,
  SourceSpan,
  TimelineEvent,
} from './types.js';

interface AnalysedDocument {
  documentId?: string;
  text: string;
  entities: Entity[];
  sentences: Sentence[];
  structure: JudgmentStructure;
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

// ---------------------------------------------------------------- court, parties, bench, outcome (from the structure)
function findCourt(docs: AnalysedDocument[]): BriefCourt | null {
  // The first document whose text shows its deciding court (a cover sheet or the judgment itself).
  const found = docs
    .map((doc) => ({ doc, court: doc.structure.court }))
    .filter((x) => x.court !== null)
    .sort((x, y) => y.court!.confidence - x.court!.confidence)[0];
  if (!found) return null;
  const c = found.court!;
  return {
    // A Chinese court is named with its place ("北京市高级人民法院"); the table holds its level.
    name: c.court.jurisdiction === 'CN' && c.sources[0] ? c.sources[0].text : c.court.name,
    courtId: c.court.id,
    jurisdiction: c.court.jurisdiction,
    basis: c.basis,
    confidence: c.confidence,
    reason: c.reason,
    sources: c.sources.map((x) => span(found.doc, x.start, x.end)),
  };
}

const PARTY_CONFIDENCE = { header: 0.9, title: 0.85, body: 0.7 } as const;

function findParties(docs: AnalysedDocument[]): BriefParty[] {
  const out = new Map<string, BriefParty>();
  for (const doc of docs) {
    for (const p of doc.structure.header.parties) {
      const k = key(p.name);
      const entry = out.get(k) ?? { name: p.name, confidence: PARTY_CONFIDENCE[p.from], sources: [] };
      if (!entry.role && p.role) entry.role = p.role;
      entry.confidence = Math.max(entry.confidence, PARTY_CONFIDENCE[p.from]);
      entry.sources.push(span(doc, p.source.start, p.source.end));
      out.set(k, entry);
    }
  }
  return [...out.values()];
}

function findJudges(docs: AnalysedDocument[]): BriefJudge[] {
  const byKey = new Map<string, BriefJudge>();
  for (const doc of docs) {
    for (const m of doc.structure.bench) {
      const entry = byKey.get(m.key) ?? { name: m.name, bench: true, confidence: 0, evidence: [], mentions: 0, sources: [] };
      for (const e of m.evidence) if (!entry.evidence.includes(e)) entry.evidence.push(e);
      entry.confidence = entry.evidence.some((e) => e !== 'agreement') ? 0.95 : 0.7;
      for (const s of m.sources) if (entry.sources.length < 10) entry.sources.push(span(doc, s.start, s.end));
      byKey.set(m.key, entry);
    }
  }
  // Other judges are listed as mentioned (judges of the courts below and of cited cases), never as the bench.
  for (const doc of docs) {
    for (const e of doc.entities) {
      if (e.type !== 'judge') continue;
      for (const name of e.names ?? [e.normalized ?? e.text]) {
        const k = judgeKey(name);
        if (!k) continue;
        const entry = byKey.get(k) ?? { name, bench: false, confidence: 0, evidence: [], mentions: 0, sources: [] };
        entry.mentions++;
        if (!entry.bench && entry.sources.length < 10) entry.sources.push(entitySpan(doc, e));
        byKey.set(k, entry);
      }
    }
  }
  return [...byKey.values()].sort((a, b) => Number(b.bench) - Number(a.bench) || b.mentions - a.mentions);
}

function findOutcome(docs: AnalysedDocument[]): BriefOutcome | null {
  // The last document that states the court's disposition (the judgment, after any earlier orders).
  for (const doc of [...docs].reverse()) {
    const d = doc.structure.disposition;
    if (!d) continue;
    const sources = [span(doc, d.source.start, d.source.end)];
    const last = doc.structure.roles.findLast((r) => r.role === 'order');
    if (last && last.start !== d.source.start && last.start > d.source.start) sources.push(span(doc, last.start, last.end));
    return { disposition: d.disposition, also: d.also, basis: d.basis, confidence: d.confidence, text: d.source.text, sources };
  }
  return null;
}

function missingFields(docs: AnalysedDocument[], brief: Pick<CaseBrief, 'court' | 'parties' | 'judges' | 'outcome'>): BriefMissing[] {
  const out: BriefMissing[] = [];
  if (!brief.court) {
    const named = docs.reduce((n, d) => n + d.entities.filter((e) => e.type === 'court').length, 0);
    out.push({
      field: 'court',
      reason:
        named > 0
          ? `courts are mentioned (${named} times) but no heading, neutral citation, self-reference or route of appeal shows which one decided the case`
          : 'no heading, neutral citation, self-reference or route of appeal names the deciding court',
    });
  }
  if (brief.parties.length === 0) out.push({ field: 'parties', reason: 'no parties block, title or party named with a role ("the appellant, X") was found' });
  if (!brief.judges.some((j) => j.bench)) {
    out.push({ field: 'bench', reason: 'no coram line, speaker heading, "delivered by", signature or "with whom" names the judges who sat' });
  }
  if (!brief.outcome) {
    const votes = docs.flatMap((d) => d.structure.opinions.filter((o) => o.vote));
    out.push({
      field: 'outcome',
      reason:
        votes.length === 0
          ? 'no sentence of the court or of the majority states the disposition'
          : 'the opinions state votes but no order of the court or majority opinion states the result',
    });
  }
  return out;
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

// ---------------------------------------------------------------- case numbers
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
  const docs: AnalysedDocument[] = documents.map((d) => {
    const entities = extractEntities(d.text);
    const sentences = segment(d.text).sentences;
    return { documentId: d.documentId, text: d.text, entities, sentences, structure: analyzeJudgment(d.text, { sentences, entities }) };
  });
  const main = { court: findCourt(docs), parties: findParties(docs), judges: findJudges(docs), outcome: findOutcome(docs) };
  return {
    court: main.court,
    caseNumbers: findCaseNumbers(docs),
    parties: main.parties,
    judges: main.judges,
    timeline: findTimeline(docs, options.maxTimelineEvents ?? 60),
    issues: findIssues(docs, options.maxIssues ?? 8),
    outcome: main.outcome,
    missing: missingFields(docs, main),
    authorities: findAuthorities(docs),
    statutes: findStatutes(docs),
  };
}
