import type { Sentence } from '@amicus/legal-nlp';
import { rougeTokens } from '../rouge/tokenize.js';
import { assemble, documentSentences, type BudgetOptions, type ExtractiveSummary } from './extractive.js';
import { countWords } from '@amicus/legal-nlp';

export interface OracleOptions extends BudgetOptions {
  /** Stop after choosing this many sentences (default: no limit other than the budget). */
  maxSentences?: number;
}

/**
 * Greedy ROUGE oracle: repeatedly adds the sentence that most raises ROUGE-2 F1 of the selection against
 * the reference (ROUGE-1 F1 breaks ties), until the word budget is reached or no sentence improves the score.
 * N-grams are counted within sentences. The result is the ceiling for an extractive summarizer.
 */
export function oracleSummary(text: string, reference: string, options: OracleOptions): ExtractiveSummary {
  return oracleFromSentences(documentSentences(text), reference, options);
}

export function oracleFromSentences(sentences: readonly Sentence[], reference: string, options: OracleOptions): ExtractiveSummary {
  const chosen = oracleIndices(
    sentences.map((s) => s.text),
    reference,
    { words: options.words, maxSentences: options.maxSentences, wordCounts: sentences.map((s) => countWords(s.text)) },
  );
  return assemble(sentences, chosen, options.words);
}

interface Grams {
  uni: Int32Array;
  bi: Int32Array;
}

/**
 * Indices of the greedy oracle's sentences, in the order they were chosen. `words` bounds the total length of
 * the chosen sentences (the last one may overrun it; callers cut the joined text).
 */
export function oracleIndices(
  sentences: readonly string[],
  reference: string,
  options: { words: number; maxSentences?: number; wordCounts?: readonly number[] },
): number[] {
  const ids = new Map<string, number>();
  const id = (key: string): number => {
    let v = ids.get(key);
    if (v === undefined) ids.set(key, (v = ids.size));
    return v;
  };
  const grams = (tokens: string[]): Grams => {
    const uni = new Int32Array(tokens.length);
    const bi = new Int32Array(Math.max(0, tokens.length - 1));
    for (let i = 0; i < tokens.length; i++) {
      uni[i] = id(tokens[i]);
      if (i > 0) bi[i - 1] = id(tokens[i - 1] + ' ' + tokens[i]);
    }
    return { uni, bi };
  };
  const refTokens = rougeTokens(reference);
  const ref = grams(refTokens);
  const refUni = counts(ref.uni);
  const refBi = counts(ref.bi);
  const refUniTotal = ref.uni.length;
  const refBiTotal = ref.bi.length;
  const sents = sentences.map((s) => grams(rougeTokens(s)));
  const wordCounts = options.wordCounts ?? sentences.map((s) => s.split(/\s+/).filter(Boolean).length);

  const selUni = new Map<number, number>();
  const selBi = new Map<number, number>();
  let uniHits = 0;
  let biHits = 0;
  let uniTotal = 0;
  let biTotal = 0;
  let best = { r2: 0, r1: 0 };
  let words = 0;
  const chosen: number[] = [];
  const used = new Uint8Array(sentences.length);
  const maxSentences = options.maxSentences ?? Infinity;

  while (words < options.words && chosen.length < maxSentences) {
    let pick = -1;
    let pickScore = best;
    for (let i = 0; i < sents.length; i++) {
      if (used[i] || sents[i].uni.length === 0) continue;
      const g = sents[i];
      const bh = biHits + gain(g.bi, refBi, selBi);
      const uh = uniHits + gain(g.uni, refUni, selUni);
      const r2 = f1(bh, biTotal + g.bi.length, refBiTotal);
      const r1 = f1(uh, uniTotal + g.uni.length, refUniTotal);
      if (r2 > pickScore.r2 || (r2 === pickScore.r2 && r1 > pickScore.r1)) {
        pick = i;
        pickScore = { r2, r1 };
      }
    }
    if (pick < 0) break;
    const g = sents[pick];
    biHits += gain(g.bi, refBi, selBi);
    uniHits += gain(g.uni, refUni, selUni);
    add(g.bi, selBi);
    add(g.uni, selUni);
    biTotal += g.bi.length;
    uniTotal += g.uni.length;
    best = pickScore;
    used[pick] = 1;
    chosen.push(pick);
    words += wordCounts[pick];
  }
  return chosen;
}

function counts(ids: Int32Array): Map<number, number> {
  const m = new Map<number, number>();
  for (const v of ids) m.set(v, (m.get(v) ?? 0) + 1);
  return m;
}

function add(ids: Int32Array, into: Map<number, number>): void {
  for (const v of ids) into.set(v, (into.get(v) ?? 0) + 1);
}

/** Extra clipped hits from adding `ids` to a selection whose counts are `sel`. */
function gain(ids: Int32Array, ref: Map<number, number>, sel: Map<number, number>): number {
  let g = 0;
  let local: Map<number, number> | undefined;
  for (const v of ids) {
    const r = ref.get(v);
    if (r === undefined) continue;
    local ??= new Map();
    const already = (sel.get(v) ?? 0) + (local.get(v) ?? 0);
    local.set(v, (local.get(v) ?? 0) + 1);
    if (already < r) g++;
  }
  return g;
}

function f1(hits: number, candidate: number, reference: number): number {
  if (hits === 0 || candidate === 0 || reference === 0) return 0;
  const p = hits / candidate;
  const r = hits / reference;
  return (2 * p * r) / (p + r);
}
