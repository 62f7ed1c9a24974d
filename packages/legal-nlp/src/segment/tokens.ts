import { isSpace } from './chars.js';

/**
 * Lower-case `[a-z0-9]+` tokens, as Google's rouge_score tokenizes before stemming: the text is lower-cased
 * and every run of characters outside `[a-z0-9]` separates tokens (so "Hon'ble" gives "hon", "ble").
 */
export function wordTokens(text: string): string[] {
  return text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
}

/** Han ideographs, kana and CJK punctuation and full-width forms: scripts written without spaces between words. */
const UNSPACED_RUN = /(?:[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]|[\ud840-\ud87f][\udc00-\udfff])+/g;
const HAS_UNSPACED = /[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]|[\ud840-\ud87f][\udc00-\udfff]/;

let wordSegmenter: Intl.Segmenter | undefined;

/**
 * The number of words. Words are separated by whitespace, except in Chinese and Japanese, which are written
 * without spaces: there each run of such text counts the words that ICU's dictionary-based word breaker
 * (`Intl.Segmenter`) finds in it ("本院认为" is "本院", "认为": 2 words); punctuation is not a word.
 */
export function countWords(text: string): number {
  if (!HAS_UNSPACED.test(text)) return countSpaced(text);
  wordSegmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  let count = 0;
  for (const run of text.matchAll(UNSPACED_RUN)) {
    for (const seg of wordSegmenter.segment(run[0])) if (seg.isWordLike) count++;
  }
  return count + countSpaced(text.replace(UNSPACED_RUN, ' '));
}

function countSpaced(text: string): number {
  let count = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    if (isSpace(text.charCodeAt(i))) inWord = false;
    else if (!inWord) {
      inWord = true;
      count++;
    }
  }
  return count;
}
