import { extractEntities, type Entity } from '../entities/index.js';
import { segment, type Sentence } from '../segment/index.js';
import { decidingCourt } from './court.js';
import { CONSEQUENTIAL, dispositionOf, MAJORITY_ORDER, ORDER_LINE, voteOf } from './disposition.js';
import { bodyParties, readHeader, spanOf, splitLines, type Line } from './header.js';
import { CHINESE_BENCH, CORAM, JUDGMENT_OF, namesIn, SEPARATE_OPINION, UK_HEADING_IN_LINE, readIndianHeading, readUkHeading, SIGNATURE, type JudgeName, type OpinionHeading } from './judges.js';
import type {
  AnalyzeOptions,
  BenchEvidence,
  BenchMember,
  CourtDisposition,
  JudgmentStructure,
  Opinion,
  OpinionKind,
  SentenceInfo,
  SentenceRole,
  Span,
  Vote,
} from './types.js';

const MONTH = '(?:January|February|March|April|May|June|July|August|September|October|November|December)';

/** Counsel's arguments as reported ("Mr Swift QC submitted", "learned counsel for the appellant contended"). */
const SUBMISSION =
  /\b(?:submit(?:s|ted)?|submissions?|contend(?:s|ed)?|contentions?|argue[sd]?|arguments?|urged?|urges|canvassed|pressed|counsel\s+for|learned\s+counsel|on\s+behalf\s+of\s+the\s+(?:appellants?|respondents?|petitioners?|claimants?|defendants?|accused|State)|(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+[A-Z][\w'’-]+\s+(?:QC|KC|SC)|it\s+was\s+(?:said|suggested|put)\s+(?:for|on\s+behalf))\b/;
/** The judge's own voice about a submission is reasoning, not the submission. */
const OWN_VIEW = /^(?:I|We)\b|\b(?:I|we)\s+(?:would\s+|do\s+not\s+|cannot\s+|can\s*not\s+|am\s+unable\s+to\s+)?(?:reject|accept|agree|disagree|prefer|find|think|consider|see\s+no)\b|\bin\s+(?:my|our)\s+(?:view|opinion|judgment)\b/;

const AGREE_WITH =
  /\b(?:(?:I|we)\s+(?:also\s+|entirely\s+|respectfully\s+|too\s+|would\s+|fully\s+)?(?:agree|concur)\s+(?:entirely\s+|respectfully\s+|fully\s+)?(?:with|in)\s+(?:all\s+)?(?:the\s+)?(?:(?:judgments?|opinions?|reasons?|reasoning|conclusions?|analysis)\s+(?:given\s+|prepared\s+|of\s+|by\s+)*)?|for\s+the\s+(?:further\s+)?reasons\s+(?:given|stated|set\s+out)\s+by|in\s+agreement\s+with|with\s+whom|(?:read|seen|considered)\s+(?:in\s+draft\s+)?the\s+judgments?\s+(?:prepared\s+)?(?:of|by)|my\s+(?:learned\s+)?(?:brothers?|sisters?)\b)/;
const CITED = /\bvs?\.?\s+[A-Z]|\bsaid\s+in\b|\bin\s+the\s+case\s+of\b|\[\d{4}\]|\(\d{4}\)/;

const FACTS = new RegExp(
  String.raw`\b(?:on|dated|of)\s+(?:the\s+)?\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?${MONTH}|\b${MONTH}\s+\d{1,2},?\s+\d{4}|\b(?:filed|lodged|instituted|convicted|sentenced|arrested|died|married|born|executed|purchased|sold|employed|appointed|served\s+(?:a|the)\s+notice|was\s+granted|were\s+granted|issued\s+a)\b`,
  'i',
);

/**
 * Quoted ranges. A straight quote opens when it follows a space or an opening bracket and is followed by a
 * letter, and closes when it follows a non-space; an opening quote while one is open restarts the range, so
 * one lost quotation mark does not invert the rest of the text. Ranges longer than 4,000 characters are dropped.
 */
function quotedRanges(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let open = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 34 && c !== 0x201c && c !== 0x201d) continue;
    const prev = i > 0 ? text[i - 1] : ' ';
    const next = i + 1 < text.length ? text[i + 1] : ' ';
    const opening = c === 0x201c || (c === 34 && /[\s([{:;,—–-]/.test(prev) && /[^\s.,;:)]/.test(next));
    if (opening) open = i;
    else if (open >= 0) {
      if (i - open < 4000) out.push([open, i + 1]);
      open = -1;
    }
  }
  return out;
}

function lineIndexAt(lines: Line[], offset: number): number {
  let lo = 0;
  let hi = lines.length - 1;
  let best = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (lines[mid].start <= offset) {
      best = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return best;
}

/** A section heading line: short, no closing punctuation, not a sentence. */
function isSectionHeading(line: string): boolean {
  if (line.length > 100 || line.length < 3) return false;
  if (/[.;,:?!)]$/.test(line) && !/^[A-Z][A-Z\s]+[.:]$/.test(line)) return false;
  if (!/^[\p{Lu}\d(]/u.test(line)) return false;
  const words = line.split(/\s+/);
  if (words.length > 14) return false;
  if (/\b(?:is|are|was|were|has|have|had|will|would|should|shall|must|may|can|does|did)\b/.test(line) && words.length > 6) return false;
  return /\p{L}{3}/u.test(line);
}

function stripCitations(sentence: Sentence, entities: Entity[], from: number): { rest: string; cited: boolean; next: number } {
  let rest = '';
  let cursor = sentence.start;
  let cited = false;
  let k = from;
  while (k < entities.length && entities[k].end <= sentence.start) k++;
  const next = k;
  for (; k < entities.length && entities[k].start < sentence.end; k++) {
    const e = entities[k];
    if (e.type !== 'case_citation' && e.type !== 'statute') continue;
    if (e.type === 'case_citation') cited = true;
    rest += sentence.text.slice(cursor - sentence.start, Math.max(cursor, e.start) - sentence.start) + ' ';
    cursor = Math.max(cursor, e.end);
  }
  rest += sentence.text.slice(Math.min(cursor, sentence.end) - sentence.start);
  return { rest, cited, next };
}

const CASE_NAME = /(?:^|[\s(;,])(?:[A-Z][\w.'’&-]*|In\s+re|Re|R)(?:\s+(?:\([^)]{0,40}\)|[\w.'’&-]+)){0,8}?\s+(?:vs?\.?|versus)\s+[A-Z][\w.'’&-]*(?:\s+(?:\([^)]{0,40}\)|[A-Z&][\w.'’&-]*|of|and|the|for|Ltd|plc)){0,8}/g;

/** A citation-only line: nothing but citations, case names, pinpoints and footnote numbers. */
function isCitationOnly(sentence: Sentence, stripped: { rest: string; cited: boolean }): boolean {
  const hadName = CASE_NAME.test(sentence.text);
  CASE_NAME.lastIndex = 0;
  const rest = stripped.rest
    .replace(CASE_NAME, ' ')
    .replace(/\b(?:supra|ibid|id|see|also|cf|per|at|p|pp|para|paras|paragraph|page|vol|and|in|ILR|AIR|SCR|SCC|All|ER|WLR|AC|QB|KB|Ch|Fam|Bom|Cal|Mad|Lah|Pat|Nag|Reports?|Law|Factory|Journal|Times|Report)\b\.?/gi, ' ')
    .replace(/[\d\s.,;:()[\]'"“”‘’&/-]+/g, ' ');
  const letters = rest.replace(/[^\p{L}]/gu, '');
  if (stripped.cited || hadName) return letters.length < 10;
  // Footnote debris such as "(1) (1965) Vol." or "10 Factory Law Reports 244."
  return /^\(?\d/.test(sentence.text) && letters.length < 4 && /\d{3,4}/.test(sentence.text);
}

interface Draft {
  heading: OpinionHeading | null;
  headingSpan: Span | null;
  start: number;
  judges: JudgeName[];
  ofTheCourt: boolean;
}

function addMember(bench: Map<string, BenchMember>, j: JudgeName, evidence: BenchEvidence, source: Span): void {
  if (!j.key) return;
  const m = bench.get(j.key) ?? { name: j.name, key: j.key, evidence: [], sources: [] };
  // Keep the fullest spelling ("Lord Phillips of Worth Matravers" over "Lord Phillips").
  if (j.name.length > m.name.length && evidence !== 'agreement') m.name = j.name;
  if (!m.evidence.includes(evidence)) m.evidence.push(evidence);
  if (m.sources.length < 6 && !m.sources.some((s) => s.start === source.start)) m.sources.push(source);
  bench.set(j.key, m);
}

/** A caseless passage ("delivered by mehr chand mahajan j.") with each word capitalised; same length, so offsets hold. */
function titleCaseIfCaseless(passage: string): string {
  return /[A-Z]/.test(passage) ? passage : passage.replace(/\b[a-z]/g, (c) => c.toUpperCase());
}

const STRONG = new Set(['allowed', 'dismissed', 'partly_allowed']);

function compatible(a: Vote, b: Vote): boolean {
  return a === b || (a !== 'dismissed' && b !== 'dismissed');
}

/**
 * The structure of a judgment: header (court, neutral citation, case numbers, date, parties), bench, opinions
 * with their kind (majority, concurrence, dissent), headings, quotations, citation-only lines, page furniture,
 * the court's disposition with its sentence, the deciding court with its evidence, and a role for every
 * sentence. Every element carries offsets into `text`. Deterministic and linear in the length of the text.
 */
export function analyzeJudgment(text: string, options: AnalyzeOptions = {}): JudgmentStructure {
  const sentences = options.sentences ?? segment(text).sentences;
  const entities = options.entities ?? extractEntities(text);
  const lines = splitLines(text);
  const header = readHeader(text, lines, entities);
  const bodyStart = header.span.end;

  // ---- line classes: furniture, signatures, opinion headings, section headings
  const repeated = new Map<string, number>();
  for (const l of lines) if (l.text.length <= 80) repeated.set(l.text, (repeated.get(l.text) ?? 0) + 1);
  const furniture: Span[] = [];
  const headings: Span[] = [];
  const drafts: Draft[] = [];
  const signatures: Array<{ judge: JudgeName; span: Span }> = [];
  const lineKind = new Array<'furniture' | 'heading' | 'signature' | null>(lines.length).fill(null);
  const tailFrom = text.length - 300;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.end <= bodyStart) continue;
    const t = line.text;
    if (/^\d{1,4}$/.test(t) || /^(?:[A-Z]\.\s?){1,4}[A-Z]?\s?\.?$/.test(t) || /^Page\s+\d+(?:\s+of\s+\d+)?$/i.test(t) || ((repeated.get(t) ?? 0) >= 3 && !/[.?!]$/.test(t) && !readUkHeading(t)) || /^(?:Agent|Solicitors?)\s+for\b/i.test(t)) {
      lineKind[i] = 'furniture';
      furniture.push(spanOf(text, line.start, line.end));
      continue;
    }
    const cn = CHINESE_BENCH.exec(t);
    if (cn) {
      lineKind[i] = 'signature';
      const at = line.start + t.indexOf(cn[2]);
      signatures.push({ judge: { name: cn[2], key: cn[2], start: at, end: at + cn[2].length }, span: spanOf(text, at, at + cn[2].length) });
      continue;
    }
    const sig = SIGNATURE.exec(t);
    if (sig) {
      const raw = (sig[1] ?? sig[2] ?? sig[3] ?? '').trim();
      const found = namesIn(/\bJ\.?$/.test(raw) ? raw : `${raw} J`)[0];
      lineKind[i] = 'signature';
      if (found) signatures.push({ judge: found, span: spanOf(text, line.start, line.end) });
      continue;
    }
    const heading = readUkHeading(t) ?? readIndianHeading(t);
    if (heading) {
      const inline = 'length' in heading && (heading as { length: number }).length < t.length;
      const headEnd = inline ? line.start + (heading as { length: number }).length : line.end;
      // A judge's name alone at the very end is a signature, not the start of an opinion.
      if (!inline && line.start >= tailFrom && !lines.slice(i + 1).some((l) => l.text.length > 60)) {
        lineKind[i] = 'signature';
        signatures.push({ judge: heading.judges[0], span: spanOf(text, line.start, line.end) });
        continue;
      }
      lineKind[i] = inline ? null : 'heading';
      const span = spanOf(text, line.start, headEnd);
      headings.push(span);
      drafts.push({
        heading,
        headingSpan: span,
        start: line.start,
        judges: heading.judges.map((j) => ({ ...j, start: j.start + line.start, end: j.end + line.start })),
        ofTheCourt: false,
      });
      continue;
    }
    const runIn = t.length > 40 ? UK_HEADING_IN_LINE.exec(t) : null;
    const runInHeading = runIn ? readUkHeading(runIn[1]) : null;
    if (runIn && runInHeading) {
      const at = line.start + runIn.index + runIn[0].length - runIn[1].length;
      const span = spanOf(text, at, at + runIn[1].length);
      headings.push(span);
      drafts.push({ heading: runInHeading, headingSpan: span, start: at, judges: runInHeading.judges.map((j) => ({ ...j, start: j.start + at, end: j.end + at })), ofTheCourt: false });
      continue;
    }
    if (isSectionHeading(t) && !ORDER_LINE.test(t) && i + 1 < lines.length) {
      lineKind[i] = 'heading';
      headings.push(spanOf(text, line.start, line.end));
    }
  }

  // ---- opinions: text before the first heading is an opinion of its own (the lead or the court's judgment)
  const delivered = header.delivered;
  const deliveredJudges = delivered
    ? namesIn(titleCaseIfCaseless(text.slice(delivered.namesStart, delivered.namesEnd)))
        .map((j) => ({ ...j, start: j.start + delivered.namesStart, end: j.end + delivered.namesStart }))
        .slice(0, 1)
    : [];
  const courtJudgment = (delivered !== null && /judgment\s+of\s+the\s+(?:Court|Bench)|opinion\s+of\s+the\s+(?:Court|Board)/i.test(delivered.phrase.text)) ||
    sentences.slice(0, 5).some((s) => s.start >= bodyStart && /\b(?:This|The following) is (?:a|the) judgment of the (?:Court|Board)\b/i.test(s.text));
  const firstBody = sentences.find((s) => s.start >= bodyStart && s.end > bodyStart);
  if (firstBody && (drafts.length === 0 || sentences.some((s) => s.start >= bodyStart && s.end <= drafts[0].start && s.text.length > 40))) {
    drafts.unshift({ heading: null, headingSpan: null, start: firstBody.start, judges: deliveredJudges, ofTheCourt: courtJudgment });
  } else if (drafts.length > 0 && deliveredJudges.length > 0 && drafts[0].judges.length === 0) {
    drafts[0].judges = deliveredJudges;
  }

  // ---- roles that do not depend on opinions
  const quotes = quotedRanges(text);
  const n = sentences.length;
  const structural = new Array<SentenceRole | null>(n).fill(null);
  const citationOnly: Span[] = [];
  const quotations: Span[] = [];
  let q = 0;
  let ent = 0;
  let afterIntro = false;
  for (let i = 0; i < n; i++) {
    const s = sentences[i];
    if (s.end <= bodyStart) {
      structural[i] = 'header';
      continue;
    }
    const li = lineIndexAt(lines, s.start);
    const line = li >= 0 ? lines[li] : undefined;
    const kind = li >= 0 ? lineKind[li] : null;
    const wholeLine = line !== undefined && s.start <= line.start + 1 && s.end >= line.end - 1;
    if (kind === 'furniture' || kind === 'signature' || !/\p{Ll}{3}/u.test(s.text) && !ORDER_LINE.test(s.text) && !readUkHeading(s.text) && !readIndianHeading(s.text) && s.text.length < 40 && !/\p{Script=Han}/u.test(s.text)) {
      structural[i] = 'furniture';
      continue;
    }
    if (headings.some((h) => s.start >= h.start && s.end <= h.end) || (kind === 'heading' && wholeLine)) {
      structural[i] = 'heading';
      continue;
    }
    const stripped = stripCitations(s, entities, ent);
    ent = stripped.next;
    if (isCitationOnly(s, stripped)) {
      structural[i] = 'citation_only';
      citationOnly.push(spanOf(text, s.start, s.end));
      continue;
    }
    while (q < quotes.length && quotes[q][1] <= s.start) q++;
    let inside = 0;
    for (let k = q; k < quotes.length && quotes[k][0] < s.end; k++) inside += Math.min(s.end, quotes[k][1]) - Math.max(s.start, quotes[k][0]);
    const introduced = afterIntro;
    afterIntro = /\b(?:provides?|provided|reads?|as\s+follows|said|observed|stated|held|says|in\s+these\s+terms)\s*:\s*$/i.test(s.text);
    if (inside >= 0.6 * (s.end - s.start) || introduced) {
      structural[i] = 'quotation';
      quotations.push(spanOf(text, s.start, s.end));
      continue;
    }
    if (SUBMISSION.test(s.text) && !OWN_VIEW.test(s.text)) structural[i] = 'submission';
  }

  // ---- opinions with their sentences and votes
  const opinionOf = new Array<number | null>(n).fill(null);
  const opinions: Opinion[] = drafts.map((d, k) => ({
    judges: d.judges.map((j) => j.key),
    joinedBy: (d.heading?.joinedBy ?? []).map((j) => j.key),
    ofTheCourt: d.ofTheCourt,
    heading: d.headingSpan,
    start: d.start,
    end: k + 1 < drafts.length ? drafts[k + 1].start : text.length,
    kind: 'unknown' as OpinionKind,
    kindReason: '',
    vote: null,
    voteSentence: null,
  }));
  for (let i = 0, k = 0; i < n; i++) {
    if (structural[i] === 'header') continue;
    while (k + 1 < opinions.length && sentences[i].start >= opinions[k + 1].start) k++;
    if (opinions.length > 0 && sentences[i].start >= opinions[k].start) opinionOf[i] = k;
  }
  const cues = new Array<ReturnType<typeof dispositionOf>>(n).fill(null);
  // The last disposition sentence of each opinion, votes or not ("Order accordingly.", "remitted to the High Court").
  const lastCue = new Array<number | null>(opinions.length).fill(null);
  for (let i = 0; i < n; i++) {
    const role = structural[i];
    if (role === 'quotation' || role === 'submission' || role === 'header' || role === 'citation_only' || role === 'furniture') continue;
    cues[i] = dispositionOf(sentences[i].text);
    const k = opinionOf[i];
    if (k === null || !cues[i] || ORDER_LINE.test(sentences[i].text) || MAJORITY_ORDER.test(sentences[i].text)) continue;
    const vote = voteOf(cues[i]!.disposition);
    // "The appeal succeeds." followed by "The conviction is set aside.": the appeal's own disposition stays the vote.
    const strong = STRONG.has(cues[i]!.disposition);
    const previous = opinions[k].voteSentence;
    const keep = previous !== null && !strong && STRONG.has(cues[previous]!.disposition) && i - previous <= 8;
    if (vote && !keep) {
      opinions[k].vote = vote;
      opinions[k].voteSentence = i;
    }
    lastCue[k] = i;
  }
  // A closing order line after the opinions ("Appeal allowed.") is the order of the court.
  let orderLine: number | null = null;
  for (let i = n - 1; i >= Math.max(0, n - 8); i--) {
    if (structural[i] !== 'header' && (ORDER_LINE.test(sentences[i].text) || MAJORITY_ORDER.test(sentences[i].text)) && cues[i]) {
      orderLine = i;
      break;
    }
  }

  // ---- bench
  const bench = new Map<string, BenchMember>();
  for (const line of lines) {
    if (line.start > Math.max(bodyStart, 3000)) break;
    const c = CORAM.exec(line.text);
    if (!c) continue;
    const from = line.start + c[0].length;
    for (const j of namesIn(text.slice(from, line.end))) addMember(bench, j, 'coram', spanOf(text, from + j.start, from + j.end));
  }
  for (const j of deliveredJudges) addMember(bench, j, 'delivered_by', spanOf(text, j.start, j.end));
  drafts.forEach((d) => {
    for (const j of d.judges) if (d.heading) addMember(bench, j, 'heading', spanOf(text, j.start, j.end));
    for (const j of d.heading?.joinedBy ?? []) {
      const at = d.headingSpan!.start + j.start;
      addMember(bench, j, 'with_whom', spanOf(text, at, at + (j.end - j.start)));
    }
  });
  for (const s of signatures) addMember(bench, s.judge, 'signature', s.span);
  // Agreement sentences name colleagues who sat ("I agree with Lord Walker", "for the reasons given by Lord Sumption").
  // Judges of the courts below are named with LJ/MR (and, beside speaker headings of Lords, J) and are left out.
  const agreed = new Map<string, number>();
  const lordsSit = drafts.some((d) => d.heading && /^(?:LORD|LADY|BARONESS|SIR|MR|MRS|MS|DAME)\b/.test(d.headingSpan!.text));
  const surnames = new Set([...text.matchAll(/\b(?:Lord|Lady|Baroness)\s+([A-Z][a-z]+)/g)].map((m) => m[1].toLowerCase()));
  const keyOf = (j: JudgeName): JudgeName => (j.key.endsWith('s') && surnames.has(j.key.slice(0, -1)) ? { ...j, key: j.key.slice(0, -1), name: j.name.replace(/s$/, '') } : j);
  for (let i = 0; i < n; i++) {
    const k = opinionOf[i];
    if (k === null) continue;
    const s = sentences[i];
    if (structural[i] === 'quotation' || CITED.test(s.text)) continue;
    // Only the names right after the agreement ("I agree with Lord X and Lord Y that …").
    const cue = AGREE_WITH.exec(s.text);
    // "… given by Mummery LJ, with whom Sullivan LJ and Owen J agreed": a court below, in the past tense.
    if (!cue || (/with\s+whom/.test(cue[0]) && /\bagreed\b/.test(s.text))) continue;
    const clauseStart = /brother|sister/.test(cue[0]) ? cue.index : cue.index + cue[0].length;
    const clause = s.text.slice(clauseStart, clauseStart + 140).split(/[.;:]|\bthat\b|\bwho\b|\bsaid\b|\bin\s+(?:[A-Z]|the\s+(?:case|Court))/)[0];
    for (const inner of namesIn(clause)) {
      const found = { ...inner, start: inner.start + clauseStart, end: inner.end + clauseStart };
      const j = keyOf(found);
      if (opinions[k].judges.includes(j.key)) continue;
      if (/\b(?:LJJ?|MR|P)$/.test(j.name) || (lordsSit && /\bJ$/.test(j.name))) continue;
      if (/^\s*(?:\([^)]*\)\s*)?(?:in|at|below)\s+(?:the\s+)?(?:Court\s+of\s+Appeal|High\s+Court|first\s+instance|Divisional|Inner|Outer|courts?\s+below|below)/i.test(s.text.slice(j.end, j.end + 40))) continue;
      addMember(bench, j, 'agreement', spanOf(text, s.start + found.start, s.start + found.end));
      agreed.set(j.key, (agreed.get(j.key) ?? 0) + 1);
    }
  }
  // Judges named in the header as joining the judgment or giving their own opinion.
  const head = text.slice(0, bodyStart);
  const joined = JUDGMENT_OF.exec(head);
  if (joined) {
    const at = joined.index + joined[0].indexOf(joined[1]);
    for (const j of namesIn(joined[1])) addMember(bench, j, 'coram', spanOf(text, at + j.start, at + j.end));
  }
  const dissenters = new Set<string>();
  for (const m of head.matchAll(SEPARATE_OPINION)) {
    const j = namesIn(`${m[1]} J`)[0];
    if (!j) continue;
    addMember(bench, j, 'coram', spanOf(text, m.index, m.index + m[1].length));
    if (m[2] === 'dissenting') dissenters.add(j.key);
  }
  // The unheaded lead opinion: the colleague others agree with who has no heading of their own.
  if (opinions.length > 1 && opinions[0].judges.length === 0 && !opinions[0].ofTheCourt) {
    const headed = new Set(opinions.flatMap((o) => [...o.judges, ...o.joinedBy]));
    const candidates = [...agreed].filter(([key]) => !headed.has(key)).sort((a, b) => b[1] - a[1]);
    if (candidates.length === 1 || (candidates.length > 1 && candidates[0][1] > candidates[1][1])) opinions[0].judges = [candidates[0][0]];
  }

  // ---- the majority and each opinion's kind
  const orderVote = orderLine !== null ? voteOf(cues[orderLine]!.disposition) : null;
  const tally = new Map<Vote, number>();
  for (const o of opinions) if (o.vote) tally.set(o.vote, (tally.get(o.vote) ?? 0) + Math.max(1, o.judges.length) + o.joinedBy.length);
  const merged = new Map<Vote, number>();
  for (const [v, c] of tally) {
    const key: Vote = v === 'partly_allowed' ? 'allowed' : v;
    merged.set(key, (merged.get(key) ?? 0) + c);
  }
  const courtOpinion = opinions.findIndex((o) => o.ofTheCourt);
  let majority: Vote | null = orderVote ?? (courtOpinion >= 0 ? opinions[courtOpinion].vote : null);
  if (!majority && merged.size > 0) {
    const sorted = [...merged].sort((a, b) => b[1] - a[1]);
    if (sorted.length === 1 || sorted[0][1] > sorted[1][1]) majority = sorted[0][0];
    else majority = opinions.find((o) => o.vote)?.vote ?? null;
  }
  let lead = courtOpinion;
  // Otherwise the first opinion on the majority's side leads (opinions are given in that order).
  if (lead < 0) lead = opinions.findIndex((o, k) => !drafts[k].heading?.dissenting && (!majority || !o.vote || compatible(o.vote, majority)));
  opinions.forEach((o, k) => {
    if (o.ofTheCourt || (opinions.length === 1 && !drafts[k].heading?.dissenting)) {
      o.kind = 'majority';
      o.kindReason = o.ofTheCourt ? 'the judgment of the court' : 'the only opinion';
    } else if (drafts[k].heading?.dissenting) {
      o.kind = 'dissent';
      o.kindReason = 'heading says dissenting';
    } else if (o.judges.some((key) => dissenters.has(key))) {
      o.kind = 'dissent';
      o.kindReason = 'the header says this judge delivered a dissenting opinion';
    } else if (majority && o.vote && !compatible(o.vote, majority)) {
      o.kind = 'dissent';
      o.kindReason = `would have the appeal ${o.vote.replace('_', ' ')}, the majority ${majority.replace('_', ' ')}`;
    } else if (k === lead) {
      o.kind = 'majority';
      o.kindReason = o.joinedBy.length > 0 ? 'lead opinion, with whom others agree' : 'first opinion on the side of the majority';
    } else if (drafts[k].heading?.concurring || majority) {
      o.kind = 'concurrence';
      o.kindReason = o.vote ? 'votes with the majority in an opinion of its own' : 'separate opinion without a contrary vote';
    } else {
      o.kindReason = 'no vote stated and no majority found';
    }
  });

  // ---- the court's disposition
  let disposition: CourtDisposition | null = null;
  const sentenceDisposition = (i: number, basis: CourtDisposition['basis'], confidence: number): CourtDisposition => ({
    disposition: cues[i]!.disposition,
    also: cues[i]!.also,
    sentence: i,
    source: spanOf(text, sentences[i].start, sentences[i].end),
    basis,
    confidence,
    opinion: opinionOf[i],
  });
  const leadVote = lead >= 0 ? opinions[lead].voteSentence : null;
  const agreeingVotes = opinions.filter((o) => o.vote && majority && compatible(o.vote, majority)).length;
  if (orderLine !== null) {
    // Prefer the majority's own sentence when it states the same result; the closing line stays a source.
    const own =
      leadVote !== null && opinions[lead].kind !== 'dissent' && !MAJORITY_ORDER.test(sentences[orderLine].text) && compatible(voteOf(cues[leadVote]!.disposition) ?? 'allowed', orderVote!)
        ? leadVote
        : orderLine;
    disposition = sentenceDisposition(own, 'order', 0.95);
    if (own !== orderLine) {
      // The closing line decides the disposition ("Appeals allowed in part."); the majority's sentence is its source.
      const line = cues[orderLine]!;
      if (line.disposition === 'partly_allowed' || !STRONG.has(disposition.disposition)) {
        if (disposition.disposition !== line.disposition && !disposition.also.includes(disposition.disposition)) disposition.also.push(disposition.disposition);
        disposition.disposition = line.disposition;
      }
      for (const a of line.also) if (!disposition.also.includes(a) && a !== disposition.disposition) disposition.also.push(a);
    }
  } else if (courtOpinion >= 0 && opinions[courtOpinion].voteSentence !== null) {
    disposition = sentenceDisposition(opinions[courtOpinion].voteSentence!, 'court_opinion', 0.9);
  } else if (lead >= 0 && leadVote !== null && opinions[lead].kind === 'majority') {
    disposition = sentenceDisposition(leadVote, 'majority', opinions.length === 1 || agreeingVotes >= 2 ? 0.85 : 0.7);
  } else if (majority) {
    const o = opinions.find((x) => x.kind !== 'dissent' && x.vote && compatible(x.vote, majority));
    if (o && o.voteSentence !== null) disposition = sentenceDisposition(o.voteSentence, 'majority', 0.6);
  } else {
    // No vote at all: an order stated otherwise ("Order accordingly.", "the matter is remitted") by the court or the lead.
    const k = courtOpinion >= 0 ? courtOpinion : lead;
    if (k >= 0 && lastCue[k] !== null) disposition = sentenceDisposition(lastCue[k]!, courtOpinion >= 0 ? 'court_opinion' : 'majority', 0.6);
  }

  // ---- sentence roles
  const orderSentences = new Set<number>();
  if (disposition) {
    orderSentences.add(disposition.sentence);
    for (let i = disposition.sentence + 1; i < n && i <= disposition.sentence + 4; i++) {
      if (opinionOf[i] !== disposition.opinion || structural[i]) break;
      if (CONSEQUENTIAL.test(sentences[i].text) || cues[i]) orderSentences.add(i);
      else break;
    }
  }
  if (orderLine !== null) for (let i = orderLine; i < n; i++) if (!structural[i] || structural[i] === 'furniture') orderSentences.add(i);
  if (disposition) {
    for (const i of orderSentences) {
      for (const d of [cues[i]?.disposition, ...(cues[i]?.also ?? [])]) {
        if (d && d !== disposition.disposition && !STRONG.has(d) && !disposition.also.includes(d)) disposition.also.push(d);
      }
    }
  }
  const roles: SentenceInfo[] = sentences.map((s, i) => {
    const k = opinionOf[i];
    const stance = k === null ? null : opinions[k].kind;
    let role: SentenceRole;
    if (structural[i] && !(orderSentences.has(i) && structural[i] !== 'header' && structural[i] !== 'quotation')) role = structural[i]!;
    else if (orderSentences.has(i)) role = 'order';
    else if (stance === 'dissent') role = 'dissent';
    else if (stance === 'concurrence') role = 'concurrence';
    else role = FACTS.test(s.text) && !OWN_VIEW.test(s.text) ? 'facts' : 'majority';
    return { index: i, start: s.start, end: s.end, role, opinion: k, stance };
  });

  // ---- parties: the header's block, else the roles stated in the body
  const parties = header.parties.length > 0 ? header.parties : bodyParties(text, bodyStart, Math.min(text.length, bodyStart + Math.max(6000, (text.length - bodyStart) * 0.15)));
  const { delivered: _unused, ...headerOut } = header;
  void _unused;
  const structure: JudgmentStructure = {
    header: { ...headerOut, parties },
    bench: [...bench.values()],
    opinions,
    headings,
    quotations,
    citationOnly,
    furniture,
    disposition,
    court: null,
    sentences,
    roles,
  };
  structure.court = decidingCourt(text, structure, entities);
  return structure;
}
