import { describe, expect, it } from 'vitest';
import { citationKey, extractCitations } from './citations.js';

describe('extractCitations', () => {
  it.each([
    ['uk-neutral', 'as held in [2018] UKSC 4 at [21]', '[2018] UKSC 4'],
    ['uk-neutral', 'R v Jogee [2016] UKSC 8;', '[2016] UKSC 8'],
    ['uk-neutral', 'see [2020] EWCA Civ 1234.', '[2020] EWCA Civ 1234'],
    ['uk-neutral', 'in [2019] EWHC 1519 (Ch), the judge', '[2019] EWHC 1519 (Ch)'],
    ['law-report', 'Donoghue v Stevenson [1932] AC 562 (HL)', '[1932] AC 562'],
    ['law-report', 'Caparo v Dickman [1990] 2 AC 605', '[1990] 2 AC 605'],
    ['law-report', 'reported at [2003] 1 WLR 1572', '[2003] 1 WLR 1572'],
    ['law-report', 'Rylands v Fletcher (1866) LR 1 Ex 265', '(1866) LR 1 Ex 265'],
    ['law-report', 'Donoghue v Stevenson [1932] SC (HL) 31', '[1932] SC (HL) 31'],
    ['law-report', 'Bolam (1957) 1 WLR 582', '(1957) 1 WLR 582'],
    ['law-report', 'see [1999] 1 All ER 1 and', '[1999] 1 All ER 1'],
    ['us-reporter', 'Roe v. Wade, 410 U.S. 113 (1973)', '410 U.S. 113'],
    ['us-reporter', 'Palsgraf, 162 N.E. 99 (N.Y. 1928)', '162 N.E. 99'],
    ['us-reporter', 'cited 12 F. Supp. 2d 34 and', '12 F. Supp. 2d 34'],
    ['us-reporter', 'see 99 F.3d 1234, 1240', '99 F.3d 1234'],
    ['us-reporter', '100 S. Ct. 2000', '100 S. Ct. 2000'],
    ['in-air', 'Kesavananda Bharati AIR 1973 SC 1461', 'AIR 1973 SC 1461'],
    ['in-air', 'reported AIR 1950 Bom 123.', 'AIR 1950 Bom 123'],
    ['in-scc', 'in (1973) 4 SCC 225 the Court', '(1973) 4 SCC 225'],
    ['in-scc', 'Puttaswamy, (2017) 10 SCC 1', '(2017) 10 SCC 1'],
    ['in-scc', 'see 2019 SCC OnLine SC 123', '2019 SCC OnLine SC 123'],
  ])('%s: finds the citation in "%s"', (kind, text, expected) => {
    const found = extractCitations(text);
    if (expected === undefined) {
      expect(found).toEqual([]);
      return;
    }
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ kind, text: expected });
    expect(text.slice(found[0].start, found[0].end)).toBe(expected);
  });

  it('finds nothing in ordinary text with years, amounts and paragraph numbers', () => {
    expect(extractCitations('On 14 January 2024 she lost £8,400 (para 12) and 300 people attended in 2019. Section 2 of the 1957 Act.')).toEqual([]);
  });

  it('keys citations regardless of spacing, punctuation and case', () => {
    expect(citationKey('410 U.S. 113')).toBe(citationKey('410 US 113'));
    expect(citationKey('[2018]  UKSC 4')).toBe(citationKey('[2018] uksc 4'));
    expect(citationKey('[2018] UKSC 4')).not.toBe(citationKey('[2018] UKSC 41'));
  });
});
