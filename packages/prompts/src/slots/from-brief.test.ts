import { buildBrief } from '@amicus/legal-nlp';
import { describe, expect, it } from 'vitest';
import { caseDocuments, caseInput } from '../../test/fixtures.js';
import { builtinTemplatesDir } from '../builtin.js';
import { checkSigningGate } from '../gate/signing-gate.js';
import { renderTemplate } from '../render/render.js';
import { loadTemplates } from '../templates/registry.js';
import { slotsFromCase } from './from-case.js';

describe('slotsFromCase with a brief built by @amicus/legal-nlp', () => {
  it('renders a judgment whose brief-drawn sentences are anchored in the case documents and pass the signing gate', async () => {
    const brief = buildBrief(caseDocuments);
    const template = (await loadTemplates(builtinTemplatesDir)).latest('judgment');
    const values = slotsFromCase({ caseRecord: caseInput.caseRecord, brief }, template);
    const draft = renderTemplate(template, { ...values, judgmentDate: '2026-03-20' });

    const authorities = draft.sections.find((s) => s.id === 'authorities');
    const cited = authorities?.paragraphs.slice(1).flatMap((p) => p.sentences) ?? [];
    expect(cited.map((s) => s.text).join(' ')).toContain('[1990] 2 AC 605');
    expect(cited.map((s) => s.text).join(' ')).toContain('[1932] AC 562');
    for (const s of cited) {
      expect(s.origin).toBe('machine');
      expect(s.anchors?.length).toBeGreaterThan(0);
    }
    expect(checkSigningGate(draft, caseDocuments)).toEqual({ ok: true, offending: [] });
  });

  it('anchors each timeline sentence at its date and its sentence, both checkable by the gate', async () => {
    const brief = buildBrief(caseDocuments);
    const timeline = slotsFromCase({ caseRecord: caseInput.caseRecord, brief }).timeline;
    expect(Array.isArray(timeline) && timeline.length).toBeGreaterThanOrEqual(3);
    const template = (await loadTemplates(builtinTemplatesDir)).latest('judgment');
    // the chronology placed where a judgment's background goes
    const draft = renderTemplate(template, { ...slotsFromCase(caseInput, template), background: timeline, judgmentDate: '2026-03-20' });
    const background = draft.sections.find((s) => s.id === 'background')?.paragraphs.flatMap((p) => p.sentences) ?? [];
    expect(background.some((s) => s.text.startsWith('On 14 January 2024 the Claimant fell'))).toBe(true);
    expect(checkSigningGate(draft, caseDocuments).ok).toBe(true);
    const shifted = caseDocuments.map((d) => ({ ...d, text: ` ${d.text}` }));
    expect(checkSigningGate(draft, shifted).offending.length).toBeGreaterThanOrEqual(background.length);
  });
});
