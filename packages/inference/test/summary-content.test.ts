import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countWords } from '@amicus/legal-nlp';
import { createSummarizer, loadModel, type LoadedModel, type Summarizer, type SummaryResult } from '../src/index.js';
import { dissentJudgment, judgment, shippedModelDir } from './helpers.js';

let model: LoadedModel;
let summarizer: Summarizer;
beforeAll(async () => {
  model = await loadModel(shippedModelDir, { intraOpThreads: 1 });
  summarizer = createSummarizer(model);
});
afterAll(async () => {
  await model.release();
});

const NOT_PROSE = new Set(['header', 'heading', 'furniture', 'citation_only']);

function expectWholeSentences(source: string, r: SummaryResult): void {
  for (const s of r.sentences) {
    expect(NOT_PROSE.has(s.role)).toBe(false);
    // Display text is the source span with whitespace joined (no furniture or hyphenation in these texts).
    expect(s.text).toBe(source.slice(s.start, s.end).replace(/\s+/g, ' ').trim());
    expect(s.text).toMatch(/[.?!:;。！？]["'”’)\]]*$/u);
  }
}

describe('what the summary of a judgment says', () => {
  it('states the majority’s result, labelled, and does not end on the dissent', async () => {
    for (const length of ['short', 'standard', 'detailed'] as const) {
      const r = await summarizer.summarize(dissentJudgment, { length });
      expect(r.outcome).not.toBeNull();
      expect(r.outcome!.label).toBe('appeal dismissed');
      expect(r.outcome!.disposition).toBe('dismissed');
      const stated = r.sentences[r.outcome!.sentence];
      expect(stated.result).toBe(true);
      expect(stated.text).toMatch(/\bdismiss/);
      expect(r.sentences.filter((s) => s.result)).toHaveLength(1);
      expect(r.sentences[r.sentences.length - 1].role).not.toBe('dissent');
      expectWholeSentences(dissentJudgment, r);
    }
  });

  it('reads question → holding → result in the short summary', async () => {
    const r = await summarizer.summarize(dissentJudgment, { length: 'short' });
    expect(r.words).toBeLessThanOrEqual(150);
    expect(r.sentences[r.sentences.length - 1].result).toBe(true);
    // Everything before the result keeps the judgment's order within its part.
    const before = r.sentences.slice(0, -1);
    expect(before.length).toBeGreaterThan(0);
  });

  it('caps standard at 600 words and detailed at 1,500 unless a word budget is given', async () => {
    const long = [dissentJudgment, judgment, dissentJudgment].join('\n\n');
    const docWords = countWords(long);
    expect(docWords * 0.1).toBeGreaterThan(600);
    expect(docWords * 0.25).toBeGreaterThan(1500);
    const standard = await summarizer.summarize(long, { length: 'standard' });
    const detailed = await summarizer.summarize(long, { length: 'detailed' });
    const byWords = await summarizer.summarize(long, { words: 2000 });
    expect(standard.words).toBeLessThanOrEqual(600);
    expect(standard.words).toBeGreaterThan(450);
    expect(detailed.words).toBeLessThanOrEqual(1500);
    expect(detailed.words).toBeGreaterThan(1200);
    expect(byWords.words).toBeGreaterThan(1500);
    expect(byWords.words).toBeLessThanOrEqual(2000);
  });

  it('never picks headings, speaker lines or page numbers of a judgment laid out with them', async () => {
    const laidOut = dissentJudgment
      .replace('LORD REED (dissenting)', '\nLORD REED (dissenting)\n')
      .split('\n')
      .flatMap((line, i) => (i > 0 && i % 25 === 0 ? ['', String(i / 25 + 1), '', line] : [line]))
      .join('\n');
    const r = await summarizer.summarize(`JUDGMENT\n\nHayes (Appellant) v Willoughby (Respondent)\n\n${laidOut}`, { length: 'detailed' });
    for (const s of r.sentences) {
      expect(s.text).not.toMatch(/^(?:JUDGMENT|LORD REED|\d+)$/);
      expect(countWords(s.text)).toBeGreaterThanOrEqual(3);
    }
    expect(r.outcome?.label).toBe('appeal dismissed');
  });
});

describe('text the model was not trained on', () => {
  it('splits an all-lowercase report into sentences and summarizes it without a warning', async () => {
    const lower = judgment.toLowerCase();
    const r = await summarizer.summarize(lower, { words: 200 });
    expect(r.language.code).toBe('en');
    expect(r.warnings).toEqual([]);
    expect(r.sentences.length).toBeGreaterThan(3);
    for (const s of r.sentences) {
      expect(lower.slice(s.start, s.end).replace(/\s+/g, ' ').trim()).toBe(s.text);
      expect(s.end - s.start).toBeLessThan(1000);
      expect(s.text).toMatch(/[.?!:;]["')]*$/);
    }
  });

  it('splits Chinese text at 。！？, counts its words and warns that the model was not trained on it', async () => {
    const zh =
      '上诉人张某因与被上诉人李某房屋租赁合同纠纷一案，不服某区人民法院民事判决，向本院提起上诉。' +
      '本院依法组成合议庭审理了本案。上诉人请求撤销原判，改判支持其全部诉讼请求！' +
      '被上诉人辩称，原审判决认定事实清楚，适用法律正确，请求驳回上诉。本院认为，双方签订的租赁合同合法有效。' +
      '上诉人主张被上诉人违约，但未提交证据予以证明，应承担举证不能的不利后果。' +
      '综上所述，上诉人的上诉请求不能成立，应予驳回。判决如下：驳回上诉，维持原判。本判决为终审判决。';
    const r = await summarizer.summarize(zh, { words: 40 });
    expect(r.language.code).toBe('zh');
    expect(r.language.supported).toBe(false);
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toMatch(/Chinese/);
    expect(r.sentences.length).toBeGreaterThan(1);
    for (const s of r.sentences) {
      expect(zh.slice(s.start, s.end)).toBe(s.text);
      expect(s.text).toMatch(/[。！？：]$/u);
    }
    expect(r.words).toBeLessThanOrEqual(40);
    expect(r.words).toBe(r.sentences.reduce((a, s) => a + countWords(s.text), 0));
  });
});

describe('display text and paragraph numbers', () => {
  it('joins line breaks and repairs hyphenation in `text` while start/end slice the source exactly', async () => {
    const source =
      '[1] The appellant challenged the proce-\nedings before the tribunal on several grounds.\n' +
      'The proceedings had been started by the respondent in 2001 and were heard over three days.\n\n' +
      '[2] The tribunal refused to adjourn the hearing, and the appellant says that this was unfair to him.\n' +
      'The tribunal gave reasons for the refusal in a short decision that was sent to both parties.\n\n' +
      '[3] For these reasons I would dismiss the appeal.\n';
    const r = await summarizer.summarize(source, { words: 200 });
    const first = r.sentences.find((s) => s.text.startsWith('The appellant challenged'));
    expect(first).toBeDefined();
    expect(first!.text).toBe('The appellant challenged the proceedings before the tribunal on several grounds.');
    expect(source.slice(first!.start, first!.end)).toBe('The appellant challenged the proce-\nedings before the tribunal on several grounds.');
    expect(first!.paragraph).toBe(1);
    const last = r.sentences.find((s) => s.result);
    expect(last?.paragraph).toBe(3);
    expect(r.outcome?.label).toBe('appeal dismissed');
  });
});
