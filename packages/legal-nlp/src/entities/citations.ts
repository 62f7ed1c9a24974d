import { findReporterCitations } from './reporters.js';
import type { CitationForm, Entity } from './types.js';

/** Court codes used in neutral citations (UK, Ireland, Australia, New Zealand, Canada, EU). */
const NEUTRAL_COURTS = new Set([
  'UKSC', 'UKPC', 'UKHL', 'EWCA', 'EWHC', 'EWCOP', 'EWFC', 'UKUT', 'UKFTT', 'UKEAT', 'UKIAT', 'CSIH', 'CSOH', 'HCJAC',
  'NICA', 'NIQB', 'NICh', 'IESC', 'IEHC', 'IECA', 'HCA', 'FCA', 'FCAFC', 'FMCA', 'FCCA', 'FedCFamC1A', 'FamCA', 'FamCAFC',
  'AATA', 'NSWSC', 'NSWCA', 'NSWCCA', 'NSWLEC', 'VSC', 'VSCA', 'QSC', 'QCA', 'WASC', 'WASCA', 'SASC', 'SASCFC', 'TASSC',
  'ACTSC', 'NTSC', 'NZSC', 'NZCA', 'NZHC', 'SCC', 'ECHR', 'EAT', 'IRC', 'AIRC', 'UKIPTrib', 'INSC', 'SGCA', 'SGHC',
]);

// A reporter abbreviation: one to four capitalised tokens ("AC", "WLR", "All ER", "Lloyd's Rep", "S.C.R.",
// "EWCA Civ", "ECR I", "F.3d"), optionally with a series marker.
const TOKEN = "[A-Z][A-Za-z.'&]{0,11}";
const REPORTER = `${TOKEN}(?:[ ]?(?:${TOKEN}|I{1,3}V?|\\d(?:d|th|st|nd|rd)))?(?:[ ](?:${TOKEN}|I{1,3}V?)){0,2}`;
const DIVISION = '(?:\\s?\\((?:Admin|Ch|QB|KB|Fam|Comm|TCC|Pat|IPEC|Costs|Admlty|Civ|Crim|IAC|LC|AAC|TC|Mercantile)\\))?';

