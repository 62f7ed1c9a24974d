import type { Sentence } from '@amicus/legal-nlp';
import { assemble, documentSentences, type BudgetOptions, type ExtractiveSummary } from './extractive.js';

/** Lead-N: the document's first sentences, up to the word budget. */
export function leadSummary(text: string, options: BudgetOptions): ExtractiveSummary {
  return leadFromSentences(documentSentences(text), options);
}

export function leadFromSentences(sentences: readonly Sentence[], options: BudgetOptions): ExtractiveSummary {
  return assemble(sentences, sentences.keys(), options.words);
}
