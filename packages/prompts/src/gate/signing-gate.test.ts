import { beforeAll, describe, expect, it } from 'vitest';
import { caseDocuments, caseInput, claimText } from '../../test/fixtures.js';
import { builtinTemplatesDir } from '../builtin.js';
import { applyEdit, draftToText } from '../draft/text.js';
import { renderTemplate } from '../render/render.js';
import { slotsFromCase } from '../slots/from-case.js';
import { loadTemplates } from '../templates/registry.js';
import type { Draft, DraftSentence } from '../types.js';
import { SigningGateError, assertSigningGate, checkSigningGate } from './signing-gate.js';

let draft: Draft;
beforeAll(async () => {
  const template = (await loadTemplates(builtinTemplatesDir)).latest('judgment');
  draft = renderTemplate(template, { ...slotsFromCase(caseInput, template), judgmentDate: '2026-03-20' });
});

/** A copy of the draft with one extra paragraph of the given sentences at the end of the reasons. */
function withSentences(d: Draft, sentences: DraftSentence[]): Draft {
  return {
    ...d,
    sections: d.sections.map((s) => (s.id === 'reasons' ? { ...s, paragraphs: [...s.paragraphs, { sentences }] } : s)),
  };
}

describe('checkSigningGate', () => {
  it('passes a rendered draft whose machine sentences are all anchored in the case documents', () => {
    const machine = draft.sections.flatMap((s) => s.paragraphs.flatMap((p) => p.sentences)).filter((s) => s.origin === 'machine');
    expect(machine.length).toBe(6);
    expect(checkSigningGate(draft, caseDocuments)).toEqual({ ok: true, offending: [] });
    expect(() => assertSigningGate(draft, caseDocuments)).not.toThrow();
  });

  it('names each machine sentence with a missing, unknown, out-of-range or mismatched anchor', () => {
    const fact = 'The Claimant suffered a fractured wrist and has lost earnings of £8,400.';
    const at = claimText.indexOf(fact);
    const bad = withSentences(draft, [
      { text: 'The Defendant accepted liability.', origin: 'machine' },
      { text: fact, origin: 'machine', anchors: [{ documentId: 'doc-elsewhere', start: at, end: at + fact.length }] },
      { text: fact, origin: 'machine', anchors: [{ documentId: 'doc-claim', start: at, end: claimText.length + 10 }] },
      { text: fact, origin: 'machine', anchors: [{ documentId: 'doc-claim', start: at + 4, end: at + fact.length + 4 }] },
      { text: 'Earnings were lost.', origin: 'machine', anchors: [{ documentId: 'doc-claim', start: at, end: at + 10, quote: 'The Claimant' }] },
      { text: fact, origin: 'machine', anchors: [{ documentId: 'doc-claim', start: at, end: at + fact.length }] },
      { text: 'The Defendant accepted liability.', origin: 'human' },
    ]);
    const { ok, offending } = checkSigningGate(bad, caseDocuments);
    expect(ok).toBe(false);
    const reasons = bad.sections.findIndex((s) => s.id === 'reasons');
    const paragraph = bad.sections[reasons].paragraphs.length - 1;
    expect(offending.map((o) => [o.section, o.sectionId, o.paragraph, o.sentence, o.problems.map((p) => p.code)])).toEqual([
      [reasons, 'reasons', paragraph, 0, ['ANCHOR_MISSING']],
      [reasons, 'reasons', paragraph, 1, ['DOCUMENT_UNKNOWN']],
      [reasons, 'reasons', paragraph, 2, ['ANCHOR_OUT_OF_RANGE']],
      [reasons, 'reasons', paragraph, 3, ['ANCHOR_MISMATCH']],
      [reasons, 'reasons', paragraph, 4, ['ANCHOR_MISMATCH']],
    ]);
    expect(offending[0]).toMatchObject({ text: 'The Defendant accepted liability.', origin: 'machine' });
    expect(() => assertSigningGate(bad, caseDocuments)).toThrow(SigningGateError);
    try {
      assertSigningGate(bad, caseDocuments);
    } catch (err) {
      expect((err as SigningGateError).code).toBe('UNANCHORED_CONTENT');
      expect((err as SigningGateError).offending).toHaveLength(5);
    }
  });

  it('flags a citation found in no case document, in any sentence, and accepts one written differently', () => {
    const edited = applyEdit(
      draft,
      draftToText(draft).replace(
        '[The reasons of the court are to be written here.]',
        'The duty is explained in Robinson v Chief Constable [2018]  uksc 4. The claimant also relies on Smith v Jones [2021] EWCA Civ 99 and 410 U.S. 113.',
      ),
    );
    const { offending } = checkSigningGate(edited, caseDocuments);
    expect(offending).toHaveLength(1);
    expect(offending[0]).toMatchObject({ sectionId: 'reasons', origin: 'human' });
    expect(offending[0].problems.map((p) => [p.code, p.citation])).toEqual([
      ['CITATION_NOT_IN_RECORD', '[2021] EWCA Civ 99'],
      ['CITATION_NOT_IN_RECORD', '410 U.S. 113'],
    ]);
  });

  it('treats a machine sentence a person has rewritten as human, so only its citations are checked', () => {
    const text = draftToText(draft).replace('did not repair it.', 'did not repair it until after the fall.');
    const edited = applyEdit(draft, text);
    expect(checkSigningGate(edited, caseDocuments).ok).toBe(true);
    expect(checkSigningGate(draft, caseDocuments.slice(0, 1)).offending.map((o) => o.problems[0].code)).toEqual([
      'DOCUMENT_UNKNOWN',
      'DOCUMENT_UNKNOWN',
      'DOCUMENT_UNKNOWN',
    ]);
  });
});
