import { beforeAll, describe, expect, it } from 'vitest';
import { caseInput } from '../../test/fixtures.js';
import { builtinTemplatesDir } from '../builtin.js';
import { SlotError } from '../errors.js';
import { draftToText } from '../draft/text.js';
import { renderTemplate } from '../render/render.js';
import { slotsFromCase } from '../slots/from-case.js';
import type { Draft, SlotValues, Template } from '../types.js';
import { loadTemplates, type TemplateRegistry } from './registry.js';

let registry: TemplateRegistry;
beforeAll(async () => {
  registry = await loadTemplates(builtinTemplatesDir);
});

function render(id: string, user: SlotValues): { template: Template; draft: Draft; text: string } {
  const template = registry.latest(id);
  const draft = renderTemplate(template, { ...slotsFromCase(caseInput, template), ...user });
  return { template, draft, text: draftToText(draft) };
}

function missingOf(template: Template, values: SlotValues): string[] {
  try {
    renderTemplate(template, values);
  } catch (err) {
    expect(err).toBeInstanceOf(SlotError);
    expect((err as SlotError).code).toBe('MISSING_SLOTS');
    return (err as SlotError).missing;
  }
  throw new Error('expected MISSING_SLOTS');
}

const sentences = (draft: Draft) => draft.sections.flatMap((s) => s.paragraphs.flatMap((p) => p.sentences));
const section = (draft: Draft, id: string) => draft.sections.find((s) => s.id === id);

describe('order-on-motion@1.0.0', () => {
  const user = {
    motionTitle: 'application for summary judgment',
    movingParty: 'the Defendant',
    motionDate: '2026-01-12',
    hearingDate: '2026-02-03',
    outcome: 'denied',
    costs: 'in-the-case',
    terms: ['The Defendant shall file its list of documents within 14 days.'],
    reasons: 'There is a real prospect that the Claimant will show the Defendant was told of the handrail. That is a matter for trial.',
    orderDate: '2026-02-05',
  };

  it('renders a dismissal with recitals, numbered terms, costs, the summary background and reasons', () => {
    const { draft, text } = render('order-on-motion', user);
    expect(draft).toMatchObject({ templateId: 'order-on-motion', templateVersion: '1.0.0', title: 'ORDER', titleAfter: 'caption' });
    expect(text).toContain('Before Mrs Justice Okafor\n\nORDER\n\nUpon the application');
    expect(text).toContain("In the High Court of Justice, King's Bench Division");
    expect(text).toContain('Case No. KB-2025-001234');
    expect(text).toContain('Before Mrs Justice Okafor');
    expect(text).toContain('Upon the application for summary judgment of the Defendant dated 12 January 2026. And upon hearing the parties on 3 February 2026.');
    expect(text).toContain('IT IS ORDERED THAT:\n\n1. The application for summary judgment is dismissed.\n\n2. The Defendant shall file its list of documents within 14 days.\n\n3. The costs of the motion are costs in the case.');
    expect(text).not.toContain('is granted');
    expect(text).toContain('Dated 5 February 2026.');
    const background = section(draft, 'background');
    expect(background?.paragraphs.map((p) => p.sentences.length)).toEqual([2, 1]);
    expect(background?.paragraphs.flatMap((p) => p.sentences).every((s) => s.origin === 'machine' && s.anchors?.length === 1)).toBe(true);
    expect(section(draft, 'reasons')?.paragraphs[0].sentences).toEqual([
      { text: 'There is a real prospect that the Claimant will show the Defendant was told of the handrail.', origin: 'human' },
      { text: 'That is a matter for trial.', origin: 'human' },
    ]);
  });

  it('words a grant decided on the papers, and leaves out empty optional sections', () => {
    const { draft, text } = render('order-on-motion', { ...user, outcome: 'granted', hearingDate: undefined, motionDate: '', terms: [], costs: null, reasons: undefined });
    expect(text).toContain('Upon the application for summary judgment of the Defendant. And upon reading the papers filed, without a hearing.');
    expect(text).toContain('1. The application for summary judgment is granted.');
    expect(draft.sections.map((s) => s.id)).toEqual(['caption', 'recitals', 'background', 'order', 'signature']);
    expect(section(draft, 'order')?.paragraphs).toHaveLength(1);
  });

  it('names every missing required slot', () => {
    expect(missingOf(registry.latest('order-on-motion'), {})).toEqual(['courtName', 'caseNumber', 'caseTitle', 'motionTitle', 'movingParty', 'outcome', 'orderDate']);
  });
});

