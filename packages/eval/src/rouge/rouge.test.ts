import { describe, expect, it } from 'vitest';
import { lcsLength, rouge, rougeL, rougeLsum, rougeN } from './rouge.js';
import { lsumSentences, rougeTokens } from './tokenize.js';

const close = (actual: number, expected: number): void => expect(actual).toBeCloseTo(expected, 10);

describe('rougeTokens', () => {
  it('lower-cases, splits on anything outside [a-z0-9] and stems tokens longer than 3 characters', () => {
    expect(rougeTokens("Hon'ble Court, s. 66(1): COURTS held")).toEqual(['hon', 'ble', 'court', 's', '66', '1', 'court', 'held']);
    expect(rougeTokens('The appellants were running', false)).toEqual(['the', 'appellants', 'were', 'running']);
    expect(rougeTokens('The appellants were running')).toEqual(['the', 'appel', 'were', 'run']);
    // Tokens of three characters or fewer are never stemmed.
    expect(rougeTokens('was has its')).toEqual(['was', 'has', 'its']);
    expect(rougeTokens('  ')).toEqual([]);
  });

  it('splits Lsum sentences on newlines and drops empty lines', () => {
    expect(lsumSentences('a b\n\nc\n')).toEqual(['a b', 'c']);
  });
});

describe('ROUGE-N', () => {
  // reference: the cat sat on the mat / candidate: the cat lay on the mat
  const ref = ['the', 'cat', 'sat', 'on', 'the', 'mat'];
  const cand = ['the', 'cat', 'lay', 'on', 'the', 'mat'];

  it('ROUGE-1 counts clipped unigram overlap', () => {
    // overlap: the x2, cat, on, mat = 5 of 6 on each side
    const s = rougeN(ref, cand, 1);
    close(s.precision, 5 / 6);
    close(s.recall, 5 / 6);
    close(s.f1, 5 / 6);
  });

  it('ROUGE-2 counts bigram overlap', () => {
    // shared bigrams: "the cat", "on the", "the mat" = 3 of 5
    const s = rougeN(ref, cand, 2);
    close(s.precision, 3 / 5);
    close(s.recall, 3 / 5);
  });

  it('clips repeated n-grams and handles unequal lengths', () => {
    // reference "a a b", candidate "a a a a": hits min(2,4)=2; P 2/4, R 2/3, F 2PR/(P+R) = 4/7
    const s = rougeN(['a', 'a', 'b'], ['a', 'a', 'a', 'a'], 1);
    close(s.precision, 0.5);
    close(s.recall, 2 / 3);
    close(s.f1, 4 / 7);
  });

  it('is zero when either side is empty or too short', () => {
    expect(rougeN([], ['a'], 1)).toEqual({ precision: 0, recall: 0, f1: 0 });
    expect(rougeN(['a'], ['a'], 2)).toEqual({ precision: 0, recall: 0, f1: 0 });
  });
});

describe('ROUGE-L and ROUGE-Lsum', () => {
  it('computes the longest common subsequence', () => {
    expect(lcsLength([1, 2, 3, 4, 5], [1, 3, 5])).toBe(3);
    expect(lcsLength([1, 2, 3], [3, 2, 1])).toBe(1);
    expect(lcsLength([], [1])).toBe(0);
  });

  it('ROUGE-L scores the LCS against both lengths', () => {
    // LCS of "a b c d e" and "c d a b" is 2: P 2/4, R 2/5, F 4/9
    const s = rougeL(['a', 'b', 'c', 'd', 'e'], ['c', 'd', 'a', 'b']);
    close(s.precision, 0.5);
    close(s.recall, 0.4);
    close(s.f1, 4 / 9);
  });

  it('ROUGE-Lsum takes the union LCS over candidate sentences (the ROUGE paper example)', () => {
    // reference sentence w1..w5; candidates "w1 w2 w6 w7 w8" and "w1 w3 w8 w9 w5":
    // union LCS = {w1, w2, w3, w5} = 4 hits; R 4/5, P 4/10, F 8/15
    const s = rougeLsum([['w1', 'w2', 'w3', 'w4', 'w5']], [['w1', 'w2', 'w6', 'w7', 'w8'], ['w1', 'w3', 'w8', 'w9', 'w5']]);
    close(s.recall, 0.8);
    close(s.precision, 0.4);
    close(s.f1, 8 / 15);
  });

  it('ROUGE-Lsum rewards reordered sentences that ROUGE-L does not', () => {
    const lsum = rougeLsum([['a', 'b', 'c', 'd', 'e']], [['c', 'd'], ['a', 'b']]);
    close(lsum.recall, 4 / 5);
    close(lsum.precision, 1);
  });

  it('ROUGE-Lsum clips hits by token counts', () => {
    // reference "a a b"; candidates "a b" twice: union {a(1), b(2)} = 2 hits; R 2/3, P 2/4
    const s = rougeLsum([['a', 'a', 'b']], [['a', 'b'], ['a', 'b']]);
    close(s.recall, 2 / 3);
    close(s.precision, 0.5);
  });
});

describe('rouge()', () => {
  it('scores texts with stemming and newline sentences', () => {
    // reference tokens: the court held / candidate: court hold (holding -> hold); R1 hits 1: P 1/2, R 1/3, F 0.4
    const s = rouge('The courts held.', 'Court holding');
    close(s.rouge1.precision, 0.5);
    close(s.rouge1.recall, 1 / 3);
    close(s.rouge1.f1, 0.4);
    expect(s.rouge2.f1).toBe(0);
    close(rouge('The courts held.', 'Court holding', { stem: false }).rouge1.f1, 0);
  });

  it('gives 1 for identical texts and 0 for empty ones', () => {
    const same = rouge('The appeal is dismissed.\nNo order as to costs.', 'The appeal is dismissed.\nNo order as to costs.');
    for (const t of ['rouge1', 'rouge2', 'rougeL', 'rougeLsum'] as const) close(same[t].f1, 1);
    const empty = rouge('', 'The appeal is dismissed.');
    for (const t of ['rouge1', 'rouge2', 'rougeL', 'rougeLsum'] as const) expect(empty[t].f1).toBe(0);
  });

  it('computes all four scores on a two-sentence example by hand', () => {
    // reference: "the cat sat\non the mat"  candidate: "on the mat\nthe cat sat"
    // R1: all 6 unigrams match -> 1. R2: ref bigrams the-cat, cat-sat, sat-on, on-the, the-mat;
    // cand bigrams on-the, the-mat, mat-the, the-cat, cat-sat -> 4 of 5 -> 0.8.
    // RL: LCS of "the cat sat on the mat" and "on the mat the cat sat" = 3 ("the cat sat" or "on the mat") -> 0.5.
    // RLsum: each reference sentence matches one candidate sentence fully -> 6 of 6 -> 1.
    const s = rouge('the cat sat\non the mat', 'on the mat\nthe cat sat');
    close(s.rouge1.f1, 1);
    close(s.rouge2.f1, 0.8);
    close(s.rougeL.f1, 0.5);
    close(s.rougeLsum.f1, 1);
  });
});
