import { buildBrief, courtTable } from '@amicus/legal-nlp';
import { describe, expect, it } from 'vitest';
import { isValidation } from '../data/datasets.js';
import { agrees, referenceResult } from './reference.js';
import { briefPart, loadAnnotations, sameParty, scoreBrief, summarize, type BriefAnnotation } from './score.js';

describe('the annotated brief set', () => {
  const annotations = loadAnnotations();

  it('has at least 80 UK and Indian judgments, none in the summarizer validation split, with dev and held-out parts', () => {
    expect(annotations.length).toBeGreaterThanOrEqual(80);
    expect(new Set(annotations.map((a) => a.dataset))).toEqual(new Set(['uk', 'in']));
    expect(annotations.filter((a) => isValidation(a.id))).toEqual([]);
    const parts = annotations.map((a) => briefPart(a.id));
    expect(parts.filter((p) => p === 'held-out').length).toBeGreaterThanOrEqual(20);
    expect(parts.filter((p) => p === 'dev').length).toBeGreaterThanOrEqual(40);
    expect(new Set(annotations.map((a) => `${a.dataset}:${a.id}`)).size).toBe(annotations.length);
  });

  it('names courts of the court table and includes judgments with dissents', () => {
    const ids = new Set(courtTable().courts.map((c) => c.id));
    for (const a of annotations) if (a.court !== null) expect(ids.has(a.court), a.id).toBe(true);
    expect(annotations.filter((a) => /dissent/i.test(a.note ?? '')).length).toBeGreaterThanOrEqual(10);
  });
});

describe('scoring a brief', () => {
  it('matches party names without titles and scores every field', () => {
    expect(sameParty('Mrs Owens', 'Owens')).toBe(true);
    expect(sameParty('HM Attorney General', 'Attorney General')).toBe(true);
    expect(sameParty('State of Bihar', 'State of Punjab')).toBe(false);
    const text =
      'IN THE SUPREME COURT OF INDIA\nCivil Appeal No. 12 of 1990.\nRam Lal ... Appellant\nState of Bihar ... Respondent\n' +
      'The Judgment of the Court was delivered by DAS, J.\nThe appellant challenges an order of the High Court.\nThe appeal is accordingly dismissed.\n';
    const gold: BriefAnnotation = {
      dataset: 'in',
      id: 'x',
      court: 'insc',
      parties: [
        { name: 'Ram Lal', role: 'appellant' },
        { name: 'State of Bihar', role: 'respondent' },
      ],
      bench: ['das', 'bose'],
      outcome: { disposition: ['dismissed'], sentence: 'The appeal is accordingly dismissed.' },
    };
    const score = scoreBrief(gold, buildBrief([{ text }]));
    expect(score.court).toEqual({ gold: 'insc', predicted: 'insc', correct: true });
    expect(score.parties).toMatchObject({ found: true, rolesChecked: 2, rolesCorrect: 2 });
    expect(score.bench).toEqual({ gold: ['das', 'bose'], predicted: ['das'], truePositives: 1 });
    expect(score.outcome).toMatchObject({ correct: true, sentenceCorrect: true });
    const summary = summarize([score]);
    expect(summary.benchPrecision).toEqual({ hits: 1, total: 1 });
    expect(summary.benchRecall).toEqual({ hits: 1, total: 2 });
  });
});

describe('the result a reference summary states', () => {
  it.each([
    ['The Supreme Court unanimously dismisses the appeal.', 'dismissed'],
    ['The Supreme Court allows the appeal by a majority of three to two.', 'allowed'],
    ['Held, that the tax was payable. Appeal allowed.', 'allowed'],
    ['Appeals allowed in part.', 'partly_allowed'],
    ['Dismissing the appeal by certificate, the Court ^ HELD: 1. The Labour Court had jurisdiction.', 'dismissed'],
    ['The High Court dismissed the appeal.', null],
    ['The Supreme Court allows Mr Shahs appeal and dismisses Mr Patels appeal.', null],
  ])('"%s" → %s', (summary, result) => {
    expect(referenceResult(summary)).toBe(result);
  });

  it('counts a set-aside order as agreeing with an appeal allowed', () => {
    expect(agrees('set_aside', 'allowed')).toBe(true);
    expect(agrees('dismissed', 'allowed')).toBe(false);
    expect(agrees(null, 'dismissed')).toBe(false);
  });
});