describe('notice-of-hearing@1.0.0', () => {
  const user = {
    hearingType: 'the trial',
    hearingDate: '2026-06-15',
    hearingTime: '10:30',
    venue: 'Court 7, Royal Courts of Justice, Strand, London',
    timeEstimate: 'two days',
    remote: true,
    joinInstructions: 'Details for joining will be sent to the parties by email two days before the hearing.',
    issueDate: '2026-03-01',
  };

  it('addresses each party and states date, time, place, judge and remote attendance', () => {
    const { draft, text } = render('notice-of-hearing', user);
    expect(draft).toMatchObject({ templateId: 'notice-of-hearing', templateVersion: '1.0.0', title: 'NOTICE OF HEARING' });
    expect(text).toContain('To:\n\nMargaret Ellison (Claimant)\n\nNorthgate Housing Trust (Defendant)');
    expect(text).toContain(
      'TAKE NOTICE that the trial in this case will be heard on 15 June 2026 at 10:30 at Court 7, Royal Courts of Justice, Strand, London. The hearing will be before Mrs Justice Okafor. The time allowed for the hearing is two days.',
    );
    expect(text).toContain('The parties may attend by video link. Details for joining will be sent');
    expect(text).toContain('Dated 1 March 2026.\n\nClerk of the Court');
    expect(sentences(draft).every((s) => s.origin === 'record')).toBe(true);
  });

  it('omits remote attendance when not offered and signs with the issuing officer', () => {
    const { text } = render('notice-of-hearing', { ...user, remote: false, issuedBy: 'A. Mensah, Listing Officer', timeEstimate: undefined });
    expect(text).not.toContain('video link');
    expect(text).not.toContain('time allowed');
    expect(text).toContain('A. Mensah, Listing Officer');
    expect(text).not.toContain('Clerk of the Court');
  });

  it('rejects a malformed time and names every missing required slot', () => {
    expect(() => renderTemplate(registry.latest('notice-of-hearing'), { ...slotsFromCase(caseInput), ...user, hearingTime: '25:00' })).toThrow(
      expect.objectContaining({ code: 'INVALID_SLOTS', invalid: [{ slot: 'hearingTime', message: expect.stringContaining('HH:MM') }] }),
    );
    expect(missingOf(registry.latest('notice-of-hearing'), { courtName: 'Court' })).toEqual([
      'caseNumber', 'caseTitle', 'parties', 'hearingType', 'hearingDate', 'hearingTime', 'venue', 'issueDate',
    ]);
  });
});

describe('adjournment-order@1.0.0', () => {
  const user = {
    hearingType: 'the trial',
    listedDate: '2026-04-20',
    applicant: 'the Claimant',
    newDate: '2026-07-06',
    newTime: '10:00',
    conditions: ['The Claimant shall serve the medical report of Dr Hughes by 1 June 2026.'],
    costs: 'applicant-pays',
    reasons: 'The Claimant’s medical expert is unavailable in April. A fair trial needs that evidence.',
    orderDate: '2026-04-02',
  };

  it('adjourns to a new date with conditions, costs and reasons', () => {
    const { draft, text } = render('adjournment-order', user);
    expect(draft).toMatchObject({ templateId: 'adjournment-order', templateVersion: '1.0.0', title: 'ORDER FOR ADJOURNMENT' });
    expect(text).toContain('Upon the application of the Claimant to adjourn the trial listed for 20 April 2026.');
    expect(text).toContain(
      '1. The trial listed for 20 April 2026 is adjourned.\n\n2. It is relisted for 6 July 2026 at 10:00.\n\n3. The Claimant shall serve the medical report of Dr Hughes by 1 June 2026.\n\n4. The Claimant shall pay the costs thrown away by the adjournment.',
    );
    expect(section(draft, 'reasons')?.paragraphs[0].sentences.map((s) => s.origin)).toEqual(['human', 'human']);
  });

  it('adjourns generally of the court’s own motion', () => {
    const { text } = render('adjournment-order', { ...user, applicant: undefined, newDate: undefined, newTime: undefined, conditions: undefined, costs: 'reserved' });
    expect(text).toContain('Upon the court of its own motion considering whether the trial listed for 20 April 2026 can proceed.');
    expect(text).toContain('2. It is adjourned generally, to be relisted on the application of any party.\n\n3. The costs of the adjournment are reserved.');
    expect(text).not.toContain('relisted for');
  });

  it('names every missing required slot', () => {
    expect(missingOf(registry.latest('adjournment-order'), slotsFromCase(caseInput))).toEqual(['hearingType', 'listedDate', 'costs', 'reasons', 'orderDate']);
  });
});