// [2011] UKSC 12 | [1984] 1 WLR 904 | [1942] AC 206 | [2008] EWHC 869 (Admin)
const SQUARE = new RegExp(`\\[(\\d{4})\\]\\s*(?:(\\d{1,4})\\s+)?(${REPORTER})\\s+([A-Z]?\\d{1,6})\\b${DIVISION}`, 'g');
// 2011 SLT 37 | 2003 SC (PC) 21 | 2005 SCCR 12 (Scottish reports cited by year without brackets)
const SCOTTISH = /\b(\d{4})\s(SLT|SC(?:\s\((?:PC|HL|JC)\))?|SCLR|JC|SCCR|Fam\sLR|GWD)\s(\d{1,5})\b/g;
// (2005) 220 ALR 1 | (2019) 3 SCC 123 | (1933) 60 I.A. 56
const ROUND = new RegExp(`\\((\\d{4})\\)\\s*(\\d{1,4})\\s+(${REPORTER})\\s+(\\d{1,6})\\b`, 'g');
// (1950) SCR 88 — round year without a volume only for reporters paginated by year.
const ROUND_NO_VOLUME = /\((\d{4})\)\s*(S\.\s?C\.\s?R\.?|SCR|A\.\s?C\.?|AC|Q\.\s?B\.?|QB|Ch\.?|K\.\s?B\.?|KB|ATPR|Cri\.?\s?L\.?\s?J\.?)\s+(\d{1,6}(?:-\d{1,6})?)\b/g;
// (1866) LR 1 HL 129 | (1933) L.R. 60 I.A. 56 (older English and Privy Council reports: series then volume)
const LAW_REPORTS_SERIES = /\((\d{4})\)\s*L\.?\s?R\.?\s*(\d{1,3})\s+([A-Z][A-Za-z.]{0,6}(?:\s?[A-Z][A-Za-z.]{0,5})?)\s+(\d{1,5})\b/g;
// AIR 1973 SC 1461 | A.I.R. 1936 P.C. 304 | AIR (1944) All 558
const AIR = /\bA\.?\s?I\.?\s?R\.?\s*\(?(\d{4})\)?\s+([A-Z][A-Za-z.]{0,10}(?:\s?[A-Z][A-Za-z.]{0,6})?)\s+(\d{1,5})\b/g;
// ILR 45 Bom 1 | I.L.R. (1934) 15 Lah 1
const ILR = /\bI\.?\s?L\.?\s?R\.?\s*(?:[([](\d{4})[)\]]\s*)?(\d{1,4})\s+([A-Z][A-Za-z.]{1,10})\s+(\d{1,5})\b/g;
// 2019 WL 123456 | 2019 U.S. Dist. LEXIS 1234 (unreported decisions in online services)
const ONLINE = /\b(\d{4})\s(WL|U\.S\.\s(?:Dist\.|App\.)\sLEXIS|LEXIS)\s(\d{1,8})\b/g;
// 2019 SCC OnLine SC 123 | 1950 SCR 88 | 1973 Cri LJ 45 (year-first Indian reports)
const YEAR_FIRST = /(?<![\d([\]])\b(\d{4})\s+(SCC\s+OnLine\s+[A-Z][A-Za-z]{1,6}|S\.\s?C\.\s?R\.?|SCR|SCC|Cri\.?\s?L\.?\s?J\.?|SCALE|JT)\s+(?:\((\d{1,2})\)\s+)?(\d{1,6})\b/g;
const SHORT = /\b(?:Id\.|[Ii]bid(?:em)?\b\.?|supra\b)/g;

/** Words that look like reporters but are not (sentence starts after a year in brackets, etc.). */
const NOT_REPORTER = /^(?:The|This|That|These|In|On|At|By|For|And|Or|But|To|Of|He|She|It|We|They|See|Section|Sections|Article|Rule|Order|Schedule|Part|Chapter|Paragraph|Para|No|Nos|Vol|Page|Pages|Act|Rs|Volume|Regulation|Clause)\.?$/;

export interface CitationMatch {
  start: number;
  end: number;
  form: CitationForm;
  year?: number;
  volume?: number;
  reporter?: string;
  page?: number;
}

function normalizeSpaces(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

// The words of a case name on either side of "v": capitalised words, connectors, "(on the application of X)",
// bracketed parts ("(Kensington)", "(formerly ...)") and company suffixes written in lower case ("plc").
const NAME_WORD = "(?:\\(on the application of|\\(on behalf of|\\((?!\\s*\\d{1,2}\\s*\\)|[Ss]upra\\b|unreported\\b)[^()\\n]{1,60}\\)|(?!\\((?:No|[Ss]upra)\\b)\\(?[A-Z][\\w.'&()-]*|of|the|and|for|&amp;|&|de|du|von|van|plc|ltd|llp|ors\\.?|anr\\.?|ex parte|on the application of)";
const NAME_LEFT = `(?:(?:R|Re|In re|In the matter of|Ex parte)\\s+)?[A-Z][\\w.'&-]*(?:\\s+${NAME_WORD})*`;
const NAME_RIGHT = `[A-Z(][\\w.'&()-]*(?:\\s+${NAME_WORD})*`;
const VERSUS = '(?:v|vs|v\\.|vs\\.|versus)';
const CASE_NAME_TAIL = new RegExp(
  `(${NAME_LEFT}\\s+${VERSUS}\\s+${NAME_RIGHT}|(?:In re|Re|Ex parte)\\s+[A-Z][\\w.'&-]*(?:\\s+[A-Z(][\\w.'&()-]*){0,5})[\\s,]*(?:\\((?:\\d{4})\\)\\s*|\\[\\d{4}\\]\\s*)?$`,
);

/** The case name written just before a citation ("Kesavananda Bharati v State of Kerala, AIR 1973 SC 1461"). */
export function caseNameBefore(text: string, start: number): string | undefined {
  const window = text.slice(Math.max(0, start - 200), start);
  const lineStart = window.lastIndexOf('\n');
  const segment = lineStart >= 0 ? window.slice(lineStart + 1) : window;
  // Cut at the last sentence or clause break that cannot be inside a name.
  let cut = Math.max(segment.lastIndexOf('; '), segment.lastIndexOf(': '));
  for (const m of segment.matchAll(/(\S*)\.\s+(?=[A-Z(])/g)) {
    if (!/^(?:v|vs|V|VS|No|Nos|Ltd|Co|Inc|Corp|Bros|St|Mr|Mrs|Ms|Dr|Pty|Plc|plc|[A-Z]|[A-Z]\.[A-Z]|etc)$/.test(m[1]) && m.index + m[1].length > cut) {
      cut = m.index + m[1].length;
    }
  }
  const tail = cut >= 0 ? segment.slice(cut + 1) : segment;
  const m = CASE_NAME_TAIL.exec(tail);
  if (!m) return undefined;
  let name = normalizeSpaces(m[1]);
  // Drop lead-in words that are not part of a name ("In Smith v Jones", "See also Roe v Wade").
  name = name.replace(/^(?:(?:See|see|Also|also|In|Compare|Cf\.?|and|But|The decision in|decision in|case of)\s+)+(?=[A-Z])/, '');
  return name.replace(/[,\s]+$/, '');
}

function reporterOk(reporter: string): boolean {
  const first = reporter.split(/\s+/)[0];
  return !NOT_REPORTER.test(first);
}

/** Full case citations with their parts; overlapping matches keep the earliest, longest one. */
export function findFullCitations(text: string): CitationMatch[] {
  const found: CitationMatch[] = [];
  const add = (c: CitationMatch): void => {
    found.push(c);
  };
  for (const m of text.matchAll(SQUARE)) {
    const reporter = normalizeSpaces(m[3]);
    if (!reporterOk(reporter)) continue;
    const code = reporter.split(' ')[0];
    const neutral = !m[2] && NEUTRAL_COURTS.has(code);
    // A letter before the number ("[2002] UKPC D3") occurs only in neutral citations.
    if (!neutral && /^[A-Z]/.test(m[4])) continue;
    const form: CitationForm = neutral ? 'neutral' : 'law_report';
    add({ start: m.index, end: m.index + m[0].length, form, year: Number(m[1]), volume: m[2] ? Number(m[2]) : undefined, reporter, page: Number(m[4].replace(/^[A-Z]/, '')) });
  }
  for (const m of text.matchAll(ROUND)) {
    const reporter = normalizeSpaces(m[3]);
    if (!reporterOk(reporter)) continue;
    add({ start: m.index, end: m.index + m[0].length, form: 'law_report', year: Number(m[1]), volume: Number(m[2]), reporter, page: Number(m[4]) });
  }
  for (const m of text.matchAll(LAW_REPORTS_SERIES)) {
    add({ start: m.index, end: m.index + m[0].length, form: 'law_report', year: Number(m[1]), volume: Number(m[2]), reporter: `LR ${normalizeSpaces(m[3])}`, page: Number(m[4]) });
  }
  for (const m of text.matchAll(ROUND_NO_VOLUME)) {
    add({ start: m.index, end: m.index + m[0].length, form: 'law_report', year: Number(m[1]), reporter: normalizeSpaces(m[2]), page: Number(m[3]) });
  }
  for (const m of text.matchAll(AIR)) {
    if (!reporterOk(m[2])) continue;
    add({ start: m.index, end: m.index + m[0].length, form: 'indian', year: Number(m[1]), reporter: `AIR ${normalizeSpaces(m[2])}`, page: Number(m[3]) });
  }
  for (const m of text.matchAll(ILR)) {
    add({ start: m.index, end: m.index + m[0].length, form: 'indian', year: m[1] ? Number(m[1]) : undefined, volume: Number(m[2]), reporter: `ILR ${m[3]}`, page: Number(m[4]) });
  }
  for (const m of text.matchAll(YEAR_FIRST)) {
    add({ start: m.index, end: m.index + m[0].length, form: 'indian', year: Number(m[1]), volume: m[3] ? Number(m[3]) : undefined, reporter: normalizeSpaces(m[2]), page: Number(m[4]) });
  }
  for (const m of text.matchAll(SCOTTISH)) {
    add({ start: m.index, end: m.index + m[0].length, form: 'law_report', year: Number(m[1]), reporter: normalizeSpaces(m[2]), page: Number(m[3]) });
  }
  for (const m of text.matchAll(ONLINE)) {
    add({ start: m.index, end: m.index + m[0].length, form: 'us_reporter', year: Number(m[1]), reporter: normalizeSpaces(m[2]), page: Number(m[3]) });
  }
  // 410 U.S. 113 | 123 F.3d 456 | 672 P2d 231 | 63 NY2d 582 | 550 F. Supp. 2d 100 (S.D.N.Y. 2008): reporters from reporters-db.
  for (const c of findReporterCitations(text)) {
    add({ start: c.start, end: c.end, form: 'us_reporter', volume: c.volume, reporter: normalizeSpaces(c.reporter), page: c.page, year: c.year });
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: CitationMatch[] = [];
  for (const c of found) {
    const last = kept[kept.length - 1];
    if (last && c.start < last.end) continue;
    kept.push(c);
  }
  return kept;
}

const VERSUS_GAP = /\s(?:v|vs|v\.|vs\.|versus)\s+(?=[A-Z(])/g;
const LEFT_NAME = new RegExp(`(${NAME_LEFT})\\s*$`);
// A name found on its own starts with a capital on both sides ("(No 2)" is not a name's first word).
const RIGHT_NAME = new RegExp(`^[A-Z]${NAME_RIGHT.slice('[A-Z(]'.length)}`);
/** What may stand between a case name and its citation: a comma, "(No 2)", "(1985)", "[1990]". */
const BEFORE_CITATION = /^[\s,]*(?:Ex\s?p(?:arte)?\.?\s+[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*)*[\s,]*)?(?:\((?:No\.?\s?\d+|[^()]{1,40})\)[\s,]*)?$/;

/**
 * Authorities cited by name alone, without a report citation: "Yunus Shaikh vs The State(3)", "Edgar v
 * Edgar", "A.K. Gopalan v. The State of Madras". Names written just before a citation are not reported
 * here (the citation carries them), nor names given a citation elsewhere in the text (mentions of an
 * authority already found), nor the case's own name where the text has it as a title line.
 */
export function findCaseNames(text: string, full: CitationMatch[], citedNames: Set<string>): CitationMatch[] {
  const out: CitationMatch[] = [];
  const ownTitles = new Set<string>();
  let next = 0;
  for (const m of text.matchAll(VERSUS_GAP)) {
    const at = m.index;
    if (out.length > 0 && at < out[out.length - 1].end) continue;
    // Look-behind and look-ahead stay within 200 characters and the current line, so that the scan is linear.
    const windowStart = Math.max(0, at - 200);
    const lineStart = windowStart + text.slice(windowStart, at).lastIndexOf('\n') + 1;
    const before = text.slice(Math.max(lineStart, windowStart), at);
    const left = leftName(before);
    if (!left) continue;
    const rightStart = at + m[0].length;
    const ahead = text.slice(rightStart, rightStart + 200);
    const newline = ahead.indexOf('\n');
    const lineEnd = newline < 0 ? -1 : rightStart + newline;
    const r = RIGHT_NAME.exec(newline < 0 ? ahead : ahead.slice(0, newline));
    if (!r) continue;
    // A footnote number written against the name ("The State(3)", "Emperor(2)") and trailing connectors are not part of it.
    // A judge's name after it ("Stack v Dowden Baroness Hale said") is not part of it either.
    const right = r[0]
      .replace(/\s(?:Lord|Lady|Baroness|Sir|Mr|Mrs|Ms|Justice)\s[A-Z][\s\S]*$/, '')
      .replace(/\s*(?:\(\s*\d{0,2}\s*\)?)+[.,;]?$/, '')
      .replace(/\(\s*\d{1,2}\s*\)[\s\S]*$/, '')
      .replace(/(?:\s+(?:of|the|and|for|&|de|du|von|van|ex parte|on the application of))+$/, '')
      .replace(/[.,;\s]+$/, '');
    if (!right) continue;
    const start = at - left.length;
    const end = rightStart + right.length;
    const name = normalizeSpaces(text.slice(start, end));
    // The case's own title standing on a line of its own.
    const wholeLine = (lineStart > windowStart || windowStart === 0) && (lineEnd >= 0 || rightStart + 200 >= text.length);
    const line = wholeLine ? normalizeSpaces(text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd)) : '';
    if (line === name) ownTitles.add(nameKey(withoutBrackets(name)));
    if (line === name || name === name.toUpperCase()) continue;
    if (citedNames.has(nameKey(withoutBrackets(name)))) continue;
    while (next < full.length && full[next].end <= end) next++;
    const after = text.slice(end, end + 20);
    if (next < full.length && full[next].start - end < 60 && BEFORE_CITATION.test(text.slice(end, full[next].start))) continue;
    if (/^[\s,]*\(?\s*supra\b/i.test(after)) continue;
    out.push({ start, end, form: 'case_name' });
  }
  // The case's own name, once seen as a title line, is not an authority wherever else it is written.
  return ownTitles.size === 0 ? out : out.filter((c) => !ownTitles.has(nameKey(withoutBrackets(text.slice(c.start, c.end)))));
}

function leftName(before: string): string | undefined {
  let cut = Math.max(before.lastIndexOf('; '), before.lastIndexOf(': '));
  for (const m of before.matchAll(/(\S*)\.\s+(?=[A-Z(])/g)) {
    if (!/^(?:v|vs|V|VS|No|Nos|Ltd|Co|Inc|Corp|Bros|St|Mr|Mrs|Ms|Dr|Pty|Plc|plc|[A-Z]|[A-Z]\.[A-Z]|etc|Pd|Smt|Shri)$/.test(m[1]) && m.index + m[1].length > cut) {
      cut = m.index + m[1].length;
    }
  }
  const tail = cut >= 0 ? before.slice(cut + 1) : before;
  const m = LEFT_NAME.exec(tail);
  if (!m) return undefined;
  const lead = /^(?:(?:See|see|Also|also|In|in|Compare|Cf\.?|and|But|The decision in|decision in|case of|Thus|So|Similarly|Further|Again|Likewise|Vide|vide|the)\s+)+(?=[A-Z])/.exec(m[1]);
  const name = lead ? m[1].slice(lead[0].length) : m[1];
  return name.length > 0 ? name : undefined;
}

/** "N v N (Jurisdiction: Pre-nuptial Agreement)" is the case "N v N". */
function withoutBrackets(name: string): string {
  return name.replace(/^(?:In|See|see)\s+/, '').replace(/\s*\([^()]*\)/g, '');
}

function nameKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/\b(?:vs?\.?|versus)\b/g, ' v ')
    .replace(/[^a-z0-9 ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Case citations, full and short (Id., ibid, supra), short forms resolved to the full citation they repeat. */
export function findCaseCitations(text: string): Entity[] {
  let previousEnd = 0;
  let previousName: string | undefined;
  const matches = findFullCitations(text);
  const full = matches.map((c): Entity => {
    const entity: Entity = {
      type: 'case_citation',
      start: c.start,
      end: c.end,
      text: text.slice(c.start, c.end),
      normalized: normalizeSpaces(text.slice(c.start, c.end)),
      form: c.form,
    };
    const caseName = caseNameBefore(text, c.start);
    if (caseName) entity.caseName = caseName;
    // A parallel citation ("[2003] HCA 5; (2003) 214 CLR 1") shares the case name of the one before it.
    if (!caseName && previousName && /^\s*[;,]\s*$/.test(text.slice(previousEnd, c.start))) entity.caseName = previousName;
    previousName = entity.caseName;
    previousEnd = c.end;
    if (c.year !== undefined && !Number.isNaN(c.year)) entity.year = c.year;
    if (c.volume !== undefined) entity.volume = c.volume;
    if (c.reporter) entity.reporter = c.reporter;
    if (c.page !== undefined) entity.page = c.page;
    return entity;
  });
  // Authorities cited by name alone join the full citations (a "supra" may point back to one).
  const citedNames = new Set(full.flatMap((f) => (f.caseName ? [nameKey(withoutBrackets(f.caseName))] : [])));
  for (const c of findCaseNames(text, matches, citedNames)) {
    const name = normalizeSpaces(text.slice(c.start, c.end));
    full.push({ type: 'case_citation', start: c.start, end: c.end, text: text.slice(c.start, c.end), normalized: name, form: 'case_name', caseName: name });
  }
  full.sort((a, b) => a.start - b.start);
  const shorts: Entity[] = [];
  const fullByStart = new Map(full.map((f) => [f.start, f]));
  // Full citations do not overlap and are in order; `before` counts those that end before the short form.
  let before = 0;
  /** Up to this many earlier citations are searched for the case a "supra" names. */
  const SUPRA_LOOKBACK = 400;
  for (const m of text.matchAll(SHORT)) {
    const start = m.index;
    const end = start + m[0].length;
    while (before < full.length && full[before].end <= start) before++;
    if (before < full.length && full[before].start < end) continue; // inside a full citation
    const word = m[0].toLowerCase();
    // "Id." must start a citation sentence or follow "See"; avoid "Id." as an abbreviation elsewhere.
    if (word === 'id.' && !/(?:^|[.;]\s+|\bSee\s+|\bsee\s+|\(\s*)$/.test(text.slice(Math.max(0, start - 6), start))) continue;
    const entity: Entity = { type: 'case_citation', start, end, text: m[0], form: 'short', normalized: m[0].replace(/\.$/, '').toLowerCase() };
    let target: Entity | undefined;
    if (word.startsWith('supra')) {
      // The case name is written before "supra": "Ramsden vs Dyson (supra)", "Roe, supra".
      let lead = text.slice(Math.max(0, start - 120), start).replace(/[\s,(]+$/, '');
      // Only the words after the last sentence or clause break can name the case.
      let cut = -1;
      for (const b of lead.matchAll(/(\S*)[.;:]\s+(?=[A-Z])/g)) {
        if (!/^(?:v|vs|V|No|Ltd|Co|Inc|Mr|Mrs|Dr|St|[A-Z])$/.test(b[1])) cut = b.index + b[0].length;
      }
      if (cut >= 0) lead = lead.slice(cut);
      const m2 = /([A-Z][\w.'&-]*(?:\s+(?:[A-Z][\w.'&-]*|of|the|and|&|v|vs|v\.|vs\.))*)$/.exec(lead);
      if (m2) {
        const key = nameKey(m2[1]);
        const firstWord = key.split(' ')[0];
        const stop = Math.max(0, before - SUPRA_LOOKBACK);
        for (let i = before - 1; i >= stop && !target; i--) {
          const name = full[i].caseName ? nameKey(full[i].caseName!) : '';
          if (name && (name === key || name.startsWith(`${key} `))) target = full[i];
        }
        for (let i = before - 1; i >= stop && !target && firstWord.length > 3; i--) {
          const name = full[i].caseName ? nameKey(full[i].caseName!) : '';
          if (name && name.split(' ').includes(firstWord)) target = full[i];
        }
      }
    } else {
      // Id. and ibid repeat the citation immediately before (a full one, or the one an earlier Id. repeated).
      const lastFull = before > 0 ? full[before - 1] : undefined;
      const lastShort = shorts[shorts.length - 1];
      const previous = lastShort && (!lastFull || lastShort.end > lastFull.end) ? lastShort : lastFull;
      if (previous) target = previous.form === 'short' ? fullByStart.get(previous.resolvesTo!.start) : previous;
      if (previous && start - previous.end > 1500) target = undefined;
    }
    // A short form that points at nothing found (a book, a statute, a footnote) is not reported.
    if (!target) continue;
    entity.resolvesTo = { start: target.start, end: target.end, text: target.text, normalized: target.normalized };
    shorts.push(entity);
  }
  return [...full, ...shorts].sort((a, b) => a.start - b.start);
}
