import { describe, expect, it } from 'vitest';
import { caseInput, claimText } from '../../test/fixtures.js';
import { SlotError } from '../errors.js';
import { slotsFromCase, standardSlotValues } from '../slots/from-case.js';
import { parseTemplate } from '../templates/registry.js';
import type { SentenceValue, Template } from '../types.js';
import { formatDate, joinWithAnd } from './format.js';
import { renderTemplate } from './render.js';
import { splitSentences } from './sentences.js';

const template: Template = parseTemplate(
  JSON.stringify({
    id: 'test-order',
    version: '2.1.0',
    title: 'Test order',
    heading: 'ORDER IN {{caseNumber}}',
    slots: [
      { name: 'caseNumber', type: 'string', required: true, source: 'case' },
      { name: 'hearingDate', type: 'date', required: false, source: 'user' },
      { name: 'outcome', type: 'enum', required: true, source: 'user', values: ['granted', 'denied'] },
      { name: 'urgent', type: 'boolean', required: false, source: 'user' },
      { name: 'summaryText', type: 'sentences', required: false, source: 'summary', from: 'background' },
      { name: 'notes', type: 'sentences', required: false, source: 'user' },
      { name: 'directions', type: 'list', required: false, source: 'user' },
    ],
    sections: [
      { id: 'facts', heading: 'Facts', numbered: true, paragraphs: [{ each: 'summaryText' }, { each: 'notes', join: true }] },
      {
        id: 'order',
        heading: 'Order',
        numbered: true,
        paragraphs: [
          { sentences: ['The motion is {{outcome}}.', 'It was heard on {{hearingDate}}.', { text: 'This order takes effect at once.', when: { slot: 'urgent', equals: true } }] },
          { each: 'directions', text: 'Direction: {{item}}' },
        ],
      },
      { id: 'denial', heading: 'Denial', when: { slot: 'outcome', in: ['denied'] }, paragraphs: [{ sentences: ['Denied.'] }] },
    ],
  }),
  'test-order@2.1.0.json',
);

describe('renderTemplate', () => {
  it('records template id and version, fills the heading, and numbers paragraphs across sections', () => {
    const draft = renderTemplate(template, { ...slotsFromCase(caseInput, template), outcome: 'granted', directions: ['file a defence', 'attend mediation'] });
    expect(draft.templateId).toBe('test-order');
    expect(draft.templateVersion).toBe('2.1.0');
    expect(draft.title).toBe('ORDER IN KB-2025-001234');
    expect(draft.sections.map((s) => [s.id, s.paragraphs.map((p) => p.number)])).toEqual([
      ['facts', [1, 2]],
      ['order', [3, 4, 5]],
    ]);
    expect(draft.sections[1].paragraphs[0].sentences).toEqual([{ text: 'The motion is granted.', origin: 'record' }]);
    expect(draft.sections[1].paragraphs[1].sentences).toEqual([{ text: 'Direction: file a defence', origin: 'record' }]);
  });

  it('keeps machine origin and source anchors of summary sentences, grouped by their source paragraph', () => {
    const draft = renderTemplate(template, { ...slotsFromCase(caseInput, template), outcome: 'denied' });
    const facts = draft.sections[0].paragraphs;
    expect(facts[0].sentences).toHaveLength(2);
    for (const s of facts[0].sentences) {
      expect(s.origin).toBe('machine');
      expect(s.anchors).toHaveLength(1);
      const a = s.anchors![0];
      expect(a.documentId).toBe('doc-claim');
      expect(claimText.slice(a.start, a.end)).toBe(s.text);
    }
    expect(facts[1].sentences[0].anchors?.[0].documentId).toBe('doc-defence');
    expect(draft.sections.map((s) => s.id)).toEqual(['facts', 'order', 'denial']);
  });

  it('leaves out a sentence whose optional slot is empty, and keeps it when the slot has a value', () => {
    const base = { caseNumber: 'X-1', outcome: 'granted' };
    const without = renderTemplate(template, base);
    expect(without.sections.map((s) => s.id)).toEqual(['order']);
    expect(without.sections[0].paragraphs[0].sentences.map((s) => s.text)).toEqual(['The motion is granted.']);
    const withDate = renderTemplate(template, { ...base, hearingDate: '2026-02-28', urgent: true });
    expect(withDate.sections[0].paragraphs[0].sentences.map((s) => s.text)).toEqual([
      'The motion is granted.',
      'It was heard on 28 February 2026.',
      'This order takes effect at once.',
    ]);
  });

  it('takes sentence origin from the value, defaulting by source: user-written notes are human', () => {
    const draft = renderTemplate(template, {
      caseNumber: 'X-1',
      outcome: 'granted',
      notes: [{ text: 'First note.' }, { text: 'Second note.', origin: 'record' }],
    });
    expect(draft.sections[0].paragraphs).toHaveLength(1);
    expect(draft.sections[0].paragraphs[0].sentences).toEqual([
      { text: 'First note.', origin: 'human' },
      { text: 'Second note.', origin: 'record' },
    ]);
  });

  it('reports missing and invalid values together, with stable codes', () => {
    const err = (() => {
      try {
        renderTemplate(template, { caseNumber: '  ', hearingDate: '2026-02-30', outcome: 'maybe', urgent: 'yes' as unknown as boolean, notes: [{ text: 'x', anchors: [{ documentId: 'd', start: 5, end: 2 }] }] });
      } catch (e) {
        return e as SlotError;
      }
    })();
    expect(err).toBeInstanceOf(SlotError);
    expect(err?.code).toBe('MISSING_SLOTS');
    expect(err?.missing).toEqual(['caseNumber']);
    expect(err?.invalid.map((p) => p.slot)).toEqual(['hearingDate', 'outcome', 'urgent', 'notes']);
    expect(err?.message).toContain('test-order@2.1.0');
    expect(() => renderTemplate(template, { caseNumber: 'X', outcome: 'granted', directions: 'one' as unknown as string[] })).toThrow(
      expect.objectContaining({ code: 'INVALID_SLOTS' }),
    );
  });
});

