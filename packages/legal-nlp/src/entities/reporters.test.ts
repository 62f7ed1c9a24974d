import { describe, expect, it } from 'vitest';
import { extractEntities } from './index.js';
import { evaluateReporterExamples } from './evaluate.js';
import { findReporterCitations, lookupReporter } from './reporters.js';

const citations = (text: string): string[] => extractEntities(text).filter((e) => e.type === 'case_citation').map((e) => e.text);

describe('reporter citations driven by the reporters-db table', () => {
  it('finds US regional reporters written without periods in a UK judgment (UKSC 2009/0032)', () => {
    const text =
      'Sprankling, Owning the Center of the Earth, (2008) 55 UCLA L Rev 979, 991 992, points out however that most modern US legal texts continue to endorse the centre of the earth theory and that almost all modern cases continue to embrace it too: see, for example, Kankakee County Board of Review v Property Tax Appeal Board 871 NE2d 38 (Illinois 2007) and Orr v Mortvedt 735 NW2d 610 (Iowa 2007).';
    const found = extractEntities(text).filter((e) => e.form === 'us_reporter');
    expect(found.map((e) => [e.text, e.reporter, e.volume, e.page, e.year])).toEqual([
      ['871 NE2d 38 (Illinois 2007)', 'NE2d', 871, 38, 2007],
      ['735 NW2d 610 (Iowa 2007)', 'NW2d', 735, 610, 2007],
    ]);
    expect(found.map((e) => e.caseName)).toEqual(['Kankakee County Board of Review v Property Tax Appeal Board', 'Orr v Mortvedt']);
  });

  it('finds spaced federal reporters with a pinpoint (UKSC 2009/0054) and no-period state reporters', () => {
    expect(citations('Hernandez Montiel v Immigration and Naturalisation Service, 225 F 3d 1084, 1093 (9th Cir 2000), per Tashima J.')).toEqual(['225 F 3d 1084']);
    expect(citations('See Matter of Estate of Smith, 63 NY2d 582, and Hall v. Hall, 672 P2d 231.')).toEqual(['63 NY2d 582', '672 P2d 231']);
    expect(citations('Compare Estate of Jones v. Commissioner, 123 T.C. 45 (2004), and 57 Cal. Rptr. 3d 99.')).toEqual(['123 T.C. 45 (2004)', '57 Cal. Rptr. 3d 99']);
  });

  it('reads nominative reports, year-volumes with paragraph numbers and format-neutral citations', () => {
    expect(citations('Marbury v. Madison, 1 U.S. (1 Cranch) 137 (1803), settled it.')).toEqual(['1 U.S. (1 Cranch) 137 (1803)']);
    expect(citations('The board so held in Appeal of X, 93-1 BCA ¶ 25,508.')).toEqual(['93-1 BCA ¶ 25,508']);
    expect(citations('State v. Doe, 2000-NMSC-123, is not to the contrary.')).toEqual(['2000-NMSC-123']);
  });

  it('names the reporter and edition from the table', () => {
    expect(lookupReporter('P2d')).toEqual({ edition: 'P.2d', name: 'Pacific Reporter', citeType: 'state_regional' });
    expect(lookupReporter('N.Y.2d')?.edition).toBe('N.Y.2d');
    expect(lookupReporter('NY2d')?.edition).toBe('N.Y.2d');
    expect(lookupReporter('Law')).toBeUndefined();
    expect(lookupReporter('P')).toBeUndefined();
  });

  it('does not take exhibits, sections or dates for citations', () => {
    expect(findReporterCitations('the rates of the tender (Exhibit 1094 P 6) of E.J. Doongaji (P. W. 4) were divulged')).toEqual([]);
    expect(findReporterCitations('under section 5 Part 3 of the Act, on 12 May 2019 and Schedule 2 Law 4')).toEqual([]);
  });

  it("finds most of reporters-db's example citations (held out from tuning)", () => {
    const recall = evaluateReporterExamples();
    expect(recall.total).toBeGreaterThan(450);
    expect(recall.recall).toBeGreaterThan(0.55);
  });
});
