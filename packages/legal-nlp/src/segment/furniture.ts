import { isSpace } from './chars.js';

/**
 * Page furniture: what the page layout of a printed report adds to a judgment's text — page numbers and
 * running headers or footers repeated on every page. Extraction leaves them in the text, on lines of their
 * own or in the middle of a sentence ("section 1018 63(7)", where 1018 is the report's page number).
 */

export type FurnitureKind = 'page-number' | 'running-header';

export interface Furniture {
  kind: FurnitureKind;
  start: number;
  end: number;
  text: string;
}

/** A line that is nothing but a page number: "12", "- 12 -", "Page 12", "Page 12 of 40", "12/40". */
const PAGE_NUMBER_LINE = /^(?:page\s+\d{1,4}(?:\s+of\s+\d{1,4})?|[-–—]\s*\d{1,4}\s*[-–—]|\d{1,4}(?:\s*\/\s*\d{1,4})?)$/i;

/** Running headers are short lines repeated on several pages. */
const MAX_HEADER_CHARS = 100;
const MIN_HEADER_REPEATS = 3;
/** Repeats of a running header stand at least this far apart (a fifth of a printed page or so). */
const MIN_HEADER_GAP = 500;

/** Consecutive page numbers embedded in running text stand between these distances apart (UTF-16 units). */
const MIN_PAGE_CHARS = 600;
const MAX_PAGE_CHARS = 12_000;
const MIN_CHAIN = 3;

interface LineSpan {
  start: number;
  end: number;
}

function trimmedLines(text: string): LineSpan[] {
  const out: LineSpan[] = [];
  let lineStart = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && text.charCodeAt(i) !== 10) continue;
    let s = lineStart;
    let e = i;
    while (s < e && isSpace(text.charCodeAt(s))) s++;
    while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
    if (s < e) out.push({ start: s, end: e });
    lineStart = i + 1;
  }
  return out;
}

/** Whole lines that are page numbers or running headers. */
function furnitureLines(text: string, lines: LineSpan[]): Furniture[] {
  const out: Furniture[] = [];
  const groups = new Map<string, LineSpan[]>();
  for (const line of lines) {
    const len = line.end - line.start;
    if (len > MAX_HEADER_CHARS) continue;
    const body = text.slice(line.start, line.end);
    if (PAGE_NUMBER_LINE.test(body)) {
      out.push({ kind: 'page-number', start: line.start, end: line.end, text: body });
      continue;
    }
    // A repeated sentence is the judgment's own text; headers and footers do not end like sentences.
    if (len < 4 || !/\p{L}/u.test(body) || /[.?!;:,]$/.test(body)) continue;
    const key = body.replace(/\d+/g, '#').replace(/\s+/g, ' ');
    const group = groups.get(key);
    if (group) group.push(line);
    else groups.set(key, [line]);
  }
  for (const group of groups.values()) {
    if (group.length < MIN_HEADER_REPEATS || !isRunningHeader(text, group)) continue;
    for (const line of group) out.push({ kind: 'running-header', start: line.start, end: line.end, text: text.slice(line.start, line.end) });
  }
  return out;
}

const CALLS_FOR_NUMBER =
  /(?:\b(?:paras?|paragraphs?|sections?|ss?|articles?|arts?|rules?|r|rr|clauses?|cl|sch|regs?|pages?|pp?|nos?|vol|volume|footnote|fn|n|jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?|\])\s+$/i;
/** Title words of an instrument's name, which a year or number follows ("Banking Act 1987", "Part 2"). */
const NAMED_BEFORE_NUMBER = /\b(?:Acts?|Orders?|Rules|Regulations|Code|Part|Schedule|Chapter|Order|Directive|Article)\s+$/;
const MONTH_AFTER = /^\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b/i;

/**
 * Whether lines of the same shape, in document order, are a running header or footer: they recur at
 * page-like, similar distances through at least half of the text, and either count pages up one at a time
 * ("R v Smith [2019] UKSC 12 — 3", "— 4", …) or are identical on many pages. Headings a judgment repeats
 * ("Ground 1" … "Ground 3", "ORDER", "(emphasis added)") fail one of these tests.
 */
