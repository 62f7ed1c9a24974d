import { ALWAYS, BEFORE_NUMBER, OPENERS, WEAK } from './abbreviations.js';

export interface Paragraph {
  index: number;
  start: number;
  end: number;
  text: string;
  /** The paragraph's own number as written, such as "[12]" or "12." (or a bare "12" before a capitalised word). */
  label?: string;
}

export interface Sentence {
  index: number;
  paragraph: number;
  start: number;
  end: number;
  text: string;
}

export interface Segmentation {
  paragraphs: Paragraph[];
  sentences: Sentence[];
}

export interface SegmentOptions {
  /** Sentences longer than this (UTF-16 units) are cut at a clause or word boundary. Default 1000. */
  maxSentenceChars?: number;
}

export const DEFAULT_MAX_SENTENCE_CHARS = 1000;

/** Bounds on look-behind and look-ahead so that adversarial input stays linear. */
const MAX_TOKEN_LOOKBACK = 24;
const MAX_WORD_LOOKAHEAD = 32;
const MAX_SPACE_LOOKAHEAD = 64;

/** Sentence-final punctuation; the danda (U+0964) ends sentences in Hindi and other Indian scripts. */
const TERMINATORS = '.?!।';
const CLOSERS = '"\'”’)]»';
const OPENERS_PUNCT = '"\'“‘([«';
const SUPERSCRIPT_DIGITS = '¹²³⁰⁴⁵⁶⁷⁸⁹';

const ROMAN = /^[IVXLCDM]+$/;

