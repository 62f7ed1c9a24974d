import { describe, expect, it } from 'vitest';
import { extractEntities } from './index.js';

const names = (text: string): string[] => extractEntities(text).filter((e) => e.form === 'case_name').map((e) => e.text);
const caseNames = (text: string): Array<string | undefined> => extractEntities(text).filter((e) => e.type === 'case_citation').map((e) => e.caseName);

describe('authorities: full case names', () => {
  it('keeps "R (on the application of ...)" names with nested brackets whole (UKSC 2010/0152)', () => {
    expect(
      caseNames('In R (on the application of Sinclair Gardens Investments (Kensington) Ltd) v Lands Tribunal [2005] EWCA Civ 1305; [2006] 3 All ER 650 the court held so.'),
    ).toEqual([
      'R (on the application of Sinclair Gardens Investments (Kensington) Ltd) v Lands Tribunal',
      'R (on the application of Sinclair Gardens Investments (Kensington) Ltd) v Lands Tribunal',
    ]);
    expect(caseNames('see R (Kaupthing Singer and Friedlander International Ltd) v HM Treasury [2009] EWHC 2542 (Admin).')).toEqual([
      'R (Kaupthing Singer and Friedlander International Ltd) v HM Treasury',
    ]);
    expect(caseNames('sub nom Folgate London Market Ltd (formerly Towergate Stafford Knight Co Ltd) v Chaucer Insurance plc [2011] EWCA Civ 328.')).toEqual([
      'Folgate London Market Ltd (formerly Towergate Stafford Knight Co Ltd) v Chaucer Insurance plc',
    ]);
  });
});

describe('authorities cited by name alone', () => {
  it('finds Indian "X vs Y" names without a report citation, without their footnote numbers (IN-Abs 2041)', () => {
    const text = [
      'Before us reliance is also placed on behalf of the appellants on the decision in Yunus Shaikh vs The State(3).',
      'The view taken by the Allahabad High Court has been accepted as correct in Sambhu Charan Mandal vs The State(4 ) .',
      'This decision has been followed in, Rambalam Pd.Singh vs State of Bihar(6).',
      "Other decisions which take the same view are Shambhooram vs Emperor(2); Sultan Ali vs Emperor( '); and others.",
    ].join('\n');
    expect(names(text)).toEqual([
      'Yunus Shaikh vs The State',
      'Sambhu Charan Mandal vs The State',
      'Rambalam Pd.Singh vs State of Bihar',
      'Shambhooram vs Emperor',
      'Sultan Ali vs Emperor',
    ]);
    for (const e of extractEntities(text)) expect(text.slice(e.start, e.end)).toBe(e.text);
  });

  it('finds "X v. Y" names, drops lead-in words, and leaves names that carry a citation to the citation', () => {
    const text =
      'Vide A.K. Gopalan v. The State of Madras, where the point was left open. See also State of Madras v. V.G. Row, AIR 1952 SC 196, and Romesh Thappar v. The State of Madras (supra).';
    expect(names(text)).toEqual(['A.K. Gopalan v. The State of Madras']);
    expect(caseNames(text)).toEqual(['A.K. Gopalan v. The State of Madras', 'State of Madras v. V.G. Row']);
  });

  it('does not report the case\'s own title line, a judge after the name, or a later mention of a cited case', () => {
    expect(names('Kesavananda Bharati v State of Kerala\nIN THE SUPREME COURT OF INDIA\nThe petition is allowed.')).toEqual([]);
    expect(names('Ellison v Northgate Housing Trust\n\nThis is the judgment of the court in Ellison v Northgate Housing Trust.')).toEqual([]);
    expect(names('As was said in Stack v Dowden Baroness Hale gave the leading opinion.')).toEqual(['Stack v Dowden']);
    expect(names('The rule in Edgar v Edgar [1980] 1 WLR 1410 is settled. Edgar v Edgar was applied.')).toEqual([]);
  });
});
