import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractEntities, type Entity } from './index.js';
import { ENTITY_FIXTURE_DIR, evaluateEntities, loadEntityFixtures } from './evaluate.js';

function find(entities: Entity[], type: Entity['type'], text: string): Entity | undefined {
  return entities.find((e) => e.type === type && e.text === text);
}

describe('extractEntities on the labelled fixture set', () => {
  const fixtures = loadEntityFixtures();
  const heldOut = loadEntityFixtures(path.join(ENTITY_FIXTURE_DIR, 'held-out'));

  it('has at least 300 labelled spans from UK, Indian and Australian judgments and written US examples', () => {
    const spans = fixtures.reduce((n, f) => n + f.spans.length, 0);
    expect(spans).toBeGreaterThanOrEqual(300);
    const datasets = new Set(fixtures.map((f) => f.source.dataset));
    expect([...datasets].sort()).toEqual(['aus-catchphrases', 'in-abs', 'uk-abs', 'written']);
    for (const f of [...fixtures, ...heldOut]) {
      for (const s of f.spans) expect(f.text.slice(s.start, s.end)).toBe(s.text);
    }
  });

  it('finds case citations with precision >= 0.95 and recall >= 0.90', () => {
    for (const set of [fixtures, heldOut]) {
      const citations = evaluateEntities(set).scores.find((s) => s.type === 'case_citation')!;
      expect(citations.precision).toBeGreaterThanOrEqual(0.95);
      expect(citations.recall).toBeGreaterThanOrEqual(0.9);
    }
  });

  it('scores every entity type, with normalised dates and money matching the labels', () => {
    const evaluation = evaluateEntities(fixtures);
    const all = evaluation.scores.find((s) => s.type === 'all')!;
    expect(all.precision).toBeGreaterThanOrEqual(0.9);
    expect(all.recall).toBeGreaterThanOrEqual(0.85);
    expect(evaluation.normalization.correct).toBe(evaluation.normalization.checked);
  });

  it('counts a missed span against recall and an invented one against precision', () => {
    const [fixture] = fixtures;
    const perfect = (): Entity[] => fixture.spans.map((s) => ({ ...s }));
    const dropOne = (): Entity[] => perfect().slice(1);
    const addOne = (): Entity[] => [...perfect(), { type: 'court', text: fixture.text.slice(0, 3), start: 0, end: 3 }];
    const score = (fn: () => Entity[]) => evaluateEntities([fixture], fn).scores.find((s) => s.type === 'all')!;
    expect(score(perfect)).toMatchObject({ precision: 1, recall: 1 });
    expect(score(dropOne).recall).toBeCloseTo((fixture.spans.length - 1) / fixture.spans.length);
    expect(score(addOne).precision).toBeCloseTo(fixture.spans.length / (fixture.spans.length + 1));
  });
});

describe('extractEntities: citations', () => {
  it('recognises UK neutral citations, law reports, US reporters and Indian reports with their parts', () => {
    const text =
      'See Smith v Jones [2011] UKSC 12; R v Brown [1984] 1 WLR 904; Roe v. Wade, 410 U.S. 113 (1973); ' +
      'Doe v. Roe, 123 F.3d 456; Kesavananda Bharati v State of Kerala AIR 1973 SC 1461; X v Union of India (2019) 3 SCC 123.';
    const entities = extractEntities(text);
    expect(find(entities, 'case_citation', '[2011] UKSC 12')).toMatchObject({ form: 'neutral', year: 2011, reporter: 'UKSC', page: 12, caseName: 'Smith v Jones' });
    expect(find(entities, 'case_citation', '[1984] 1 WLR 904')).toMatchObject({ form: 'law_report', volume: 1, reporter: 'WLR', page: 904, caseName: 'R v Brown' });
    expect(find(entities, 'case_citation', '410 U.S. 113 (1973)')).toMatchObject({ form: 'us_reporter', volume: 410, page: 113, year: 1973, caseName: 'Roe v. Wade' });
    expect(find(entities, 'case_citation', '123 F.3d 456')).toMatchObject({ form: 'us_reporter', reporter: 'F.3d' });
    expect(find(entities, 'case_citation', 'AIR 1973 SC 1461')).toMatchObject({ form: 'indian', year: 1973, page: 1461 });
    expect(find(entities, 'case_citation', '(2019) 3 SCC 123')).toMatchObject({ form: 'law_report', volume: 3, reporter: 'SCC' });
    for (const e of entities) expect(text.slice(e.start, e.end)).toBe(e.text);
  });

  it('resolves Id., ibid and supra to the full citation they repeat', () => {
    const text =
      'In Roe v. Wade, 410 U.S. 113 (1973), the Court held. Id. at 153. The rule in Ramsden v Dyson (1866) LR 1 HL 129 ' +
      'applies; see ibid. Later, Roe, supra, was reconsidered, and Ramsden v Dyson (supra) was applied.';
    const shorts = extractEntities(text).filter((e) => e.form === 'short');
    expect(shorts.map((s) => [s.text, s.resolvesTo?.text])).toEqual([
      ['Id.', '410 U.S. 113 (1973)'],
      ['ibid.', '(1866) LR 1 HL 129'],
      ['supra', '410 U.S. 113 (1973)'],
      ['supra', '(1866) LR 1 HL 129'],
    ]);
  });

  it('does not report a short form that points at no citation', () => {
    expect(extractEntities('The point is made in Smith on Contract, supra note 3, and ibid.').filter((e) => e.form === 'short')).toEqual([]);
  });
});

