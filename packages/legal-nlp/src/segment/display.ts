import type { Furniture } from './furniture.js';

/**
 * Prefixes that keep their hyphen when a line break or a stray space follows it ("non-\ndelegable" is
 * "non-delegable", not "nondelegable").
 */
const HYPHEN_PREFIXES = new Set([
  'non', 'self', 'pre', 'post', 're', 'co', 'anti', 'inter', 'intra', 'multi', 'sub', 'ex', 'cross', 'counter',
  'over', 'under', 'semi', 'quasi', 'pro', 'well', 'long', 'short', 'full', 'part', 'half', 'high', 'low', 'mid',
  'ill', 'so', 'vice', 'extra', 'ultra', 'pseudo', 'neo', 'mis', 'all', 'cum', 'de', 'un',
]);

/** A word broken at a hyphen and whitespace: "proce-\nedings", "proce- edings", "non- delegable". */
const BROKEN_WORD = /(\p{L}+)-(\s+)(\p{Ll}\p{L}*)/gu;
const LETTER_OR_HYPHEN = /[\p{L}-]/u;

/**
 * Builds display text for spans of one document: line breaks joined, words hyphenated across a line break
 * repaired, page furniture removed and runs of whitespace collapsed. Whether a broken word is rejoined with
 * or without its hyphen is decided from the document's own vocabulary ("proceedings" written elsewhere),
 * then from the kind of break.
 */
export class DisplayText {
  private lower: string | undefined;
  private readonly seen = new Map<string, boolean>();
  private next = 0;

  constructor(
    private readonly text: string,
    private readonly furniture: readonly Furniture[],
  ) {}

  /** Display text of `text.slice(start, end)`. Spans must be requested in document order. */
  of(start: number, end: number): string {
    while (this.next < this.furniture.length && this.furniture[this.next].end <= start) this.next++;
    let raw = '';
    let at = start;
    for (let i = this.next; i < this.furniture.length && this.furniture[i].start < end; i++) {
      const f = this.furniture[i];
      if (f.start > at) raw += this.text.slice(at, f.start);
      raw += ' ';
      at = Math.max(at, f.end);
    }
    if (at < end) raw += this.text.slice(at, end);
    if (!/\s\s|[\n\t\r\f\v\u00a0\u2000-\u200a\u2028\u2029\u202f\u3000\ufeff]|-\s/.test(raw)) return raw.trim();
    const repaired = raw.replace(BROKEN_WORD, (_all, a: string, gap: string, b: string) => this.join(a, b, gap.includes('\n')));
    return repaired.replace(/\s+/g, ' ').trim();
  }

  private join(a: string, b: string, lineBreak: boolean): string {
    const joined = (a + b).toLowerCase();
    const hyphenated = `${a}-${b}`.toLowerCase();
    const hasHyphenated = this.hasWord(hyphenated);
    if (!hasHyphenated && this.hasWord(joined)) return a + b;
    if (hasHyphenated) return `${a}-${b}`;
    if (lineBreak && !HYPHEN_PREFIXES.has(a.toLowerCase())) return a + b;
    return `${a}-${b}`;
  }

  /** Whether the document writes `word` (lower case) as a whole word somewhere. */
  private hasWord(word: string): boolean {
    const known = this.seen.get(word);
    if (known !== undefined) return known;
    const found = this.findWord(word);
    this.seen.set(word, found);
    return found;
  }

  private findWord(word: string): boolean {
    this.lower ??= this.text.toLowerCase();
    for (let at = this.lower.indexOf(word); at >= 0; at = this.lower.indexOf(word, at + 1)) {
      const before = at > 0 ? this.lower[at - 1] : ' ';
      const after = at + word.length < this.lower.length ? this.lower[at + word.length] : ' ';
      if (!LETTER_OR_HYPHEN.test(before) && !LETTER_OR_HYPHEN.test(after)) return true;
    }
    return false;
  }
}
