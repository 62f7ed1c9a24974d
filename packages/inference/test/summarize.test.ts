import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countWords, segment } from '@amicus/legal-nlp';
import { createSummarizer, InferenceError, loadModel, type LoadedModel, type Summarizer } from '../src/index.js';
import { judgment, shippedModelDir } from './helpers.js';

let model: LoadedModel;
let summarizer: Summarizer;
beforeAll(async () => {
  model = await loadModel(shippedModelDir, { intraOpThreads: 1 });
  summarizer = createSummarizer(model);
});
afterAll(async () => {
  await model.release();
});

async function codeOf(p: Promise<unknown>): Promise<string | undefined> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(InferenceError);
  return (err as InferenceError).code;
}

describe('summarize pipeline through the shipped ONNX model', () => {
  it('returns source sentences whose offsets slice the input, with display text, in document order', async () => {
    const result = await summarizer.summarize(judgment, { words: 250 });
    expect(result.sentences.length).toBeGreaterThan(2);
    let last = -1;
    const source = new Map(segment(judgment).sentences.map((x) => [x.start, x]));
    for (const s of result.sentences) {
      // Offsets slice the source sentence exactly; the text is that sentence's display text.
      expect(source.get(s.start)?.end).toBe(s.end);
      expect(source.get(s.start)?.text).toBe(s.text);
      expect(s.start).toBeGreaterThan(last);
      last = s.end - 1;
      expect(s.score).toBeGreaterThanOrEqual(0);
      expect(s.score).toBeLessThanOrEqual(1);
      expect(Number.isInteger(s.paragraphIndex)).toBe(true);
      expect(s.paragraph === null || Number.isInteger(s.paragraph)).toBe(true);
    }
    expect(result.model.name).toBe(model.manifest.name);
    expect(result.model.version).toBe(model.manifest.version);
    expect(result.model.sha256).toBe(model.sha256);
  });

  it('keeps the summary within the word budget and reports its length', async () => {
    for (const words of [60, 250, 600]) {
      const result = await summarizer.summarize(judgment, { words });
      const counted = result.sentences.reduce((a, s) => a + countWords(s.text), 0);
      expect(result.words).toBe(counted);
      expect(counted).toBeLessThanOrEqual(words);
      expect(counted).toBeGreaterThan(words * 0.5);
    }
  });

  it('sizes summaries by ratio and by the short, standard and detailed presets', async () => {
    const docWords = countWords(judgment);
    const short = await summarizer.summarize(judgment, { length: 'short' });
    const standard = await summarizer.summarize(judgment, { length: 'standard' });
    const detailed = await summarizer.summarize(judgment, { length: 'detailed' });
    const byRatio = await summarizer.summarize(judgment, { ratio: 0.1 });
    const byDefault = await summarizer.summarize(judgment);
    expect(short.words).toBeLessThanOrEqual(150);
    expect(standard.words).toBeLessThanOrEqual(Math.round(docWords * 0.1));
    expect(detailed.words).toBeLessThanOrEqual(Math.round(docWords * 0.25));
    expect(detailed.words).toBeGreaterThan(standard.words);
    expect(byRatio.sentences).toEqual(standard.sentences);
    expect(byDefault.sentences).toEqual(standard.sentences);
  });

  it('is deterministic', async () => {
    const a = await summarizer.summarize(judgment, { words: 300 });
    const b = await summarizer.summarize(judgment, { words: 300 });
    expect(a.sentences).toEqual(b.sentences);
  });

  it('rejects empty and whitespace-only input with EMPTY_INPUT', async () => {
    expect(await codeOf(summarizer.summarize(''))).toBe('EMPTY_INPUT');
    expect(await codeOf(summarizer.summarize(' \n\t\n '))).toBe('EMPTY_INPUT');
  });

  it('rejects binary data with NOT_TEXT', async () => {
    const bytes = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 97) % 256));
    expect(await codeOf(summarizer.summarize(bytes.toString('latin1')))).toBe('NOT_TEXT');
    expect(await codeOf(summarizer.summarize(bytes.toString('utf8')))).toBe('NOT_TEXT');
  });

  it('rejects contradictory or out-of-range length options with INVALID_OPTIONS', async () => {
    expect(await codeOf(summarizer.summarize(judgment, { words: 0 }))).toBe('INVALID_OPTIONS');
    expect(await codeOf(summarizer.summarize(judgment, { ratio: 1.5 }))).toBe('INVALID_OPTIONS');
    expect(await codeOf(summarizer.summarize(judgment, { words: 100, ratio: 0.2 }))).toBe('INVALID_OPTIONS');
  });

  it('summarizes a 5 MB single line within the budget', async () => {
    const sentence = judgment.replace(/\s+/g, ' ');
    const line = sentence.repeat(Math.ceil(5_000_000 / sentence.length)).slice(0, 5_000_000);
    const result = await summarizer.summarize(line, { length: 'short' });
    expect(result.sentences.length).toBeGreaterThan(0);
    expect(result.words).toBeLessThanOrEqual(150);
    for (const s of result.sentences) expect(line.slice(s.start, s.end)).toBe(s.text);
  }, 120_000);

  it('cuts a single sentence longer than the budget to the budget', async () => {
    const text = Array.from({ length: 120 }, (_, i) => `word${i}`).join(' ');
    const result = await summarizer.summarize(text, { words: 20 });
    expect(result.words).toBe(20);
    expect(result.sentences).toHaveLength(1);
    expect(text.slice(result.sentences[0].start, result.sentences[0].end)).toBe(result.sentences[0].text);
  });

  it('gives a short result for non-English text', async () => {
    const hindi = 'यह अपील उच्च न्यायालय के निर्णय के विरुद्ध है। न्यायालय ने याचिका खारिज कर दी। अपीलकर्ता ने तर्क दिया कि आदेश अवैध था।\n'.repeat(20);
    const result = await summarizer.summarize(hindi, { words: 40 });
    expect(result.words).toBeLessThanOrEqual(40);
    expect(result.sentences.length).toBeGreaterThan(0);
    for (const s of result.sentences) expect(hindi.slice(s.start, s.end)).toBe(s.text);
  });
});