describe('scheduling-order@1.0.0', () => {
  const user = {
    conferenceDate: '2026-03-10',
    disclosureDate: '2026-04-14',
    witnessStatementsDate: '2026-05-26',
    expertReportsDate: '2026-06-30',
    pretrialReviewDate: '2026-09-01',
    trialDate: '2026-10-05',
    trialEstimate: 'three days',
    additionalDirections: ['The parties shall file an agreed trial bundle seven days before the trial.'],
    orderDate: '2026-03-10',
  };

  it('lists the timetable as numbered directions in date order, leaving out steps without a date', () => {
    const { draft, text } = render('scheduling-order', user);
    expect(draft).toMatchObject({ templateId: 'scheduling-order', templateVersion: '1.0.0', title: 'SCHEDULING ORDER' });
    expect(text).toContain('Upon the case management conference held on 10 March 2026.');
    expect(text).not.toContain('amended statement of case');
    const directions = section(draft, 'directions')?.paragraphs ?? [];
    expect(directions.map((p) => p.number)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(text).toContain('by 14 April 2026.');
    expect(text).toContain('shall be exchanged by 26 May 2026.');
    expect(text).toContain('5. The trial will begin on 5 October 2026. The time estimate for the trial is three days.');
    expect(text).toContain('6. The parties shall file an agreed trial bundle seven days before the trial.');
    expect(directions[5].sentences[0].origin).toBe('human');
  });

  it('names every missing required slot', () => {
    expect(missingOf(registry.latest('scheduling-order'), { ...slotsFromCase(caseInput), orderDate: '2026-03-10' })).toEqual(['trialDate']);
  });
});

describe('judgment@1.0.0', () => {
  const user = {
    hearingDates: '3 and 4 March 2026',
    judgmentDate: '2026-03-20',
    reasons:
      'I accept the evidence of the Claimant that she reported the handrail in December 2023.\n\nThe Defendant therefore knew of the defect and did not repair it within a reasonable time.',
    disposal: 'claim-allowed',
    orderTerms: ['The Defendant shall pay the Claimant damages of £14,250.'],
  };

  it('builds title, parties, background from the summary, issues and authorities from the brief, reasons and order', () => {
    const { draft, text } = render('judgment', user);
    expect(draft).toMatchObject({ templateId: 'judgment', templateVersion: '1.0.0', title: 'JUDGMENT' });
    expect(draft.sections.map((s) => s.id)).toEqual(['caption', 'parties', 'introduction', 'background', 'issues', 'authorities', 'reasons', 'order', 'signature']);
    expect(text).toContain('Between:\n\nMargaret Ellison, Claimant\n\nNorthgate Housing Trust, Defendant\n\nJUDGMENT\n\nIntroduction\n\n1. This');
    expect(text.startsWith("In the High Court of Justice, King's Bench Division\n\nCase No. KB-2025-001234")).toBe(true);
    expect(text).toContain('1. This is the judgment of the court in Ellison v Northgate Housing Trust. The parties are Margaret Ellison and Northgate Housing Trust.');
    expect(text).toContain('2. On 14 January 2024 the Claimant fell on the communal stairway');
    expect(text).toContain('4. The issues for determination are as follows.\n\n5. Whether the Defendant owed the Claimant a duty of care');
    expect(text).toContain('The following authorities were cited in the case documents.\n\n8. Caparo Industries plc v Dickman [1990] 2 AC 605');
    expect(text).toContain('10. The Defendant therefore knew of the defect');
    expect(text).toContain('11. For these reasons the claim is allowed.\n\n12. The Defendant shall pay the Claimant damages of £14,250.');
    expect(text.trimEnd().endsWith('Mrs Justice Okafor\n\n20 March 2026')).toBe(true);
    const issues = section(draft, 'issues')?.paragraphs[1].sentences[0];
    expect(issues).toMatchObject({ origin: 'machine', anchors: [{ documentId: 'doc-claim', quote: 'The Defendant owed the Claimant a duty of care in respect of the common parts' }] });
  });

  it('is a usable skeleton with placeholders when there is no summary, brief or reasons yet', () => {
    const template = registry.latest('judgment');
    const values = { ...slotsFromCase({ caseRecord: caseInput.caseRecord }, template), judgmentDate: '2026-03-20' };
    const draft = renderTemplate(template, values);
    expect(draft.sections.map((s) => s.id)).toEqual(['caption', 'parties', 'introduction', 'reasons', 'order', 'signature']);
    const text = draftToText(draft);
    expect(text).toContain('2. [The reasons of the court are to be written here.]');
    expect(text).toContain('3. [The order of the court is to be stated here.]');
    expect(sentences(draft).some((s) => s.origin === 'machine')).toBe(false);
  });

  it('names every missing required slot', () => {
    expect(missingOf(registry.latest('judgment'), { caseTitle: 'A v B' })).toEqual(['courtName', 'caseNumber', 'parties', 'judgeName', 'judgmentDate']);
  });
});
