import { ALWAYS, BEFORE_NUMBER, OPENERS, WEAK } from './abbreviations.js';
import { isDigit, isLower, isSpace, isUpper, isWordChar } from './chars.js';
import { DisplayText } from './display.js';
import { detectFurniture, type Furniture } from './furniture.js';

export interface Paragraph {
  index: number;
  start: number;
  end: number;
  text: string;
  /**
   * The paragraph's own number as written, such as "[12]", "12.", "(12)" where the judgment numbers its
   * paragraphs so, or a bare "12" before a capitalised word.
   */
  label?: string;
  /**
   * The judgment's own number for this paragraph: its label's number, or, for an unnumbered block inside a
   * numbered judgment (a quotation, a list), the number of the labelled paragraph it follows. Absent before
   * the first numbered paragraph and in judgments that do not number their paragraphs. `index` is the
   * running count.
   */
  number?: number;
}

export interface Sentence {
  index: number;
  /** Index into `Segmentation.paragraphs` (the running count; the judgment's own number is the paragraph's `number`). */
  paragraph: number;
  /** `source.slice(start, end)` is the sentence exactly as written. */
  start: number;
  end: number;
  /**
   * The sentence for display: line breaks joined, words hyphenated across a line break repaired, page
   * numbers and running headers removed, whitespace collapsed. Equal to `source.slice(start, end)` when
   * none of these applies.
   */
  text: string;
}

export interface Segmentation {
  paragraphs: Paragraph[];
  sentences: Sentence[];
  /**
   * Page numbers and running headers found in the text. They are in no paragraph when they stand on lines of
   * their own, and are left out of the display text of a sentence they interrupt.
   */
  furniture: Furniture[];
  /** Whether the text was read as written without capital letters (some law reports are all lower case). */
  caseless: boolean;
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

/**
 * Sentence-final punctuation: the danda (U+0964) ends sentences in Hindi and other Indian scripts; the CJK
 * full stops, full-width and half-width forms end sentences in Chinese, Japanese and Korean text.
 */
const TERMINATORS = '.?!।。！？．｡';
/** Terminators after which a sentence ends without any following space (CJK text has none). */
const CJK_TERMINATORS = '。！？．｡';
const CLOSERS = '"\'”’)]»」』）】》〉';
const OPENERS_PUNCT = '"\'“‘([«';
const SUPERSCRIPT_DIGITS = '¹²³⁰⁴⁵⁶⁷⁸⁹';

const ROMAN = /^[IVXLCDM]+$/;

/** What the segmenter learns about a whole document before it splits it. */
interface Profile {
  /** Written without capitals: a sentence may start in lower case. */
  caseless: boolean;
  /** The judgment numbers its paragraphs "(1)", "(2)", … at line starts. */
  parenLabels: boolean;
  /** Start offsets of lines that are page furniture. */
  furnitureLines: Set<number>;
}

/** A text with fewer capitals than this share of its letters is read as caseless. */
const CASELESS_CAPITALS = 0.004;
const CASELESS_MIN_LETTERS = 200;

function isCaseless(text: string): boolean {
  let letters = 0;
  let capitals = 0;
  const n = Math.min(text.length, 200_000);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 97 && c <= 122) letters++;
    else if (c >= 65 && c <= 90) {
      letters++;
      capitals++;
    }
  }
  return letters >= CASELESS_MIN_LETTERS && capitals < CASELESS_CAPITALS * letters;
}

const PAREN_LABEL_LINE = /(?:^|\n)[^\S\n]*\((\d{1,3})\)[^\S\n]+\S/g;
const MIN_PAREN_LABELS = 4;

/**
 * "(1)", "(2)" at line starts usually number the sub-sections of a quoted statute. They are taken as the
 * judgment's paragraph numbers only when every one of them in the text continues a single count from 1.
 */
function usesParenLabels(text: string): boolean {
  let expected = 1;
  PAREN_LABEL_LINE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = PAREN_LABEL_LINE.exec(text)) !== null) {
    if (Number(m[1]) !== expected) return false;
    expected++;
  }
  return expected - 1 >= MIN_PAREN_LABELS;
}