function isRunningHeader(text: string, group: LineSpan[]): boolean {
  const starts = group.map((l) => l.start);
  for (let i = 1; i < starts.length; i++) if (starts[i] - group[i - 1].end < MIN_HEADER_GAP) return false;
  if (!regularGaps(starts) || !coversHalf(starts, text.length)) return false;
  const numbers = group.map((l) => /(\d+)\D*$/.exec(text.slice(l.start, l.end))?.[1]);
  if (numbers.every((n) => n === numbers[0])) return group.length >= 2 * MIN_HEADER_REPEATS;
  // A short numbered heading ("Ground 1", "Issue 2") counts up too; a header names the case or the court.
  const words = text.slice(group[0].start, group[0].end).split(/\s+/).length;
  if (words < 3 || group.length <= MIN_HEADER_REPEATS) return false;
  return numbers.every((n, i) => i === 0 || Number(n) === Number(numbers[i - 1]) + 1);
}

interface Candidate {
  value: number;
  start: number;
  end: number;
}

/**
 * Page numbers printed into the running text: numbers standing alone between spaces that count up by one
 * at page-like distances through the document ("... the Bombay 171 Public Security ... April, 172 1950 ...").
 * A chain of at least three such numbers at similar distances is taken as the report's pagination.
 */
function embeddedPageNumbers(text: string): Furniture[] {
  const candidates: Candidate[] = [];
  const re = /(?<=[^\S\n])\d{1,4}(?=[^\S\n])/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    // A day of the month ("24 October 1945") is a date, not a page.
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 12);
    if (MONTH_AFTER.test(after)) continue;
    // A number the word before calls for ("para 21", "section 10", "April 3", "[2006] 2 AC") is that
    // reference, unless another number follows at once ("section 1018 63(7)": 1018 interrupts).
    const before = text.slice(Math.max(0, m.index - 16), m.index);
    if ((CALLS_FOR_NUMBER.test(before) || NAMED_BEFORE_NUMBER.test(before)) && !/^\s+[\d(]/.test(after)) continue;
    candidates.push({ value: Number(m[0]), start: m.index, end: m.index + m[0].length });
  }
  if (candidates.length < MIN_CHAIN) return [];
  // Chains keyed by the value they expect next; each candidate extends the chain expecting it, when the
  // distance fits a page, or starts a new one.
  const open = new Map<number, Candidate[]>();
  const chains: Candidate[][] = [];
  for (const c of candidates) {
    const chain = open.get(c.value);
    if (chain) {
      const gap = c.start - chain[chain.length - 1].start;
      if (gap >= MIN_PAGE_CHARS && gap <= MAX_PAGE_CHARS) {
        open.delete(c.value);
        chain.push(c);
        open.set(c.value + 1, chain);
        continue;
      }
      if (gap > MAX_PAGE_CHARS) open.delete(c.value);
    }
    if (!open.has(c.value + 1)) {
      const fresh = [c];
      chains.push(fresh);
      open.set(c.value + 1, fresh);
    }
  }
  const out: Furniture[] = [];
  for (const chain of chains) {
    const starts = chain.map((c) => c.start);
    if (chain.length < MIN_CHAIN || !regularGaps(starts) || !coversHalf(starts, text.length)) continue;
    for (const c of chain) out.push({ kind: 'page-number', start: c.start, end: c.end, text: text.slice(c.start, c.end) });
  }
  return out;
}

/**
 * A report's pagination runs through the whole text; a run of numbers counting up through one passage
 * ("24 October ..., article 25 ..., 26 June ...") does not. The positions, with one page's length added,
 * must cover at least half the text.
 */
function coversHalf(starts: number[], length: number): boolean {
  const span = starts[starts.length - 1] - starts[0];
  return span + span / (starts.length - 1) >= 0.5 * length;
}

/** Pages of one report are of similar length: no gap more than four times another. */
function regularGaps(starts: number[]): boolean {
  let min = Infinity;
  let max = 0;
  for (let i = 1; i < starts.length; i++) {
    const gap = starts[i] - starts[i - 1];
    min = Math.min(min, gap);
    max = Math.max(max, gap);
  }
  return max <= 4 * min;
}

/** Page numbers and running headers in `text`, in document order, without overlaps. */
export function detectFurniture(text: string): Furniture[] {
  const lines = trimmedLines(text);
  const all = [...furnitureLines(text, lines), ...embeddedPageNumbers(text)].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Furniture[] = [];
  for (const f of all) {
    const last = out[out.length - 1];
    if (last && f.start < last.end) continue;
    out.push(f);
  }
  return out;
}
