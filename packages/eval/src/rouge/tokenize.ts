import { stemmer } from 'stemmer';

const stemCache = new Map<string, string>();
const STEM_CACHE_LIMIT = 200_000;

/** Porter stem of a lower-case token, memoised (tokens repeat heavily across a corpus). */
export function porterStem(token: string): string {
  let stem = stemCache.get(token);
  if (stem === undefined) {
    stem = stemmer(token);
    if (stemCache.size >= STEM_CACHE_LIMIT) stemCache.clear();
    stemCache.set(token, stem);
  }
  return stem;
}

/**
 * Tokenizes as Google's rouge_score does: lower-case, every run of characters outside `[a-z0-9]` is a
 * separator, and (when `stem` is set) tokens longer than 3 characters are Porter-stemmed.
 */
export function rougeTokens(text: string, stem = true): string[] {
  const tokens = text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
  if (!stem) return tokens;
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i].length > 3) tokens[i] = porterStem(tokens[i]);
  }
  return tokens;
}

/** Sentences for ROUGE-Lsum: the text split on newlines, empty lines dropped (rouge_score convention). */
export function lsumSentences(text: string): string[] {
  return text.split('\n').filter((s) => s.length > 0);
}