/**
 * Splits text into paragraphs and sentences with UTF-16 offsets into `text`.
 * `text.slice(start, end)` equals each paragraph's `text`; a sentence's `text` is that slice cleaned for
 * display (see `Sentence.text`). Items are trimmed of surrounding whitespace.
 * Runs in time linear in the length of the text.
 */
export function segment(text: string, options: SegmentOptions = {}): Segmentation {
  const maxChars = Math.max(50, options.maxSentenceChars ?? DEFAULT_MAX_SENTENCE_CHARS);
  const furniture = detectFurniture(text);
  const profile: Profile = {
    caseless: isCaseless(text),
    parenLabels: usesParenLabels(text),
    furnitureLines: new Set(furniture.filter((f) => isWholeLine(text, f)).map((f) => f.start)),
  };
  const display = new DisplayText(text, furniture);
  const spans = paragraphSpans(text, profile);
  const paragraphs: Paragraph[] = [];
  const sentences: Sentence[] = [];
  const state = { lastLabel: undefined as number | undefined };
  let number: number | undefined;
  for (const span of spans) {
    for (const part of splitInlineLabels(text, span.start, span.end, state, profile)) {
      const index = paragraphs.length;
      const paragraph: Paragraph = { index, start: part.start, end: part.end, text: text.slice(part.start, part.end) };
      if (part.label !== undefined) {
        paragraph.label = part.label;
        number = labelNumber(part.label);
      }
      if (number !== undefined) paragraph.number = number;
      paragraphs.push(paragraph);
      const bodyStart = part.label !== undefined ? part.start + part.label.length : part.start;
      splitSentences(text, bodyStart, part.end, maxChars, profile.caseless, (s, e) => {
        sentences.push({ index: sentences.length, paragraph: index, start: s, end: e, text: display.of(s, e) });
      });
    }
  }
  return { paragraphs, sentences, furniture, caseless: profile.caseless };
}

