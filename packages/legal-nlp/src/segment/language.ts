/**
 * Which language a text is written in, from its script and, for Latin-script text, its commonest function
 * words. Enough to tell whether a text is in a language a model was trained on; not a general identifier.
 */

export interface LanguageGuess {
  /** ISO 639-1 code ("en", "zh", "ja", "ko", "hi", …), or "und" when the text gives too little to tell. */
  language: string;
  /** The dominant script's Unicode name ("Latin", "Han", "Devanagari", …), or "" for no letters at all. */
  script: string;
  /** Share of the sampled letters (for scripts) or function words (for Latin languages) behind the guess, 0–1. */
  confidence: number;
}

/** Scripts checked, in order; a script with one language maps to it directly. */
const SCRIPTS: Array<{ script: string; re: RegExp; language?: string }> = [
  { script: 'Latin', re: /\p{Script=Latin}/u },
  { script: 'Han', re: /\p{Script=Han}/u, language: 'zh' },
  { script: 'Hiragana', re: /\p{Script=Hiragana}/u, language: 'ja' },
  { script: 'Katakana', re: /\p{Script=Katakana}/u, language: 'ja' },
  { script: 'Hangul', re: /\p{Script=Hangul}/u, language: 'ko' },
  { script: 'Devanagari', re: /\p{Script=Devanagari}/u, language: 'hi' },
  { script: 'Bengali', re: /\p{Script=Bengali}/u, language: 'bn' },
  { script: 'Tamil', re: /\p{Script=Tamil}/u, language: 'ta' },
  { script: 'Telugu', re: /\p{Script=Telugu}/u, language: 'te' },
  { script: 'Gujarati', re: /\p{Script=Gujarati}/u, language: 'gu' },
  { script: 'Gurmukhi', re: /\p{Script=Gurmukhi}/u, language: 'pa' },
  { script: 'Kannada', re: /\p{Script=Kannada}/u, language: 'kn' },
  { script: 'Malayalam', re: /\p{Script=Malayalam}/u, language: 'ml' },
  { script: 'Arabic', re: /\p{Script=Arabic}/u, language: 'ar' },
  { script: 'Cyrillic', re: /\p{Script=Cyrillic}/u, language: 'ru' },
  { script: 'Greek', re: /\p{Script=Greek}/u, language: 'el' },
  { script: 'Hebrew', re: /\p{Script=Hebrew}/u, language: 'he' },
  { script: 'Thai', re: /\p{Script=Thai}/u, language: 'th' },
];

/** The commonest function words of Latin-script languages. */
const FUNCTION_WORDS: Record<string, string[]> = {
  en: ['the', 'of', 'and', 'to', 'in', 'is', 'that', 'for', 'was', 'by', 'with', 'be', 'it', 'as', 'not', 'which', 'on', 'this', 'are', 'or', 'has', 'have', 'an', 'he', 'from'],
  de: ['der', 'die', 'und', 'das', 'nicht', 'ist', 'mit', 'den', 'von', 'zu', 'des', 'sich', 'dem', 'auf', 'ein', 'eine', 'im', 'für', 'wird', 'auch'],
  fr: ['le', 'la', 'les', 'et', 'des', 'est', 'que', 'du', 'dans', 'pour', 'une', 'qui', 'sur', 'au', 'pas', 'par', 'il', 'ne', 'aux', 'cette'],
  es: ['el', 'la', 'los', 'que', 'y', 'en', 'por', 'las', 'del', 'se', 'con', 'una', 'para', 'es', 'su', 'al', 'lo', 'como', 'más', 'no'],
  it: ['il', 'di', 'che', 'e', 'la', 'per', 'non', 'del', 'della', 'un', 'una', 'sono', 'nel', 'alla', 'gli', 'le', 'si', 'con', 'dei', 'è'],
  nl: ['de', 'het', 'een', 'en', 'van', 'dat', 'niet', 'is', 'op', 'te', 'zijn', 'voor', 'met', 'die', 'worden', 'door', 'aan', 'ook', 'bij', 'wordt'],
  pt: ['o', 'a', 'de', 'que', 'e', 'do', 'da', 'em', 'não', 'os', 'um', 'uma', 'para', 'com', 'no', 'na', 'dos', 'se', 'por', 'ao'],
};
const WORD_LISTS = Object.entries(FUNCTION_WORDS).map(([language, words]) => ({ language, words: new Set(words) }));

/** Letters and the combining vowel signs that Indic scripts write them with. */
const LETTER = /[\p{L}\p{M}]/u;
const SAMPLE_CHARS = 20_000;
const MIN_LETTERS = 20;
const MIN_WORDS = 8;

/** A sample of up to 20,000 characters from the start, middle and end of the text. */
function sample(text: string): string {
  if (text.length <= SAMPLE_CHARS) return text;
  const third = Math.floor(SAMPLE_CHARS / 3);
  const mid = Math.floor(text.length / 2 - third / 2);
  return text.slice(0, third) + ' ' + text.slice(mid, mid + third) + ' ' + text.slice(text.length - third);
}

export function detectLanguage(text: string): LanguageGuess {
  const s = sample(text);
  const counts = new Map<string, number>();
  let letters = 0;
  for (const ch of s) {
    if (!LETTER.test(ch)) continue;
    letters++;
    const found = SCRIPTS.find((x) => x.re.test(ch));
    const name = found?.script ?? 'Other';
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  if (letters < MIN_LETTERS) return { language: 'und', script: letters === 0 ? '' : dominant(counts)[0], confidence: 0 };
  // Japanese mixes kana with Han; any real share of kana makes the text Japanese.
  const kana = (counts.get('Hiragana') ?? 0) + (counts.get('Katakana') ?? 0);
  const [script, n] = dominant(counts);
  if (kana >= 0.1 * letters && (script === 'Han' || script === 'Hiragana' || script === 'Katakana')) {
    return { language: 'ja', script, confidence: round((kana + (counts.get('Han') ?? 0)) / letters) };
  }
  const share = n / letters;
  const known = SCRIPTS.find((x) => x.script === script);
  if (known?.language) return { language: known.language, script, confidence: round(share) };
  if (script !== 'Latin') return { language: 'und', script, confidence: 0 };
  return latinLanguage(s, share);
}

function latinLanguage(s: string, scriptShare: number): LanguageGuess {
  const words = s.toLowerCase().match(/\p{L}+/gu) ?? [];
  if (words.length < MIN_WORDS) return { language: 'und', script: 'Latin', confidence: 0 };
  let best = { language: 'und', hits: 0 };
  for (const list of WORD_LISTS) {
    let hits = 0;
    for (const w of words) if (list.words.has(w)) hits++;
    if (hits > best.hits) best = { language: list.language, hits };
  }
  const share = best.hits / words.length;
  // Function words make up a quarter or more of running text; a tenth is the least to call it.
  if (share < 0.1) return { language: 'und', script: 'Latin', confidence: 0 };
  return { language: best.language, script: 'Latin', confidence: round(Math.min(1, (share / 0.25) * scriptShare)) };
}

function dominant(counts: Map<string, number>): [string, number] {
  let best: [string, number] = ['', 0];
  for (const [k, v] of counts) if (v > best[1]) best = [k, v];
  return best;
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
