/**
 * Extractive summarization: segment → features → sentence scorer → selection under a word budget
 * with redundancy control → sentences in document order, each with its source offsets.
 */
import { countWords } from '@amicus/legal-nlp';
import { featurize } from '../features.js';
import { EmptyInputError, InvalidOptionsError, NotTextError } from '../errors.js';
import type { LoadedModel } from '../model.js';

export type SummaryLength = 'short' | 'standard' | 'detailed';

export interface SummarizeOptions {
  /** Target length in words (whitespace-separated), a hard upper bound. */
  words?: number;
  /** Target length as a fraction of the document's words, in (0, 1]. */
  ratio?: number;
  /** Preset: short (~150 words), standard (~10% of the document), detailed (~25%). Default: standard. */
  length?: SummaryLength;
}

export interface SummarySentence {
  text: string;
  /** UTF-16 offsets into the input: `input.slice(start, end) === text`. */
  start: number;
  end: number;
  /** Index of the source paragraph. */
  paragraph: number;
  /** Model score in [0, 1]. */
  score: number;
}

export interface SummaryResult {
  sentences: SummarySentence[];
  words: number;
  model: { name: string; version: string; sha256: string };
  ms: number;
}

export interface Summarizer {
  summarize(text: string, options?: SummarizeOptions): Promise<SummaryResult>;
}

export interface SummarizerOptions {
  /** Sentences considered per document (the first ones); longer inputs are cut, never rejected. */
  maxSentences?: number;
  /** Sentences per scorer call; longer documents are scored in consecutive windows. */
  windowSentences?: number;
  /** A sentence is skipped when more than this share of its word trigrams is already in the summary. */
  redundancy?: number;
}

export const LENGTH_PRESETS: Record<SummaryLength, { words?: number; ratio?: number }> = {
  short: { words: 150 },
  standard: { ratio: 0.1 },
  detailed: { ratio: 0.25 },
};

const MIN_RATIO_WORDS = 40;
/** Sentences shorter than this are fragments (headings, names) and are picked last. */
const MIN_SENTENCE_WORDS = 4;
const NOT_TEXT_SAMPLE = 65536;

/** Rejects binary data: NUL bytes, or many control / replacement characters. */
function assertText(text: unknown): asserts text is string {
  if (typeof text !== 'string') throw new NotTextError('the input must be a string');
  const n = Math.min(text.length, NOT_TEXT_SAMPLE);
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) throw new NotTextError('the input contains NUL characters (binary data)');
    if ((c < 32 && c !== 9 && c !== 10 && c !== 12 && c !== 13 && c !== 11) || c === 0xfffd) bad++;
  }
  if (n > 0 && bad / n > 0.02) throw new NotTextError('the input looks like binary data, not text');
}

function budgetFor(options: SummarizeOptions, docWords: number): number {
  const { words, ratio, length } = options;
  const given = [words !== undefined, ratio !== undefined, length !== undefined].filter(Boolean).length;
  if (given > 1) throw new InvalidOptionsError('give at most one of words, ratio and length');
  if (words !== undefined) {
    if (!Number.isInteger(words) || words < 1) throw new InvalidOptionsError('words must be a positive integer');
    return words;
  }
  if (ratio !== undefined) {
    if (!Number.isFinite(ratio) || ratio <= 0 || ratio > 1) throw new InvalidOptionsError('ratio must be in (0, 1]');
    return Math.max(MIN_RATIO_WORDS, Math.round(ratio * docWords));
  }
  if (length !== undefined && !(length in LENGTH_PRESETS)) {
    throw new InvalidOptionsError('length must be short, standard or detailed');
  }
  return budgetFor(LENGTH_PRESETS[length ?? 'standard'], docWords);
}

function trigrams(tokens: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i + 2 < tokens.length; i++) out.push(`${tokens[i]} ${tokens[i + 1]} ${tokens[i + 2]}`);
  return out;
}

/** End offset (exclusive) of the first `words` whitespace-separated words of `text`, from `from`. */
function endAfterWords(text: string, from: number, to: number, words: number): number {
  const re = /\S+/g;
  re.lastIndex = from;
  let end = from;
  for (let k = 0; k < words; k++) {
    const m = re.exec(text);
    if (!m || m.index >= to) break;
    end = Math.min(to, m.index + m[0].length);
  }
  return end;
}

const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

export function createSummarizer(model: LoadedModel, config: SummarizerOptions = {}): Summarizer {
  const maxSentences = config.maxSentences ?? 6000;
  const windowSentences = config.windowSentences ?? 4096;
  const redundancy = config.redundancy ?? 0.5;

  return {
    async summarize(text: string, options: SummarizeOptions = {}): Promise<SummaryResult> {
      const started = performance.now();
      assertText(text);
      if (text.trim().length === 0) throw new EmptyInputError();
      const docWords = countWords(text);
      const budget = budgetFor(options, docWords);

      const f = featurize(text, { maxSentences });
      const n = f.sentences.length;
      if (n === 0) throw new EmptyInputError('the input contains no sentences');
      const S = model.featureSpec.scalars.length;
      const logits = new Float32Array(n);
      for (let from = 0; from < n; from += windowSentences) {
        const to = Math.min(n, from + windowSentences);
        const out = await model.score({
          tokenIds: f.tokenIds.subarray(from * f.tokenLength, to * f.tokenLength),
          tokenLength: f.tokenLength,
          scalars: f.scalars.subarray(from * S, to * S),
          sentences: to - from,
        });
        logits.set(out, from);
      }

      // Selection: best-scored sentences that fit the remaining budget, skipping near-repeats.
      // Fragments (headings, judges' names) are considered only after every full sentence.
      const wordsOf = f.sentences.map((s) => countWords(s.text));
      const fragment = (i: number): number => (wordsOf[i] < MIN_SENTENCE_WORDS ? 1 : 0);
      const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => fragment(a) - fragment(b) || logits[b] - logits[a] || a - b);
      const seen = new Set<string>();
      const picked: number[] = [];
      let used = 0;
      for (const i of order) {
        if (budget - used < 5) break;
        if (wordsOf[i] === 0 || used + wordsOf[i] > budget) continue;
        const tri = trigrams(f.tokens[i]);
        if (tri.length > 0) {
          let repeated = 0;
          for (const t of tri) if (seen.has(t)) repeated++;
          if (repeated / tri.length > redundancy) continue;
        }
        for (const t of tri) seen.add(t);
        picked.push(i);
        used += wordsOf[i];
      }

      let sentences: SummarySentence[];
      if (picked.length === 0) {
        // Every sentence is longer than the budget: return the best one cut to the budget.
        const best = order.find((i) => wordsOf[i] > 0) ?? order[0];
        const s = f.sentences[best];
        const end = endAfterWords(text, s.start, s.end, budget);
        sentences = [{ text: text.slice(s.start, end), start: s.start, end, paragraph: s.paragraph, score: sigmoid(logits[best]) }];
        used = countWords(sentences[0].text);
      } else {
        picked.sort((a, b) => a - b);
        sentences = picked.map((i) => {
          const s = f.sentences[i];
          return { text: s.text, start: s.start, end: s.end, paragraph: s.paragraph, score: sigmoid(logits[i]) };
        });
      }
      return {
        sentences,
        words: used,
        model: { name: model.manifest.name, version: model.manifest.version, sha256: model.sha256 },
        ms: performance.now() - started,
      };
    },
  };
}
