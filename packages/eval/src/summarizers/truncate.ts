/**
 * The prefix of `text` holding its first `words` whitespace-separated words (the evaluation convention of
 * Shukla et al., AACL 2022: every summary is cut to the reference summary's word count).
 */
export function truncateWords(text: string, words: number): string {
  if (words <= 0) return '';
  let count = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const space = /\s/.test(text[i]);
    if (space) {
      if (inWord && count === words) return text.slice(0, i);
      inWord = false;
    } else if (!inWord) {
      inWord = true;
      count++;
    }
  }
  return text.trimEnd();
}