describe('extractEntities: statutes, parties, judges, dates, money, case numbers, courts', () => {
  it('recognises provisions with their instrument', () => {
    const text =
      'under section 66 of the Income-tax Act, 1922 and paragraph 2(2) of Schedule 3 to the Immigration Act 1971, ' +
      'a claim under 42 U.S.C. § 1983, Article 14 of the Constitution and the Human Rights Act 1998.';
    const statutes = extractEntities(text).filter((e) => e.type === 'statute').map((e) => e.text);
    expect(statutes).toEqual([
      'section 66 of the Income-tax Act, 1922',
      'paragraph 2(2) of Schedule 3 to the Immigration Act 1971',
      '42 U.S.C. § 1983',
      'Article 14 of the Constitution',
      'Human Rights Act 1998',
    ]);
  });

  it('takes parties from the case title with roles, and judges with their names', () => {
    const text = 'Sharman Networks Ltd v Universal Music Australia Pty Ltd [2006] FCA 1\n1 The appellants appeal from orders made by Wilcox J. ' +
      'Gummow, Hayne and Heydon JJ agreed with Lord Phillips of Worth Matravers and Mr Justice Collins.';
    const entities = extractEntities(text);
    expect(entities.filter((e) => e.type === 'party').map((e) => [e.text, e.role])).toEqual([
      ['Sharman Networks Ltd', 'appellant'],
      ['Universal Music Australia Pty Ltd', 'respondent'],
    ]);
    expect(entities.filter((e) => e.type === 'judge').map((e) => e.names)).toEqual([
      ['Wilcox'],
      ['Gummow', 'Hayne', 'Heydon'],
      ['Phillips of Worth Matravers'],
      ['Collins'],
    ]);
  });

  it('reads upper-case Indian bench names, also when the report joins the name to C.J. with a full stop', () => {
    const text = 'The Judgment of the Court was delivered by PATANJALI SASTRI.C.J. Later, MEHR CHAND MAHAJAN J. and S. R. DAS J. agreed.';
    const judges = extractEntities(text).filter((e) => e.type === 'judge');
    expect(judges.map((e) => e.normalized)).toEqual(['PATANJALI SASTRI', 'MEHR CHAND MAHAJAN', 'S. R. DAS']);
    for (const j of judges) expect(text.slice(j.start, j.end)).toBe(j.text);
  });

  it('normalises dates to ISO 8601 and money to currency and amount', () => {
    const text = 'On 13 December 2006, on December 13, 2006, on 1st March, 1950, on 26.5.1950 and in May 2004, ' +
      'Rs. 6,21,764 and £25,000 and $4.5 million and A$ 1,200 and ₹5 lakh were paid.';
    const entities = extractEntities(text);
    expect(entities.filter((e) => e.type === 'date').map((e) => e.normalized)).toEqual([
      '2006-12-13', '2006-12-13', '1950-03-01', '1950-05-26', '2004-05',
    ]);
    expect(entities.filter((e) => e.type === 'money').map((e) => [e.currency, e.amount])).toEqual([
      ['INR', 621764], ['GBP', 25000], ['USD', 4500000], ['AUD', 1200], ['INR', 500000],
    ]);
  });

  it('recognises case numbers and courts', () => {
    const text = 'Civil Appeal No. 123 of 2019 from the High Court of Judicature at Bombay; UKSC 2009/0018 in the Court of Appeal; ' +
      'NSD 1234 of 2005 in the Federal Court of Australia; Case No. 1:20-cv-01234 in the United States District Court for the Southern District of New York.';
    const entities = extractEntities(text);
    expect(entities.filter((e) => e.type === 'case_number').map((e) => e.text)).toEqual([
      'Civil Appeal No. 123 of 2019', 'UKSC 2009/0018', 'NSD 1234 of 2005', 'Case No. 1:20-cv-01234',
    ]);
    expect(entities.filter((e) => e.type === 'court').map((e) => e.text)).toEqual([
      'High Court of Judicature at Bombay', 'Court of Appeal', 'Federal Court of Australia',
      'United States District Court for the Southern District of New York',
    ]);
  });

  it('handles a very long line without pathological slow-down', () => {
    const text = 'The Appellant Company Limited Of The Realm And '.repeat(20000) + 'Act 1990 [2011] UKSC 12';
    const entities = extractEntities(text);
    expect(entities.some((e) => e.text === '[2011] UKSC 12')).toBe(true);
  });
});
