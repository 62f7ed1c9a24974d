import { describe, expect, it } from 'vitest';
import { fragmentKind, isLowercaseDocument } from './fragments.js';
import { referenceResult, statedResults, summaryStatesResult } from './result.js';

describe('fragment check', () => {
  it('finds the fragments seen in summaries of real judgments', () => {
    expect(fragmentKind('LORD HODGE: (with whom Lord Mance, Lord Kerr and Lord Reed agree)')).toBe('speaker');
    expect(fragmentKind('I agree that this appeal should be allowed, for the reasons given by Lord')).toBe('heading');
    expect(fragmentKind('Bombay and Another vs')).toBe('heading');
    expect(fragmentKind('The order of the Rent Controller was dated 9.3.')).toBe('cut');
    expect(fragmentKind('State of Bombay v. Narasu Appa Mali.')).toBe('citation');
    expect(fragmentKind('[2016] UKSC 12')).toBe('citation');
    expect(fragmentKind('Page 4 of 31')).toBe('furniture');
    expect(fragmentKind('JUDGMENT')).toBe('heading');
    expect(fragmentKind('K. SUBBA RAO, J.')).toBe('speaker');
    expect(fragmentKind('of the Act and therefore the notice was bad.')).toBe('continuation');
  });

  it('passes whole sentences, short results included', () => {
    expect(fragmentKind('Appeal dismissed.')).toBeNull();
    expect(fragmentKind('Lord Reed agrees with the majority.')).toBeNull();
    expect(fragmentKind('She is now aged 45.')).toBeNull();
    expect(fragmentKind('It goes no wider than that.')).toBeNull();
    expect(fragmentKind('On 31 May 2008 MB attained the age of 60.')).toBeNull();
    expect(fragmentKind('It promotes the sound administration of justice.')).toBeNull();
    expect(fragmentKind('It means at any time prior to the expiration of.')).toBe('cut');
    expect(fragmentKind('The fire started in number 23.')).toBeNull();
    expect(fragmentKind('This was followed in Smith v Jones.')).toBeNull();
    expect(fragmentKind('For these reasons I would dismiss the appeal.')).toBeNull();
    expect(fragmentKind('The question is whether section 7 of the Housing Act 1996 applies to a licensee.')).toBeNull();
    expect(fragmentKind('the appeal is accordingly dismissed with costs.', true)).toBeNull();
  });

  it('tells a lowercase report from ordinary text', () => {
    expect(isLowercaseDocument('the appellant was convicted under section 302. the high court confirmed it.')).toBe(true);
    expect(isLowercaseDocument('The appellant was convicted. The High Court confirmed it.')).toBe(false);
  });
});

describe('result check', () => {
  it('reads the result a reference states', () => {
    expect(referenceResult('The Supreme Court unanimously dismisses the appeal. Lord Reed gives the judgment.')).toBe('dismissed');
    expect(referenceResult('Held: ... Appeal allowed.')).toBe('allowed');
    expect(referenceResult('The appeal accordingly succeeds.')).toBe('allowed');
    expect(referenceResult('The appeal accordingly fails.')).toBe('dismissed');
    // The history of the case is not its result.
    expect(referenceResult('The High Court dismissed the appeal. Held: the sale was void. Appeal allowed.')).toBe('allowed');
    expect(referenceResult('The Court of Appeal dismissed the appeal. The Supreme Court allows the appeal.')).toBe('allowed');
    expect(referenceResult('The Tribunal allowed the application and the High Court dismissed the writ petition.')).toBeNull();
    expect(referenceResult('The court considered section 9 of the Act.')).toBeNull();
    expect(referenceResult('The appeal is allowed in part and otherwise dismissed.')).toBeNull();
  });

  it('finds the same result in a summary or reports its absence', () => {
    expect(summaryStatesResult('The tenant appealed.\nFor these reasons we would dismiss this appeal.', 'dismissed')).toBe(true);
    expect(summaryStatesResult('The tenant appealed.\nThe High Court heard the matter.', 'dismissed')).toBe(false);
    expect(summaryStatesResult('The tenant appealed.\nThe appeal is accordingly dismissed.', 'allowed')).toBe(false);
    expect(statedResults('The High Court allowed the writ petition.').has('allowed')).toBe(false);
    expect(statedResults('This Court allowed the writ petition.').has('allowed')).toBe(true);
  });
});