function isWholeLine(text: string, f: Furniture): boolean {
  let s = f.start;
  while (s > 0 && text.charCodeAt(s - 1) !== 10 && isSpace(text.charCodeAt(s - 1))) s--;
  let e = f.end;
  while (e < text.length && text.charCodeAt(e) !== 10 && isSpace(text.charCodeAt(e))) e++;
  return (s === 0 || text.charCodeAt(s - 1) === 10) && (e === text.length || text.charCodeAt(e) === 10);
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

// "[12]", "12." or, as in Australian judgments, a bare "12" before a capitalised word. "(1)" only where the
// document numbers its paragraphs so (see usesParenLabels): it numbers sub-sections of quoted statutes far
// more often than paragraphs.
const LEADING_LABEL = /^(?:\[\d{1,4}\]|\d{1,4}\.(?=\s)|\d{1,3}(?=\s+[A-Z"“'‘(]))/;
const LEADING_PAREN_LABEL = /^\(\d{1,3}\)(?=\s)/;

function leadingLabel(text: string, start: number, end: number, profile: Profile): string | undefined {
  const head = text.slice(start, Math.min(end, start + 8));
  const m = LEADING_LABEL.exec(head) ?? (profile.parenLabels ? LEADING_PAREN_LABEL.exec(head) : null);
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
function paragraphSpans(text: string, profile: Profile): Span[] {
  const { items: all, blankSeparated } = lines(text);
  // Page furniture on its own line belongs to no paragraph, and a paragraph runs on across it.
  const raw = profile.furnitureLines.size > 0 ? all.filter((l) => !profile.furnitureLines.has(l.start)) : all;
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
      const label = leadingLabel(text, line.start, line.end, profile) !== undefined;
      // A sentence cut by a page break runs on across the blank lines around the page's furniture.
      const acrossPage = blankBetween && !label && profile.furnitureLines.size > 0 && hasFurnitureLine(gap, prevLineEnd, profile) && !lineStartsSentence(text, prevLineEnd, line.start, profile);
      if (blankBetween && !acrossPage) startsNew = true;
      else if (currentIsBareLabel) startsNew = false; // "63." alone on a line numbers the next line
      else if (label) startsNew = true;
      else if (!blankSeparated) startsNew = lineStartsSentence(text, prevLineEnd, line.start, profile);
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

function hasFurnitureLine(gap: string, gapStart: number, profile: Profile): boolean {
  for (let i = gap.indexOf('\n'); i >= 0; i = gap.indexOf('\n', i + 1)) {
    let s = i + 1;
    while (s < gap.length && gap[s] !== '\n' && isSpace(gap.charCodeAt(s))) s++;
    if (profile.furnitureLines.has(gapStart + s)) return true;
  }
  return false;
}

/**
 * Whether the line starting at `next` starts a new sentence rather than continuing the line that ends at
 * `prevEnd`. A line that starts in lower case continues the previous one (a wrapped line, or a sentence that
 * a line break cut after an abbreviation such as "No. 1."), as does a line after one that ends in an
 * abbreviation that cannot end a sentence ("... party Nos.\n3 to 5 ..."). In caseless text a line starts a
 * sentence when the one before it ends one.
 */
function lineStartsSentence(text: string, prevEnd: number, next: number, profile: Profile): boolean {
  if (endsInBindingAbbreviation(text, prevEnd, next)) return false;
  if (profile.caseless) return '.?!:;।。！？'.includes(text[prevEnd - 1]) || '"”\')'.includes(text[prevEnd - 1]);
  return !isLower(text[next]);
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
function splitInlineLabels(text: string, start: number, end: number, state: { lastLabel: number | undefined }, profile: Profile): LabelledSpan[] {
  const label = leadingLabel(text, start, end, profile);
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
function isBoundary(text: string, i: number, j: number, m: number, end: number, sentStart: number, caseless: boolean): boolean {
  const word = wordAfter(text, m, end);
  const nextCh = word.length > 0 ? word[0] : text[m];
  if (caseless) return isCaselessBoundary(text, i, j, m, word, sentStart);
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

const CASELESS_OPENERS = new Set([...OPENERS].map((w) => w.toLowerCase()));

/**
 * The boundary rule for text written without capitals: a period ends a sentence unless it closes an
 * abbreviation, an initial or a paragraph number; abbreviations that may end a sentence do so only before a
 * common sentence opener ("... co. the company ..." ends; "... m/s. abc pvt. ltd. v. ..." does not).
 */
function isCaselessBoundary(text: string, i: number, j: number, m: number, word: string, sentStart: number): boolean {
  if (!(i === j && text[i] === '.')) return true;
  const token = tokenBefore(text, i, sentStart).toLowerCase();
  if (token.length === 0) return true;
  const opener = CASELESS_OPENERS.has(word.toLowerCase());
  if (/^\d{1,4}$/.test(token) && onlySpaceBetween(text, sentStart, i - token.length)) return false;
  if (ALWAYS.has(token) || token === 'v') return false;
  if (BEFORE_NUMBER.has(token)) return !followsNumber(word.length <= 4 ? word.toUpperCase() : word, text[m]) && opener;
  if (token.length === 1 || WEAK.has(token)) return opener;
  if (/^(?:[a-z]{1,2}\.)+[a-z]{1,2}$/.test(token)) return opener;
  return true;
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
function splitSentences(text: string, start: number, end: number, maxChars: number, caseless: boolean, emit: (s: number, e: number) => void): void {
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
    if (CJK_TERMINATORS.includes(text[j]) && k < end) {
      // CJK sentences end at the full stop, with or without space after it.
      push(sentStart, k);
      let m = k;
      while (m < end && isSpace(text.charCodeAt(m))) m++;
      sentStart = m;
      i = m - 1;
      continue;
    }
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
    if (isBoundary(text, i, j, m, end, sentStart, caseless)) {
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

/** Full-width clause separators of CJK text, which take no space after them. */
const WIDE_SEPARATORS: Record<string, string> = { ';': '；', ':': '：', ',': '，、' };

/** Cuts an over-long sentence at clause or word boundaries so that no piece exceeds `maxChars`. */
function cutLong(text: string, s: number, e: number, maxChars: number, emit: (s: number, e: number) => void): void {
  let start = s;
  while (e - start > maxChars) {
    const hardEnd = start + maxChars;
    const floor = start + Math.floor(maxChars / 2);
    let cut = -1;
    for (const sep of [';', ':', ',']) {
      const wide = WIDE_SEPARATORS[sep];
      for (let i = hardEnd - 1; i >= floor; i--) {
        if ((text[i] === sep && isSpace(text.charCodeAt(i + 1))) || wide.includes(text[i])) {
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
