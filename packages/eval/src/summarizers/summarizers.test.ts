import { existsSync } from 'node:fs';
import { countWords, segment } from '@amicus/legal-nlp';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { datasetPath, loadSplit } from '../data/datasets.js';
import { rouge } from '../rouge/rouge.js';
import { leadSummary } from './lead.js';
import { oracleIndices, oracleSummary } from './oracle.js';
import { textRankScores, textRankSummary } from './textrank.js';
import { truncateWords } from './truncate.js';

const DOC = [
  'The appellant was convicted of theft by the trial court.',
  'The weather on the day of the hearing was fine.',
  'The High Court upheld the conviction for theft and the sentence.',
  'Counsel for the appellant argued that the conviction for theft was unsafe.',
  'Lunch was served at one.',
  'This Court holds that the conviction for theft cannot stand and the appeal is allowed.',
].join('\n');

describe('truncateWords', () => {
  it('keeps the first N whitespace-separated words and the text between them', () => {
    expect(truncateWords('one two\nthree  four', 3)).toBe('one two\nthree');
    expect(truncateWords('one two', 5)).toBe('one two');
    expect(truncateWords('one two', 0)).toBe('');
  });
});

describe('lead', () => {
  it('takes the first sentences and cuts to the budget', () => {
    const s = leadSummary(DOC, { words: 12 });
    expect(s.indices).toEqual([0, 1]);
    expect(s.text).toBe('The appellant was convicted of theft by the trial court.\nThe weather');
    expect(countWords(s.text)).toBe(12);
  });
});

describe('TextRank', () => {
  it('ranks sentences that share content with many others above isolated ones', () => {
    const sentences = segment(DOC).sentences;
    const scores = textRankScores(sentences);
    const central = [0, 2, 3, 5].map((i) => scores[i]);
    expect(Math.min(...central)).toBeGreaterThan(scores[1]);
    expect(scores[4]).toBe(0); // fewer than 4 content words: not a candidate
    expect(scores.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
  });

  it('returns chosen sentences in document order within the budget', () => {
    const s = textRankSummary(DOC, { words: 25 });
    expect(s.indices).toEqual([...s.indices].sort((a, b) => a - b));
    expect(s.indices).not.toContain(1);
    expect(s.indices).not.toContain(4);
    expect(countWords(s.text)).toBeLessThanOrEqual(25);
  });

  it('is deterministic', () => {
    expect(textRankSummary(DOC, { words: 30 })).toEqual(textRankSummary(DOC, { words: 30 }));
  });
});

describe('greedy oracle', () => {
  it('picks the sentence that best matches the reference first, and stops when nothing improves ROUGE-2', () => {
    const reference = 'The conviction for theft cannot stand and the appeal is allowed.';
    const order = oracleIndices(segment(DOC).sentences.map((s) => s.text), reference, { words: 100 });
    expect(order[0]).toBe(5);
    expect(order).not.toContain(4);
    // Adding any other sentence would lower ROUGE-2 F1, so the oracle stops under a generous budget.
    const s = oracleSummary(DOC, reference, { words: 100 });
    expect(s.indices).toEqual([5]);
    // All 10 reference bigrams among the sentence's 14: P 10/14, R 1, F1 = 2(5/7)/(12/7) = 5/6
    expect(rouge(reference, s.text).rouge2.f1).toBeCloseTo(5 / 6, 10);
  });
});

const realData = existsSync(datasetPath('in', loadConfig().dataDir));

describe.skipIf(!realData)('baselines on real validation judgments', () => {
  it('oracle >= TextRank on ROUGE-2 and every summary respects the reference budget', async () => {
    const pairs = await loadSplit('in', 'validation', { limit: 4 });
    for (const pair of pairs) {
      const words = countWords(pair.summary);
      const lead = leadSummary(pair.text, { words });
      const tr = textRankSummary(pair.text, { words });
      const oracle = oracleSummary(pair.text, pair.summary, { words });
      for (const s of [lead, tr, oracle]) {
        expect(countWords(s.text)).toBeLessThanOrEqual(words);
        expect(countWords(s.text)).toBeGreaterThan(words * 0.5);
      }
      expect(rouge(pair.summary, oracle.text).rouge2.f1).toBeGreaterThanOrEqual(rouge(pair.summary, tr.text).rouge2.f1);
      // Extractive sentences are the source's sentences: exact offsets, with their display text.
      const source = new Map(segment(pair.text).sentences.map((x) => [x.start, x]));
      for (const sent of tr.sentences) {
        expect(source.get(sent.start)?.end).toBe(sent.end);
        expect(source.get(sent.start)?.text).toBe(sent.text);
      }
    }
  }, 60_000);
});
