import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildBrief, splitStatute, type CaseBrief, type SourceSpan } from './index.js';

const judgments = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/judgments');
const read = (file: string): string => readFileSync(path.join(judgments, file), 'utf8');

function everySource(brief: CaseBrief): SourceSpan[] {
  return [
    ...(brief.court?.sources ?? []),
    ...brief.caseNumbers.flatMap((c) => c.sources),
    ...brief.parties.flatMap((p) => p.sources),
    ...brief.judges.flatMap((j) => j.sources),
    ...brief.timeline.flatMap((t) => t.sources),
    ...brief.issues.flatMap((i) => i.sources),
    ...(brief.outcome?.sources ?? []),
    ...brief.authorities.flatMap((a) => a.citedAt),
    ...brief.statutes.flatMap((s) => s.citedAt),
  ];
}

function expectSourcesMatch(brief: CaseBrief, docs: Array<{ documentId?: string; text: string }>): void {
  const sources = everySource(brief);
  expect(sources.length).toBeGreaterThan(0);
  for (const s of sources) {
    const doc = docs.find((d) => d.documentId === s.documentId);
    expect(doc, `document ${s.documentId}`).toBeDefined();
    expect(doc!.text.slice(s.start, s.end)).toBe(s.text);
  }
}

describe('buildBrief on real judgments', () => {
  it('Indian income-tax appeal: case number, statutes with provisions, issue and "appeal is allowed"', () => {
    const docs = [{ documentId: 'judgment', text: read('in-abs-1.txt') }];
    const brief = buildBrief(docs);
    expect(brief.caseNumbers.map((c) => c.value)).toEqual(['Appeal No. LXVI of 1949']);
    expect(brief.outcome?.disposition).toBe('allowed');
    expect(brief.outcome?.sources[0]).toMatchObject({ documentId: 'judgment' });
    const incomeTax = brief.statutes.find((s) => s.instrument.startsWith('Indian Income tax Act'));
    expect(incomeTax?.provisions).toEqual(expect.arrayContaining(['section 66', 'section 9 (1) (iv)']));
    expect(brief.issues[0].value).toMatch(/^The question for our determination is whether the munic ipal property tax/);
    expect(brief.judges.filter((j) => j.bench).map((j) => [j.name, j.evidence])).toEqual([['Mehr Chand Mahajan J', ['delivered_by']]]);
    expect(brief.court).toMatchObject({ name: 'Supreme Court of India', basis: 'appeal_route' });
    expect(brief.court?.sources[0].text).toBe('High Court of judicature, Bombay');
    expectSourcesMatch(brief, docs);
  });

  it('Indian criminal appeal: judges, dated events in order, "The appeal succeeds"', () => {
    const docs = [{ documentId: 'judgment', text: read('in-abs-45.txt') }];
    const brief = buildBrief(docs);
    expect(brief.caseNumbers.map((c) => c.value)).toContain('Criminal Appeal No. 5 of 1951');
    // Bose J delivered the judgment; the High Court judges named in the header did not sit.
    expect(brief.judges.map((j) => [j.name, j.bench])).toEqual([
      ['Bose J', true],
      ['Nawal Kishore', false],
      ['Dave', false],
    ]);
    expect(brief.outcome?.disposition).toBe('allowed');
    const dates = brief.timeline.map((t) => t.date);
    expect(dates).toEqual([...dates].sort());
    const death = brief.timeline.find((t) => t.date === '1922-09-07');
    expect(death?.event).toMatch(/the late Maharaja died/);
    expect(death?.sources.map((s) => s.text)).toEqual(['7th of September, 1922', death?.event]);
    expect(brief.statutes[0]).toMatchObject({ instrument: 'Jaipur Opium Act' });
    expectSourcesMatch(brief, docs);
  });

  it('UK Supreme Court appeal: issue, dismissal, authorities with parallel citations', () => {
    const docs = [{ documentId: 'uksc-2009-0217', text: read('uk-abs-uksc-2009-0217.txt') }];
    const brief = buildBrief(docs);
    expect(brief.outcome).toMatchObject({ disposition: 'dismissed', text: 'The appeal is dismissed, essentially for the reasons given by the Court of Appeal.' });
    // No party is named with a role and no judge is named as sitting: empty, with the reason.
    expect(brief.missing.map((m) => m.field)).toEqual(['parties', 'bench']);
    expect(brief.issues.map((i) => i.value)).toContain('The issue in this appeal is whether the Amount of Credit is incorrectly stated in box C.');
    const robertsons = brief.authorities.find((a) => a.caseName === 'Wilson v Robertsons (London) Ltd');
    expect(robertsons?.citations).toEqual(['[2005] EWHC 1425 (Ch)', '[2006] 1 WLR 1248']);
    expect(brief.statutes.map((s) => s.instrument)).toContain('Consumer Credit Act 1974');
    expectSourcesMatch(brief, docs);
  });

  it('combines the documents of a case: court and parties from the cover sheet, outcome from the judgment', () => {
    const cover =
      'FEDERAL COURT OF AUSTRALIA\nSharman Networks Ltd v Universal Music Australia Pty Ltd [2006] FCA 1 (5 January 2006)\n' +
      'NSD 1234 of 2005\nApplication for leave to appeal filed on 2 December 2005 by the applicants.\n';
    const docs = [
      { documentId: 'cover', text: cover },
      { documentId: 'judgment', text: read('aus-06_1.txt') },
    ];
    const brief = buildBrief(docs);
    expect(brief.court).toMatchObject({ name: 'Federal Court of Australia', courtId: 'fca', basis: 'heading', confidence: 0.95 });
    expect(brief.court?.sources[0]).toMatchObject({ documentId: 'cover', start: 0 });
    expect(brief.parties.map((p) => [p.name, p.role])).toEqual([
      ['Sharman Networks Ltd', 'applicant'],
      ['Universal Music Australia Pty Ltd', 'respondent'],
    ]);
    expect(brief.caseNumbers.map((c) => c.value)).toEqual(['NSD 1234 of 2005']);
    expect(brief.outcome).toMatchObject({ disposition: 'dismissed' });
    expect(brief.outcome?.sources[0].documentId).toBe('judgment');
    expect(brief.timeline.find((t) => t.date === '2005-12-02')?.sources[0].documentId).toBe('cover');
    // The case's own citation on its title line is not an authority; the cited ones are counted.
    expect(brief.authorities.flatMap((a) => a.citations)).not.toContain('[2006] FCA 1');
    const bayer = brief.authorities.find((a) => a.citations.includes('[1986] 1 WLR 540'));
    expect(bayer).toMatchObject({ caseName: 'Bayer AG v Winter (No 2)', count: 2 });
    expectSourcesMatch(brief, docs);
  });
});

