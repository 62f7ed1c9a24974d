import { countWords, segment, type Sentence } from '@amicus/legal-nlp';
import { truncateWords } from './truncate.js';

/** An extractive summary: chosen sentences in document order, and their text cut to the word budget. */
export interface ExtractiveSummary {
  /** Indices into the document's sentences, ascending. */
  indices: number[];
  sentences: Sentence[];
  /** Sentences joined by newlines (one a line, for ROUGE-Lsum), cut to `words` words. */
  text: string;
}

export interface BudgetOptions {
  /** Word budget: the summary is cut to this many words. */
  words: number;
}

/**
 * Takes ranked sentence indices until the budget is filled, then puts them back in document order and cuts
 * the joined text to the budget.
 */
export function assemble(sentences: readonly Sentence[], ranked: Iterable<number>, words: number): ExtractiveSummary {
  const chosen: number[] = [];
  let total = 0;
  for (const i of ranked) {
    if (total >= words) break;
    chosen.push(i);
    total += countWords(sentences[i].text);
  }
  chosen.sort((a, b) => a - b);
  const picked = chosen.map((i) => sentences[i]);
  return { indices: chosen, sentences: picked, text: truncateWords(picked.map((s) => s.text).join('\n'), words) };
}

export function documentSentences(text: string): Sentence[] {
  return segment(text).sentences;
}
