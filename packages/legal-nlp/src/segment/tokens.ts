/**
 * Lower-case `[a-z0-9]+` tokens, as Google's rouge_score tokenizes before stemming: the text is lower-cased
 * and every run of characters outside `[a-z0-9]` separates tokens (so "Hon'ble" gives "hon", "ble").
 */
export function wordTokens(text: string): string[] {
  return text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
}

/** The number of whitespace-separated words. */
export function countWords(text: string): number {
  let count = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const space = c === 32 || (c >= 9 && c <= 13) || c === 160 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x3000 || c === 0xfeff;
    if (space) inWord = false;
    else if (!inWord) {
      inWord = true;
      count++;
    }
  }
  return count;
}