describe('buildBrief: outcome cues and authority counting', () => {
  it.each([
    ['For these reasons the appeal is dismissed with costs.', 'dismissed'],
    ['We dismiss the petition.', 'dismissed'],
    ['The writ petition is allowed and the impugned order is quashed.', 'allowed'],
    ['In the result the appeal is partly allowed.', 'partly_allowed'],
    ['The conviction and sentence are set aside.', 'set_aside'],
    ['Order accordingly.', 'order_accordingly'],
  ])('reads "%s" as %s', (closing, disposition) => {
    const text = `The facts are not in dispute.\n\nThe question is whether the notice was valid.\n\n${closing}`;
    expect(buildBrief([{ text }]).outcome?.disposition).toBe(disposition);
  });

  it('counts each citation of an authority, short forms included, with every place it is cited', () => {
    const text =
      'In Roe v. Wade, 410 U.S. 113 (1973), the Court held one thing. Id. at 153.\n\n' +
      'Later the Court returned to Roe v. Wade, 410 U.S. 113 (1973), and to Doe v. Bolton, 410 U.S. 179 (1973). Roe, supra, controls.';
    const brief = buildBrief([{ documentId: 'd1', text }]);
    expect(brief.authorities[0]).toMatchObject({ caseName: 'Roe v. Wade', citations: ['410 U.S. 113 (1973)'], count: 4 });
    expect(brief.authorities[0].citedAt.map((s) => s.text)).toEqual(['410 U.S. 113 (1973)', 'Id.', '410 U.S. 113 (1973)', 'supra']);
    expect(brief.authorities[1]).toMatchObject({ caseName: 'Doe v. Bolton', count: 1 });
  });

  it('handles a document that is one very long line (linear in its length)', { timeout: 120_000 }, () => {
    const sentence = 'The appellant relied on Smith v Jones [2011] UKSC 12 and section 66 of the Income-tax Act, 1922 on 13 December 2006. Id. ';
    const text = sentence.repeat(20_000);
    const brief = buildBrief([{ text }]);
    expect(brief.authorities[0]).toMatchObject({ caseName: 'Smith v Jones', citations: ['[2011] UKSC 12'], count: 40_000 });
    expect(brief.statutes[0]).toMatchObject({ instrument: 'Income-tax Act, 1922', provisions: ['section 66'], count: 20_000 });
  });

  it('splits a provision from its instrument', () => {
    expect(splitStatute('section 66 of the Income-tax Act, 1922')).toEqual({ provision: 'section 66', instrument: 'Income-tax Act, 1922' });
    expect(splitStatute('paragraph 2(2) of Schedule 3 to the Immigration Act 1971')).toEqual({
      provision: 'paragraph 2(2) of Schedule 3',
      instrument: 'Immigration Act 1971',
    });
    expect(splitStatute('Human Rights Act 1998')).toEqual({ instrument: 'Human Rights Act 1998' });
  });
});
