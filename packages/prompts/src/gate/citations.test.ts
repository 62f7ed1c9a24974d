import { describe, expect, it } from 'vitest';
import { extractCitations } from './citations.js';

describe('extractCitations', () => {
  it.each([
    ['neutral', 'as held in [2018] UKSC 4 at [21]', '[2018] UKSC 4'],
    ['neutral', 'R v Jogee [2016] UKSC 8;', '[2016] UKSC 8'],
    ['neutral', 'see [2020] EWCA Civ 1234.', '[2020] EWCA Civ 1234'],
    ['neutral', 'in [2019] EWHC 1519 (Ch), the judge', '[2019] EWHC 1519 (Ch)'],
    ['law_report', 'Donoghue v Stevenson [1932] AC 562 (HL)', '[1932] AC 562'],
    ['law_report', 'Caparo v Dickman [1990] 2 AC 605', '[1990] 2 AC 605'],
    ['law_report', 'reported at [2003] 1 WLR 1572', '[2003] 1 WLR 1572'],
    ['law_report', 'Rylands v Fletcher (1866) LR 1 Ex 265', '(1866) LR 1 Ex 265'],
    ['law_report', 'Bolam (1957) 1 WLR 582', '(1957) 1 WLR 582'],
    ['law_report', 'see [1999] 1 All ER 1 and', '[1999] 1 All ER 1'],
    ['us_reporter', 'Roe v. Wade, 410 U.S. 113 (1973)', '410 U.S. 113 (1973)'],
    ['us_reporter', 'Palsgraf, 162 N.E. 99 (N.Y. 1928)', '162 N.E. 99 (N.Y. 1928)'],
    ['us_reporter', 'cited 12 F. Supp. 2d 34 and', '12 F. Supp. 2d 34'],
    ['us_reporter', 'see 99 F.3d 1234, 1240', '99 F.3d 1234'],
    ['us_reporter', '100 S. Ct. 2000', '100 S. Ct. 2000'],
    ['indian', 'Kesavananda Bharati AIR 1973 SC 1461', 'AIR 1973 SC 1461'],
    ['indian', 'reported AIR 1950 Bom 123.', 'AIR 1950 Bom 123'],
    ['law_report', 'in (1973) 4 SCC 225 the Court', '(1973) 4 SCC 225'],
    ['law_report', 'Puttaswamy, (2017) 10 SCC 1', '(2017) 10 SCC 1'],
    ['indian', 'see 2019 SCC OnLine SC 123', '2019 SCC OnLine SC 123'],
  ])('%s: finds the citation in "%s"', (form, text, expected) => {
    const found = extractCitations(text);
    if (expected === undefined) {
      expect(found).toEqual([]);
      return;
    }
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ form, text: expected });
    expect(text.slice(found[0].start, found[0].end)).toBe(expected);
  });

  it('finds nothing in ordinary text with years, amounts and paragraph numbers', () => {
    expect(extractCitations('On 14 January 2024 she lost £8,400 (para 12) and 300 people attended in 2019. Section 2 of the 1957 Act.')).toEqual([]);
  });

  it('gives the same key to one report however it is written, and different keys to different reports', () => {
    const key = (t: string) => extractCitations(t).map((c) => c.key);
    expect(key('Roe v. Wade, 410 U.S. 113 (1973)')).toEqual(key('see 410 U. S. 113, 120'));
    expect(key('[2018]  UKSC 4')).toEqual(key('[2018] UKSC 4'));
    expect(key('[1990] 2 AC 605')).toEqual(key('[1990] 2 A.C. 605'));
    expect(key('[2018] UKSC 4')).not.toEqual(key('[2018] UKSC 41'));
    expect(key('[2018] UKSC 4')).not.toEqual(key('[2019] UKSC 4'));
    expect(key('(1973) 4 SCC 225')).not.toEqual(key('(1973) 5 SCC 225'));
  });

  it('leaves out short forms that point back at a full citation', () => {
    expect(extractCitations('Donoghue v Stevenson [1932] AC 562 at 580. Ibid. at 599.').map((c) => c.text)).toEqual(['[1932] AC 562']);
  });
});
