/**
 * Checkable facts in a text: numbers, dates, case citations and party names. These regular expressions are
 * the fallback used when @amicus/legal-nlp offers no entity extractor.
 */

export type FactKind = 'number' | 'date' | 'citation' | 'party' | 'money' | 'case_number';

export interface Fact {
  kind: FactKind;
  text: string;
  start: number;
  end: number;
  /** Comparable form: dates as y-m-d (or y-m), numbers without separators, other text folded. */
  normalized: string;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_RE = '(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.?';

function monthIndex(name: string): number {
  const key = name.toLowerCase().replace('.', '').slice(0, 3);
  return MONTHS.findIndex((m) => m.startsWith(key)) + 1;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

const DATE_PATTERNS: Array<{ re: RegExp; norm: (m: RegExpExecArray) => string | undefined }> = [
  {
    // 13 December 2006, 13th December, 2006, 1st day of May 1950
    re: new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:day\\s+of\\s+)?(${MONTH_RE}),?\\s+(\\d{4})\\b`, 'gi'),
    norm: (m) => `${m[3]}-${pad(monthIndex(m[2]))}-${pad(+m[1])}`,
  },
  {
    // December 13, 2006
    re: new RegExp(`\\b(${MONTH_RE})\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'gi'),
    norm: (m) => `${m[3]}-${pad(monthIndex(m[1]))}-${pad(+m[2])}`,
  },
  {
    // 13.12.2006, 13/12/2006, 13-12-2006 (day first, as in UK, Indian and Australian courts)
    re: /\b(\d{1,2})[./-](\d{1,2})[./-](\d{4})\b/g,
    norm: (m) => (+m[2] >= 1 && +m[2] <= 12 && +m[1] >= 1 && +m[1] <= 31 ? `${m[3]}-${pad(+m[2])}-${pad(+m[1])}` : undefined),
  },
  {
    // December 2006, December, 1949
    re: new RegExp(`\\b(${MONTH_RE}),?\\s+(\\d{4})\\b`, 'gi'),
    norm: (m) => `${m[2]}-${pad(monthIndex(m[1]))}`,
  },
];

const CITATION_PATTERNS: RegExp[] = [
  // [2011] UKSC 12, [2009] EWCA Civ 123, [2006] FCA 1, [2005] HCA 24
  /\[(?:19|20)\d{2}\]\s+[A-Z][A-Za-z]{1,7}(?:\s+(?:Civ|Crim|Admin|Ch|Fam|QB|KB|Comm|Pat|TCC|IPEC))?\s+\d{1,5}\b/g,
  // (2019) 3 SCC 123, [1969] 1 AC 33, (2005) 215 ALR 162, [1970] P 198, [1950] S.C.R. 88
  /[[(](?:1[6-9]|20)\d{2}[\])]\s+(?:\d{1,4}\s+)?[A-Z][A-Za-z.]{0,9}(?:\s+[A-Z][A-Za-z.]{0,9}){0,2}\s+\d{1,5}\b/g,
  // AIR 1950 SC 124, A.I.R. 1950 S.C. 124
  /\bA\.?\s?I\.?\s?R\.?\s+\(?(?:19|20)\d{2}\)?\s+[A-Z][A-Za-z.]{0,12}(?:\s+[A-Z][A-Za-z.]{0,12})?\s+\d{1,5}\b/g,
  // 1950 SCR 88, 1961 (1) SCR 12
  /\b(?:19|20)\d{2}\s+(?:\(\d{1,2}\)\s+)?S\.?\s?C\.?\s?R\.?\s+\d{1,5}\b/g,
];

const NAME_WORD = "(?:[A-Z][\\w.&'’-]{0,40}|&)";
// "and" is not a link: "Smith v Jones and Brown v Green" names four parties, not three.
const NAME_LINK = '(?:of|for|the|de|von|van|da|del)';
// Names never run across a line break: summaries put one sentence on a line.
const NAME = `${NAME_WORD}(?:[^\\S\\n]+(?:${NAME_WORD}|${NAME_LINK})){0,7}`;
// A name starts at a word start (the look-behind keeps matching linear on long runs of letters).
const PARTY_RE = new RegExp(`(?<![\\w.&'’-])(${NAME})[^\\S\\n]+(?:v|vs|versus)\\.?[^\\S\\n]+(${NAME})`, 'g');
const LEADING_NOISE = new Set(['In', 'See', 'And', 'But', 'Also', 'Per', 'Following', 'Applying', 'Cf', 'Cf.', 'The', 'Thus', 'In re', 'Re', 'Also,', 'Case', 'Decision', 'Under', 'As', 'That', 'This', 'Then', 'By', 'On', 'From', 'Unlike']);
const TRAILING_LINKS = new RegExp(`(?:\\s+${NAME_LINK})+$|[.,]+$`);

const NUMBER_RE = /\d+(?:[.,]\d+)*/g;

/** Lower case, punctuation and brackets as single spaces: a form for comparing mentions. */
export function foldText(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}&]+/gu, ' ')
    .trim();
}

function overlaps(taken: Array<[number, number]>, start: number, end: number): boolean {
  return taken.some(([s, e]) => start < e && end > s);
}

function trimParty(name: string): { text: string; offset: number } {
  let text = name;
  let offset = 0;
  for (;;) {
    const m = /^(\S+)\s+/.exec(text);
    if (!m || !LEADING_NOISE.has(m[1])) break;
    offset += m[0].length;
    text = text.slice(m[0].length);
  }
  text = text.replace(TRAILING_LINKS, '');
  return { text, offset };
}

/** Dates, citations, party names (from "X v Y") and the remaining numbers of `text`. */
export function extractFacts(text: string): Fact[] {
  const facts: Fact[] = [];
  const taken: Array<[number, number]> = [];
  const push = (kind: FactKind, start: number, end: number, normalized: string): void => {
    // Summaries hold one sentence a line: a mention across a line break joins two sentences, so only its
    // numbers are checked.
    if (kind !== 'number' && text.slice(start, end).includes('\n')) return;
    if (overlaps(taken, start, end)) return;
    taken.push([start, end]);
    facts.push({ kind, text: text.slice(start, end), start, end, normalized });
  };
  for (const re of CITATION_PATTERNS) {
    for (const m of text.matchAll(re)) push('citation', m.index, m.index + m[0].length, foldText(m[0]));
  }
  for (const { re, norm } of DATE_PATTERNS) {
    for (const m of text.matchAll(re)) {
      const n = norm(m as RegExpExecArray);
      if (n !== undefined) push('date', m.index, m.index + m[0].length, n);
    }
  }
  for (const m of text.matchAll(PARTY_RE)) {
    const leftRaw = m[1];
    const left = trimParty(leftRaw);
    if (left.text.length > 1) push('party', m.index + left.offset, m.index + left.offset + left.text.length, foldText(left.text));
    const rightStart = m.index + m[0].length - m[2].length;
    const right = trimParty(m[2]);
    if (right.text.length > 1) push('party', rightStart + right.offset, rightStart + right.offset + right.text.length, foldText(right.text));
  }
  for (const m of text.matchAll(NUMBER_RE)) push('number', m.index, m.index + m[0].length, normalizeNumber(m[0]));
  return facts.sort((a, b) => a.start - b.start);
}

export function normalizeNumber(raw: string): string {
  // Thousands separators go; a trailing sentence period is not part of the number.
  return raw.replace(/[.,]$/, '').replace(/,/g, '');
}
