import { describe, expect, it } from 'vitest';
import { extractFacts } from './facts.js';
import * as legalNlp from '@amicus/legal-nlp';
import { checkFaithfulness, defaultFactExtractor } from './faithfulness.js';

const SOURCE = `On 13 December 2006 the appellant Mohammed al Ghabra was informed of a direction under article 4.
The Court of Appeal followed Smith v Jones [2011] UKSC 12 and State of Bombay v. Purushottam Jog Naik (2019) 3 SCC 123.
The assets are about 700,000, of which 530,000 represents two houses. The appeal was heard on December 21, 1950.`;

describe('extractFacts', () => {
  it('finds dates, citations, parties and numbers with offsets', () => {
    const facts = extractFacts(SOURCE);
    const byKind = (k: string): string[] => facts.filter((f) => f.kind === k).map((f) => f.text);
    expect(byKind('date')).toEqual(['13 December 2006', 'December 21, 1950']);
    expect(byKind('citation')).toEqual(['[2011] UKSC 12', '(2019) 3 SCC 123']);
    expect(byKind('party')).toEqual(['Smith', 'Jones', 'State of Bombay', 'Purushottam Jog Naik']);
    expect(byKind('number')).toEqual(['4', '700,000', '530,000']);
    for (const f of facts) expect(SOURCE.slice(f.start, f.end)).toBe(f.text);
    expect(facts.find((f) => f.kind === 'date')?.normalized).toBe('2006-12-13');
  });

  it('separates parties of consecutive case names and stays linear on long runs of capitals', () => {
    const parties = extractFacts('In Smith v. Jones and Brown v Green Ltd, the court followed State of Bombay v. Union of India.')
      .filter((f) => f.kind === 'party')
      .map((f) => f.text);
    expect(parties).toEqual(['Smith', 'Jones', 'Brown', 'Green Ltd', 'State of Bombay', 'Union of India']);
    expect(extractFacts('A'.repeat(1_000_000))).toEqual([]);
  }, 60_000);
});

describe('checkFaithfulness with the regular-expression extractor', () => {
  const regex = { extractor: extractFacts };

  it('accepts facts that occur in the source, in other surface forms too', () => {
    const report = checkFaithfulness('On 13th December, 2006 the court in Smith v. Jones [2011] UKSC 12 valued the assets at 700000.', SOURCE, regex);
    expect(report.unsupported).toEqual([]);
    expect(report.checked).toBeGreaterThanOrEqual(5);
    expect(report.score).toBe(1);
  });

  it('reports numbers, dates, parties and citations that are not in the source', () => {
    const report = checkFaithfulness('On 14 December 2006 Brown v Jones [2012] UKSC 99 held that 900,000 was due.', SOURCE, regex);
    expect(report.unsupported.map((f) => [f.kind, f.text])).toEqual([
      ['date', '14 December 2006'],
      ['party', 'Brown'],
      ['citation', '[2012] UKSC 99'],
      ['number', '900,000'],
    ]);
    expect(report.supported).toBe(1); // Jones
    expect(report.score).toBeCloseTo(1 / 5, 10);
  });

  it('checks only the numbers of a citation cut across two summary lines', () => {
    const report = checkFaithfulness('It was reported in A.I.R. 1955 And.\n253 We agree.', 'See A.I.R. 1955 And. 118. 253 We agree.', regex);
    expect(report.unsupported).toEqual([]);
    expect(report.checked).toBe(2);
  });

  it('scores an output without checkable facts as faithful', () => {
    expect(checkFaithfulness('The appeal is dismissed.', SOURCE, regex)).toMatchObject({ checked: 0, score: 1, unsupported: [] });
  });
});

describe('checkFaithfulness with the default extractor', () => {
  it('uses the entity extractor of @amicus/legal-nlp when it exists, completed by the regular expressions', () => {
    const { name } = defaultFactExtractor();
    expect(name).toBe(typeof (legalNlp as Record<string, unknown>).extractEntities === 'function' ? 'legal-nlp' : 'regex');
    const bad = checkFaithfulness('On 14 December 2006 Brown v Jones [2012] UKSC 99 held that 900,000 was due.', SOURCE);
    expect(bad.extractor).toBe(name);
    expect(bad.unsupported.map((f) => f.text)).toEqual(['14 December 2006', 'Brown', '[2012] UKSC 99', '900,000']);
    const good = checkFaithfulness('On 13th December, 2006 the court in Smith v. Jones [2011] UKSC 12 valued the assets at 700,000.', SOURCE);
    expect(good.unsupported).toEqual([]);
    expect(good.score).toBe(1);
  });
});
