import { countWords, type Sentence } from '@amicus/legal-nlp';
import { rougeTokens } from '../rouge/tokenize.js';
import { assemble, documentSentences, type BudgetOptions, type ExtractiveSummary } from './extractive.js';
import { STOPWORDS } from './stopwords.js';

export interface TextRankOptions extends BudgetOptions {
  /** Damping factor (default 0.85). */
  damping?: number;
  /** Sentences with fewer content tokens than this are not candidates (default 4). */
  minTokens?: number;
  /** At most this many candidate sentences, sampled evenly over the document (default 2000). */
  maxSentences?: number;
  /** Power-iteration limit and tolerance (defaults 100 and 1e-7). */
  maxIterations?: number;
  tolerance?: number;
}

/**
 * TextRank (Mihalcea and Tarau 2004) over a TF-IDF cosine sentence graph: sentences are vectors of stemmed
 * content words weighted by TF-IDF (sentences as documents, smoothed IDF, L2-normalised); edges carry cosine
 * similarity; PageRank scores the nodes; top sentences fill the budget and are returned in document order.
 */
export function textRankSummary(text: string, options: TextRankOptions): ExtractiveSummary {
  return textRankFromSentences(documentSentences(text), options);
}

export function textRankFromSentences(sentences: readonly Sentence[], options: TextRankOptions): ExtractiveSummary {
  const scores = textRankScores(sentences, options);
  const ranked = [...scores.keys()].filter((i) => scores[i] > 0).sort((a, b) => scores[b] - scores[a] || a - b);
  return assemble(sentences, ranked, options.words);
}

/** TextRank score per sentence (0 for sentences that are not candidates). */
export function textRankScores(sentences: readonly Sentence[], options: Omit<TextRankOptions, 'words'> = {}): Float64Array {
  const damping = options.damping ?? 0.85;
  const minTokens = options.minTokens ?? 4;
  const maxSentences = options.maxSentences ?? 2000;
  const out = new Float64Array(sentences.length);

  // Candidate sentences and their content tokens.
  let candidates: Array<{ index: number; tokens: string[] }> = [];
  for (const [index, s] of sentences.entries()) {
    const tokens = rougeTokens(s.text).filter((t) => !STOPWORDS.has(t) && !/^\d+$/.test(t));
    if (tokens.length >= minTokens && countWords(s.text) >= minTokens) candidates.push({ index, tokens });
  }
  if (candidates.length > maxSentences) {
    const step = candidates.length / maxSentences;
    candidates = Array.from({ length: maxSentences }, (_, k) => candidates[Math.floor(k * step)]);
  }
  const n = candidates.length;
  if (n === 0) return out;
  if (n === 1) {
    out[candidates[0].index] = 1;
    return out;
  }

  // TF-IDF vectors as postings: term -> [(sentence, weight)].
  const df = new Map<string, number>();
  const tfs = candidates.map(({ tokens }) => {
    const tf = new Map<string, number>();
    for (const t of tokens) tf.set(t, (tf.get(t) ?? 0) + 1);
    for (const t of tf.keys()) df.set(t, (df.get(t) ?? 0) + 1);
    return tf;
  });
  const postings = new Map<string, Array<[number, number]>>();
  for (const [i, tf] of tfs.entries()) {
    const weights: Array<[string, number]> = [];
    let norm = 0;
    for (const [t, c] of tf) {
      const w = c * (Math.log((1 + n) / (1 + (df.get(t) ?? 0))) + 1);
      weights.push([t, w]);
      norm += w * w;
    }
    norm = Math.sqrt(norm);
    for (const [t, w] of weights) {
      let list = postings.get(t);
      if (!list) postings.set(t, (list = []));
      list.push([i, w / norm]);
    }
  }

  // Cosine similarities accumulated over shared terms (symmetric, no self-loops).
  const sim = new Float32Array(n * n);
  for (const list of postings.values()) {
    for (let a = 0; a < list.length; a++) {
      const [i, wi] = list[a];
      for (let b = a + 1; b < list.length; b++) {
        const [j, wj] = list[b];
        const v = wi * wj;
        sim[i * n + j] += v;
        sim[j * n + i] += v;
      }
    }
  }
  // Sparse rows: neighbours and transition weights w_ij / sum_k w_ik.
  const rowStart = new Int32Array(n + 1);
  const cols: number[] = [];
  const vals: number[] = [];
  const dangling: number[] = [];
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (let j = 0; j < n; j++) sum += sim[i * n + j];
    if (sum === 0) dangling.push(i);
    for (let j = 0; j < n; j++) {
      const v = sim[i * n + j];
      if (v > 0) {
        cols.push(j);
        vals.push(v / sum);
      }
    }
    rowStart[i + 1] = cols.length;
  }

  let rank = new Float64Array(n).fill(1 / n);
  let next = new Float64Array(n);
  const maxIterations = options.maxIterations ?? 100;
  const tolerance = options.tolerance ?? 1e-7;
  for (let it = 0; it < maxIterations; it++) {
    let danglingMass = 0;
    for (const i of dangling) danglingMass += rank[i];
    next.fill((1 - damping) / n + (damping * danglingMass) / n);
    for (let i = 0; i < n; i++) {
      const r = damping * rank[i];
      for (let k = rowStart[i]; k < rowStart[i + 1]; k++) next[cols[k]] += r * vals[k];
    }
    let delta = 0;
    for (let i = 0; i < n; i++) delta += Math.abs(next[i] - rank[i]);
    [rank, next] = [next, rank];
    if (delta < tolerance) break;
  }
  for (let k = 0; k < n; k++) out[candidates[k].index] = rank[k];
  return out;
}
