import { lsumSentences, rougeTokens } from './tokenize.js';

export interface Score {
  precision: number;
  recall: number;
  f1: number;
}

export type RougeType = 'rouge1' | 'rouge2' | 'rougeL' | 'rougeLsum';
export const ROUGE_TYPES: readonly RougeType[] = ['rouge1', 'rouge2', 'rougeL', 'rougeLsum'];
export type RougeScores = Record<RougeType, Score>;

export interface RougeOptions {
  /** Porter-stem tokens longer than 3 characters (default true). */
  stem?: boolean;
}

function score(hits: number, candidateCount: number, referenceCount: number): Score {
  const precision = candidateCount > 0 ? hits / candidateCount : 0;
  const recall = referenceCount > 0 ? hits / referenceCount : 0;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}

export function ngramCounts(tokens: readonly string[], n: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i + n <= tokens.length; i++) {
    const key = n === 1 ? tokens[i] : tokens.slice(i, i + n).join(' ');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** ROUGE-N over token lists: clipped n-gram overlap. */
export function rougeN(reference: readonly string[], candidate: readonly string[], n: number): Score {
  const ref = ngramCounts(reference, n);
  const cand = ngramCounts(candidate, n);
  let hits = 0;
  for (const [gram, c] of cand) {
    const r = ref.get(gram);
    if (r !== undefined) hits += Math.min(c, r);
  }
  return score(hits, Math.max(0, candidate.length - n + 1), Math.max(0, reference.length - n + 1));
}

/** Maps tokens to small integers so that LCS compares numbers rather than strings. */
function intern(lists: ReadonlyArray<readonly string[]>): Int32Array[] {
  const ids = new Map<string, number>();
  return lists.map((list) => {
    const out = new Int32Array(list.length);
    for (let i = 0; i < list.length; i++) {
      let id = ids.get(list[i]);
      if (id === undefined) {
        id = ids.size;
        ids.set(list[i], id);
      }
      out[i] = id;
    }
    return out;
  });
}

/** Length of the longest common subsequence, in O(|a|·|b|) time and O(|b|) memory. */
export function lcsLength(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length === 0 || b.length === 0) return 0;
  let prev = new Int32Array(b.length + 1);
  let curr = new Int32Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    const ai = a[i - 1];
    for (let j = 1; j <= b.length; j++) {
      if (ai === b[j - 1]) curr[j] = prev[j - 1] + 1;
      else curr[j] = curr[j - 1] > prev[j] ? curr[j - 1] : prev[j];
    }
    [prev, curr] = [curr, prev];
  }
  return prev[b.length];
}

/** ROUGE-L over token lists: longest common subsequence of the whole texts. */
export function rougeL(reference: readonly string[], candidate: readonly string[]): Score {
  const [r, c] = intern([reference, candidate]);
  return score(lcsLength(r, c), candidate.length, reference.length);
}

/**
 * Indices into `ref` of one LCS of `ref` and `can`, by rouge_score's backtracking rule
 * (on a tie it moves up in `ref` rather than left in `can`).
 */
function lcsIndices(ref: Int32Array, can: Int32Array): number[] {
  const rows = ref.length + 1;
  const cols = can.length + 1;
  const t = new Int32Array(rows * cols);
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      if (ref[i - 1] === can[j - 1]) t[i * cols + j] = t[(i - 1) * cols + j - 1] + 1;
      else t[i * cols + j] = Math.max(t[(i - 1) * cols + j], t[i * cols + j - 1]);
    }
  }
  const out: number[] = [];
  let i = ref.length;
  let j = can.length;
  while (i > 0 && j > 0) {
    if (ref[i - 1] === can[j - 1]) {
      out.push(i - 1);
      i--;
      j--;
    } else if (t[i * cols + j - 1] > t[(i - 1) * cols + j]) j--;
    else i--;
  }
  return out.reverse();
}

/**
 * ROUGE-Lsum over sentence token lists: for each reference sentence, the union of its LCS with every
 * candidate sentence; hits are clipped by the token counts of both texts (rouge_score's summary-level LCS).
 */
export function rougeLsum(reference: ReadonlyArray<readonly string[]>, candidate: ReadonlyArray<readonly string[]>): Score {
  const m = reference.reduce((n, s) => n + s.length, 0);
  const n = candidate.reduce((k, s) => k + s.length, 0);
  if (m === 0 || n === 0) return { precision: 0, recall: 0, f1: 0 };
  const interned = intern([...reference, ...candidate]);
  const refs = interned.slice(0, reference.length);
  const cands = interned.slice(reference.length);
  const refCounts = new Map<number, number>();
  const candCounts = new Map<number, number>();
  for (const s of refs) for (const t of s) refCounts.set(t, (refCounts.get(t) ?? 0) + 1);
  for (const s of cands) for (const t of s) candCounts.set(t, (candCounts.get(t) ?? 0) + 1);
  let hits = 0;
  for (const r of refs) {
    const union = new Set<number>();
    for (const c of cands) for (const idx of lcsIndices(r, c)) union.add(idx);
    for (const idx of [...union].sort((a, b) => a - b)) {
      const tok = r[idx];
      const rc = refCounts.get(tok) ?? 0;
      const cc = candCounts.get(tok) ?? 0;
      if (rc > 0 && cc > 0) {
        hits++;
        refCounts.set(tok, rc - 1);
        candCounts.set(tok, cc - 1);
      }
    }
  }
  return score(hits, n, m);
}

/**
 * ROUGE-1, ROUGE-2, ROUGE-L and ROUGE-Lsum of `candidate` against `reference`, following rouge_score
 * (`RougeScorer(['rouge1','rouge2','rougeL','rougeLsum'], use_stemmer=True).score(reference, candidate)`).
 * For ROUGE-Lsum both texts are split into sentences on newlines.
 */
export function rouge(reference: string, candidate: string, options: RougeOptions = {}): RougeScores {
  const stem = options.stem ?? true;
  const ref = rougeTokens(reference, stem);
  const cand = rougeTokens(candidate, stem);
  return {
    rouge1: rougeN(ref, cand, 1),
    rouge2: rougeN(ref, cand, 2),
    rougeL: rougeL(ref, cand),
    rougeLsum: rougeLsum(
      lsumSentences(reference).map((s) => rougeTokens(s, stem)),
      lsumSentences(candidate).map((s) => rougeTokens(s, stem)),
    ),
  };
}