function isSpace(c: number): boolean {
  // space, tab, LF, VT, FF, CR, NBSP, and the Unicode spaces that PDF extraction produces
  return c === 32 || (c >= 9 && c <= 13) || c === 160 || c === 0x2028 || c === 0x2029 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x3000 || c === 0xfeff;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isLower(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const c = ch.charCodeAt(0);
  if (c < 128) return c >= 97 && c <= 122;
  return ch !== ch.toUpperCase() && ch === ch.toLowerCase();
}

function isUpper(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const c = ch.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

function isWordChar(ch: string): boolean {
  const c = ch.charCodeAt(0);
  return isDigit(c) || isUpper(ch) || isLower(ch);
}

/**
 * Splits text into paragraphs and sentences with UTF-16 offsets into `text`.
 * `text.slice(start, end)` equals each item's `text`; items are trimmed of surrounding whitespace.
 * Runs in time linear in the length of the text.
 */
export function segment(text: string, options: SegmentOptions = {}): Segmentation {
  const maxChars = Math.max(50, options.maxSentenceChars ?? DEFAULT_MAX_SENTENCE_CHARS);
  const spans = paragraphSpans(text);
  const paragraphs: Paragraph[] = [];
  const sentences: Sentence[] = [];
  const state = { lastLabel: undefined as number | undefined };
  for (const span of spans) {
    for (const part of splitInlineLabels(text, span.start, span.end, state)) {
      const index = paragraphs.length;
      const paragraph: Paragraph = { index, start: part.start, end: part.end, text: text.slice(part.start, part.end) };
      if (part.label !== undefined) paragraph.label = part.label;
      paragraphs.push(paragraph);
      const bodyStart = part.label !== undefined ? part.start + part.label.length : part.start;
      splitSentences(text, bodyStart, part.end, maxChars, (s, e) => {
        sentences.push({ index: sentences.length, paragraph: index, start: s, end: e, text: text.slice(s, e) });
      });
    }
  }
  return { paragraphs, sentences };
}

interface Span {
  start: number;
  end: number;
}

interface Line {
  start: number; // first non-space
  end: number; // after last non-space
}

/** Non-blank lines with trimmed offsets, plus whether any blank line separates two of them. */
function lines(text: string): { items: Line[]; blankSeparated: boolean } {
  const items: Line[] = [];
  let blankSeparated = false;
  let pendingBlank = false;
  let lineStart = 0;
  const n = text.length;
  for (let i = 0; i <= n; i++) {
    if (i === n || text.charCodeAt(i) === 10) {
      let s = lineStart;
      let e = i;
      while (s < e && isSpace(text.charCodeAt(s))) s++;
      while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
      if (s < e) {
        if (pendingBlank && items.length > 0) blankSeparated = true;
        pendingBlank = false;
        items.push({ start: s, end: e });
      } else {
        pendingBlank = true;
      }
      lineStart = i + 1;
    }
  }
  return { items, blankSeparated };
}

// "[12]", "12." or, as in Australian judgments, a bare "12" before a capitalised word. "(1)" is left alone: it
// numbers sub-sections of quoted statutes far more often than paragraphs.
const LEADING_LABEL = /^(?:\[\d{1,4}\]|\d{1,4}\.(?=\s)|\d{1,3}(?=\s+[A-Z"“'‘(]))/;

function leadingLabel(text: string, start: number, end: number): string | undefined {
  const head = text.slice(start, Math.min(end, start + 8));
  const m = LEADING_LABEL.exec(head);
  if (!m) return undefined;
  // A label must be followed by text in the same paragraph.
  if (start + m[0].length >= end) return undefined;
  return m[0];
}

/**
 * Paragraph spans. Where blank lines exist they separate paragraphs; otherwise each line is a paragraph,
 * except that a line starting in lower case continues the line before it. In both modes a line that opens
 * with a paragraph number starts a new paragraph, and a number alone on a line belongs to the line after it.
 */
function paragraphSpans(text: string): Span[] {
  const { items: raw, blankSeparated } = lines(text);
  const items = detachTrailingLabels(text, raw);
  const spans: Span[] = [];
  let current: Span | undefined;
  let prevLineEnd = -1;
  let currentIsBareLabel = false;
  for (const line of items) {
    let startsNew = current === undefined;
    if (!startsNew) {
      const gap = text.slice(prevLineEnd, line.start);
      const blankBetween = /\n[^\S\n]*\n/.test(gap);
      if (blankBetween) startsNew = true;
      else if (currentIsBareLabel) startsNew = false; // "63." alone on a line numbers the next line
      else if (leadingLabel(text, line.start, line.end) !== undefined) startsNew = true;
      else if (!blankSeparated) {
        // A line that starts in lower case continues the previous one (a wrapped line, or a sentence that a
        // line break cut after an abbreviation such as "No. 1."), as does a line after one that ends in an
        // abbreviation that cannot end a sentence ("... party Nos.\n3 to 5 ...").
        startsNew = !isLower(text[line.start]) && !endsInBindingAbbreviation(text, prevLineEnd, line.start);
      }
    }
    if (startsNew) {
      if (current) spans.push(current);
      current = { start: line.start, end: line.end };
      currentIsBareLabel = BARE_LABEL.test(text.slice(line.start, Math.min(line.end, line.start + 8))) && line.end - line.start <= 7;
    } else if (current) {
      current.end = line.end;
      currentIsBareLabel = false;
    }
    prevLineEnd = line.end;
  }
  if (current) spans.push(current);
  return spans;
}

const TRAILING_LABEL = /(?<=[.?!:;"'”’)\]])\s+(\d{1,3}\.)$/;

/**
 * Some judgments put a paragraph's number at the end of the line before it ("... the Treaty. 286.\nIn this
 * regard ..."). Such a number becomes a line of its own, so that it labels the paragraph it belongs to.
 */
function detachTrailingLabels(text: string, items: Line[]): Line[] {
  const out: Line[] = [];
  for (let i = 0; i < items.length; i++) {
    const line = items[i];
    const next = items[i + 1];
    const tailStart = Math.max(line.start, line.end - 12);
    const m = next !== undefined ? TRAILING_LABEL.exec(text.slice(tailStart, line.end)) : null;
    if (m && next && !isLower(text[next.start])) {
      const labelStart = line.end - m[1].length;
      let e = tailStart + m.index;
      while (e > line.start && isSpace(text.charCodeAt(e - 1))) e--;
      if (e > line.start) {
        out.push({ start: line.start, end: e }, { start: labelStart, end: line.end });
        continue;
      }
    }
    out.push(line);
  }
  return out;
}

const BARE_LABEL = /^(?:\[\d{1,4}\]|\d{1,4}\.)$/;

/** Whether the line ending at `prevEnd` ends in an abbreviation that binds to the line starting at `next`. */
function endsInBindingAbbreviation(text: string, prevEnd: number, next: number): boolean {
  if (text[prevEnd - 1] !== '.') return false;
  const token = tokenBefore(text, prevEnd - 1, Math.max(0, prevEnd - MAX_TOKEN_LOOKBACK - 1));
  if (token.length === 0) return false;
  const key = token.length === 1 ? token : token.toLowerCase();
  if (ALWAYS.has(key)) return true;
  if (BEFORE_NUMBER.has(key)) return followsNumber(wordAfter(text, next, Math.min(text.length, next + MAX_WORD_LOOKAHEAD)), text[next]);
  return false;
}

interface LabelledSpan extends Span {
  label?: string;
}

const INLINE_LABEL_CANDIDATE = /\[\d{1,4}\]|\d{1,4}\./g;
const LABEL_PRECEDER = '.?!:;"\'”’)]';

function labelNumber(label: string): number {
  return parseInt(label.replace(/\D/g, ''), 10);
}

/**
 * Whether the candidate label at [at, end) stands between a sentence end and a capitalised word:
 * "... dismissed. 12. The appellant". Look-behind and look-ahead are bounded so that long runs of spaces
 * stay linear.
 */
function isInlineLabel(text: string, at: number, end: number, limit: number, floor: number): boolean {
  if (at <= floor || !isSpace(text.charCodeAt(at - 1))) return false;
  let b = at - 1;
  const stop = Math.max(floor, at - MAX_SPACE_LOOKAHEAD);
  while (b > stop && isSpace(text.charCodeAt(b))) b--;
  if (isSpace(text.charCodeAt(b)) || !LABEL_PRECEDER.includes(text[b])) return false;
  if (end >= limit || !isSpace(text.charCodeAt(end))) return false;
  let f = end;
  const fstop = Math.min(limit, end + MAX_SPACE_LOOKAHEAD);
  while (f < fstop && isSpace(text.charCodeAt(f))) f++;
  if (f < limit && '"“\'‘('.includes(text[f])) f++;
  return f < limit && isUpper(text[f]);
}

/**
 * Judgments delivered as one long line still carry their paragraph numbers inline ("... dismissed. 12. The
 * appellant ..."). A number that continues the document's paragraph sequence starts a new paragraph.
 */
function splitInlineLabels(text: string, start: number, end: number, state: { lastLabel: number | undefined }): LabelledSpan[] {
  const label = leadingLabel(text, start, end);
  if (label !== undefined) state.lastLabel = labelNumber(label);
  const out: LabelledSpan[] = [];
  let current: LabelledSpan = label !== undefined ? { start, end, label } : { start, end };
  const body = text.slice(start, end);
  INLINE_LABEL_CANDIDATE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = INLINE_LABEL_CANDIDATE.exec(body)) !== null) {
    const at = start + m.index;
    if (!isInlineLabel(text, at, at + m[0].length, end, start)) continue;
    const num = labelNumber(m[0]);
    const expected = state.lastLabel === undefined ? num <= 2 : num === state.lastLabel + 1;
    if (!expected) continue;
    let e = at;
    while (e > current.start && isSpace(text.charCodeAt(e - 1))) e--;
    current.end = e;
    out.push(current);
    current = { start: at, end, label: m[0] };
    state.lastLabel = num;
  }
  out.push(current);
  return out;
}

/** The token before position `dot` (exclusive), bounded; stops at whitespace and opening punctuation. */
function tokenBefore(text: string, dot: number, floor: number): string {
  let i = dot;
  const limit = Math.max(floor, dot - MAX_TOKEN_LOOKBACK);
  while (i > limit) {
    const ch = text[i - 1];
    if (isSpace(ch.charCodeAt(0)) || OPENERS_PUNCT.includes(ch)) break;
    i--;
  }
  return text.slice(i, dot);
}

/** The word starting at `at` after skipping opening punctuation, bounded. */
function wordAfter(text: string, at: number, end: number): string {
  let i = at;
  while (i < end && i < at + 4 && OPENERS_PUNCT.includes(text[i])) i++;
  const s = i;
  while (i < end && i < s + MAX_WORD_LOOKAHEAD && isWordChar(text[i])) i++;
  return text.slice(s, i);
}

/**
 * Decides whether the terminator run `text[i..j]` (followed by whitespace, then `next` at index `m`) ends a
 * sentence that began at `sentStart`.
 */
function isBoundary(text: string, i: number, j: number, m: number, end: number, sentStart: number): boolean {
  const word = wordAfter(text, m, end);
  const nextCh = word.length > 0 ? word[0] : text[m];
  if (isLower(nextCh)) return false;
  const runIsPeriod = i === j && text[i] === '.';
  if (!runIsPeriod) return true;

  const token = tokenBefore(text, i, sentStart);
  if (token.length === 0) return true;
  const lower = token.toLowerCase();

  // A paragraph number at the start of a sentence ("12. The ...") is not a sentence of its own.
  if (/^\d{1,4}$/.test(token) && onlySpaceBetween(text, sentStart, i - token.length)) return false;

  if (token.length === 1) {
    if (token === 'v') return false;
    if (BEFORE_NUMBER.has(token) && followsNumber(word, text[m])) return false;
    if (isUpper(token)) return OPENERS.has(word); // an initial, such as "H. J. Umrigar"
    return defaultRule(nextCh);
  }
  if (ALWAYS.has(lower)) return false;
  if (BEFORE_NUMBER.has(lower)) {
    if (followsNumber(word, text[m])) return false;
    return OPENERS.has(word);
  }
  if (WEAK.has(lower)) return OPENERS.has(word);
  // Dotted acronyms and initials: "U.S", "C.J", "K.M", "S.C.R"
  if (/^(?:[A-Za-z]{1,2}\.)+[A-Za-z]{1,2}$/.test(token)) return OPENERS.has(word);
  return defaultRule(nextCh);
}

function onlySpaceBetween(text: string, from: number, to: number): boolean {
  if (to - from > MAX_SPACE_LOOKAHEAD) return false;
  for (let i = from; i < to; i++) if (!isSpace(text.charCodeAt(i))) return false;
  return true;
}

function followsNumber(word: string, nextRaw: string): boolean {
  if (nextRaw === '(' || nextRaw === '[') return true;
  if (word.length === 0) return false;
  if (isDigit(word.charCodeAt(0))) return true;
  return ROMAN.test(word);
}

function defaultRule(nextCh: string): boolean {
  if (nextCh === undefined) return true;
  return isUpper(nextCh) || isDigit(nextCh.charCodeAt(0)) || OPENERS_PUNCT.includes(nextCh) || !isWordChar(nextCh);
}

/**
 * Sentence spans within [start, end). Calls `emit(start, end)` for each trimmed, non-empty sentence.
 */
function splitSentences(text: string, start: number, end: number, maxChars: number, emit: (s: number, e: number) => void): void {
  const push = (s: number, e: number): void => {
    while (s < e && isSpace(text.charCodeAt(s))) s++;
    while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
    if (s >= e) return;
    if (e - s <= maxChars) emit(s, e);
    else cutLong(text, s, e, maxChars, emit);
  };

  let sentStart = start;
  for (let i = start; i < end; i++) {
    const ch = text[i];
    if (!TERMINATORS.includes(ch)) continue;
    let j = i;
    while (j + 1 < end && TERMINATORS.includes(text[j + 1])) j++;
    let k = j + 1;
    while (k < end && CLOSERS.includes(text[k])) k++;
    k = skipFootnoteMarker(text, i, k, end);
    if (k >= end) {
      i = j;
      continue;
    }
    if (!isSpace(text.charCodeAt(k))) {
      i = j; // decimals, "U.S.", "e.g.,", "3.5"
      continue;
    }
    let m = k;
    const limit = Math.min(end, k + MAX_SPACE_LOOKAHEAD);
    while (m < limit && isSpace(text.charCodeAt(m))) m++;
    if (m >= end) {
      i = j;
      continue;
    }
    if (isBoundary(text, i, j, m, end, sentStart)) {
      push(sentStart, k);
      // The next sentence starts after all the whitespace; skipping it here is linear, as the loop resumes there.
      while (m < end && isSpace(text.charCodeAt(m))) m++;
      sentStart = m;
      i = m - 1;
    } else {
      i = j;
    }
  }
  push(sentStart, end);
}

/**
 * Footnote markers right after a sentence's final punctuation stay with that sentence:
 * "... the Act.12 The ...", "... the Act.[3] The ...", "... the Act.¹ The ...".
 */
function skipFootnoteMarker(text: string, dot: number, k: number, end: number): number {
  if (k >= end) return k;
  const prev = dot > 0 ? text[dot - 1] : '';
  if (SUPERSCRIPT_DIGITS.includes(text[k])) {
    while (k < end && SUPERSCRIPT_DIGITS.includes(text[k])) k++;
    return k;
  }
  if (text[dot] !== '.' || !prev || !(isUpper(prev) || isLower(prev) || CLOSERS.includes(prev))) return k;
  let e = k;
  if (text[e] === '[') {
    e++;
    const ds = e;
    while (e < end && e < ds + 3 && isDigit(text.charCodeAt(e))) e++;
    if (e === ds || text[e] !== ']') return k;
    e++;
  } else {
    const ds = e;
    while (e < end && e < ds + 3 && isDigit(text.charCodeAt(e))) e++;
    if (e === ds) return k;
  }
  if (e < end && !isSpace(text.charCodeAt(e))) return k;
  // Require the next word to begin in upper case so that "Act.12 of" is not mistaken for a marker.
  let m = e;
  while (m < end && m < e + MAX_SPACE_LOOKAHEAD && isSpace(text.charCodeAt(m))) m++;
  if (m < end && !isUpper(text[m])) return k;
  return e;
}

/** Cuts an over-long sentence at clause or word boundaries so that no piece exceeds `maxChars`. */
function cutLong(text: string, s: number, e: number, maxChars: number, emit: (s: number, e: number) => void): void {
  let start = s;
  while (e - start > maxChars) {
    const hardEnd = start + maxChars;
    const floor = start + Math.floor(maxChars / 2);
    let cut = -1;
    for (const sep of [';', ':', ',']) {
      for (let i = hardEnd - 1; i >= floor; i--) {
        if (text[i] === sep && isSpace(text.charCodeAt(i + 1))) {
          cut = i + 1;
          break;
        }
      }
      if (cut > 0) break;
    }
    if (cut < 0) {
      for (let i = hardEnd; i > floor; i--) {
        if (isSpace(text.charCodeAt(i))) {
          cut = i;
          break;
        }
      }
    }
    if (cut < 0) cut = hardEnd;
    // Never split a surrogate pair.
    const code = text.charCodeAt(cut - 1);
    if (code >= 0xd800 && code <= 0xdbff) cut++;
    let pe = cut;
    while (pe > start && isSpace(text.charCodeAt(pe - 1))) pe--;
    if (pe > start) emit(start, pe);
    start = cut;
    while (start < e && isSpace(text.charCodeAt(start))) start++;
  }
  if (start < e) emit(start, e);
}