describe('slotsFromCase', () => {
  it('gives every standard value, with brief and summary sentences marked machine and anchored', () => {
    const values = standardSlotValues(caseInput);
    expect(Object.keys(values).sort()).toEqual([
      'authorities', 'background', 'caseNumber', 'caseTitle', 'caseType', 'courtName', 'filedDate', 'issues', 'judgeName', 'parties', 'timeline',
    ]);
    expect(values.parties).toEqual([
      { name: 'Margaret Ellison', role: 'Claimant', counsel: 'Ms R. Patel' },
      { name: 'Northgate Housing Trust', role: 'Defendant' },
    ]);
    expect(values.issues).toEqual([
      expect.objectContaining({ origin: 'machine', anchors: [expect.objectContaining({ documentId: 'doc-claim', quote: expect.any(String) })] }),
      expect.objectContaining({ origin: 'machine', anchors: [expect.objectContaining({ documentId: 'doc-defence' })] }),
    ]);
    // one sentence per event, in the brief's order, each anchored at its own span
    expect((values.timeline as SentenceValue[]).map((s) => [s.text.slice(0, 30), s.anchors?.[0].documentId, s.anchors?.[0].quote])).toEqual([
      ['The Defendant had been told of', 'doc-claim', undefined],
      ['On 14 January 2024 the Claiman', 'doc-claim', undefined],
      ['The Defendant admits the tenan', 'doc-defence', undefined],
    ]);
    expect(values.authorities).toEqual([
      {
        text: 'Caparo Industries plc v Dickman [1990] 2 AC 605',
        origin: 'machine',
        anchors: [expect.objectContaining({ documentId: 'doc-defence', quote: '[1990] 2 AC 605' })],
      },
    ]);
  });

  it('fills only the non-user slots of a template, by slot name, following "from"', () => {
    expect(Object.keys(slotsFromCase(caseInput, template)).sort()).toEqual(['caseNumber', 'summaryText']);
  });

  it('drops spans that name no document, leaving the sentence unanchored', () => {
    const values = standardSlotValues({ caseRecord: caseInput.caseRecord, summary: { sentences: [{ text: 'A fact.', start: 0, end: 7 }] } });
    expect(values.background).toEqual([{ text: 'A fact.', origin: 'machine' }]);
  });
});

describe('formatting and sentence splitting', () => {
  it('writes dates day month year and joins lists with "and"', () => {
    expect(formatDate('2026-01-05')).toBe('5 January 2026');
    expect(joinWithAnd(['A'])).toBe('A');
    expect(joinWithAnd(['A', 'B', 'C'])).toBe('A, B and C');
  });

  it('does not split after legal abbreviations or initials', () => {
    expect(splitSentences('Mr. Smith relied on s. 2 of the Act and Donoghue v. Stevenson. The judge, J. R. Jones, agreed. Was he right? Yes.')).toEqual([
      'Mr. Smith relied on s. 2 of the Act and Donoghue v. Stevenson.',
      'The judge, J. R. Jones, agreed.',
      'Was he right?',
      'Yes.',
    ]);
  });
});
