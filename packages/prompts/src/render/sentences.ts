/** Abbreviations after which a full stop does not end a sentence in legal English. */
const ABBREVIATIONS = new Set(
  [
    'mr', 'mrs', 'ms', 'dr', 'prof', 'sr', 'jr', 'st', 'no', 'nos', 'v', 'vs', 'j', 'lj', 'ljj', 'cj', 'para', 'paras', 's', 'ss',
    'art', 'arts', 'r', 'rr', 'reg', 'sch', 'ch', 'cl', 'e.g', 'i.e', 'etc', 'cf', 'co', 'ltd', 'inc', 'plc', 'corp', 'p', 'pp',
    'vol', 'ed', 'eds', 'op', 'cit', 'ibid', 'id', 'civ', 'crim', 'cr', 'app', 'supp', 'u.s', 'f', 'sc', 'hon', 'ors', 'anr', 'viz',
  ].map((a) => a.toLowerCase()),
);

const BOUNDARY = /[.!?]["'”’)\]]*\s+(?=["'“‘([]?[A-Z0-9])/g;

/**
 * Splits free text into sentences at a full stop, question or exclamation mark followed by white space and a
 * capital or digit, except after a known abbreviation or a single initial. Returns trimmed, non-empty sentences.
 */
export function splitSentences(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (const m of text.matchAll(BOUNDARY)) {
    const stop = m.index;
    const before = /([A-Za-z.]+)$/.exec(text.slice(Math.max(start, stop - 20), stop))?.[1] ?? '';
    const word = before.replace(/^\.+/, '').toLowerCase();
    if (text[stop] === '.' && (ABBREVIATIONS.has(word) || /^[a-z]$/i.test(word))) continue;
    const end = stop + m[0].trimEnd().length;
    const sentence = text.slice(start, end).trim();
    if (sentence) out.push(sentence);
    start = end;
  }
  const rest = text.slice(start).trim();
  if (rest) out.push(rest);
  return out;
}

/** Splits free text into paragraphs at blank lines, and each paragraph into sentences. */
export function splitParagraphs(text: string): string[][] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((p) => splitSentences(p.replace(/\s+/g, ' ')))
    .filter((p) => p.length > 0);
}
