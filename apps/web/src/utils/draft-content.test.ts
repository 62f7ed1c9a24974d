import { describe, expect, it } from 'vitest';
import { changedParagraphs, countMachineSentences, explainGateProblem, paragraphKey, parseDraftContent, parseOffending } from './draft-content';

const content = JSON.stringify({
  templateId: 'judgment',
  templateVersion: '1.0.0',
  title: 'JUDGMENT',
  sections: [
    { id: 'caption', numbered: false, paragraphs: [{ sentences: [{ text: 'In the UKSC', origin: 'record' }] }] },
    {
      id: 'background',
      heading: 'Background',
      numbered: true,
      paragraphs: [
        { number: 2, sentences: [{ text: 'She was not employed.', origin: 'machine', anchors: [{ documentId: 'd1', start: 10, end: 31, page: 1 }] }, { text: 'Nor self employed.', origin: 'human' }] },
        { number: 3, sentences: [{ text: 'The appeal fails.', origin: 'machine', anchors: [] }] },
      ],
    },
  ],
});

describe('parseDraftContent', () => {
  it('reads sections, numbered paragraphs, sentences with origin and anchors', () => {
    const draft = parseDraftContent(content);
    expect(draft.title).toBe('JUDGMENT');
    expect(draft.sections.map((s) => s.heading)).toEqual([undefined, 'Background']);
    const p = draft.sections[1].paragraphs[0];
    expect(p).toMatchObject({ section: 1, paragraph: 0, number: 2, text: 'She was not employed. Nor self employed.' });
    expect(p.sentences[0]).toEqual({ text: 'She was not employed.', origin: 'machine', anchors: [{ documentId: 'd1', start: 10, end: 31, page: 1 }] });
    expect(countMachineSentences(draft)).toBe(2);
  });

  it('refuses text that is not a structured draft', () => {
    expect(() => parseDraftContent('{"title":"x"}')).toThrow(/not a structured draft/);
  });
});

describe('changedParagraphs', () => {
  it('sends only real changes, last paragraph first', () => {
    const draft = parseDraftContent(content);
    const edits = new Map<string, string>([
      [paragraphKey({ section: 0, paragraph: 0 }), 'In the UKSC  '],
      [paragraphKey({ section: 1, paragraph: 0 }), 'She was not employed. Added.'],
      [paragraphKey({ section: 1, paragraph: 1 }), ''],
    ]);
    expect(changedParagraphs(draft, edits)).toEqual([
      { section: 1, paragraph: 1, text: '' },
      { section: 1, paragraph: 0, text: 'She was not employed. Added.' },
    ]);
  });
});

describe('parseOffending', () => {
  it('reads the signing gate’s offending sentences and explains each problem', () => {
    const list = parseOffending([{ section: 1, sectionId: 'background', paragraph: 1, sentence: 0, text: 'The appeal fails.', origin: 'machine', problems: [{ code: 'ANCHOR_MISSING', message: 'no anchor' }] }]);
    expect(list).toEqual([{ section: 1, paragraph: 1, sentence: 0, text: 'The appeal fails.', origin: 'machine', problems: [{ code: 'ANCHOR_MISSING', message: 'no anchor' }] }]);
    expect(explainGateProblem(list[0].problems[0])).toMatch(/no link to a passage/);
    expect(explainGateProblem({ code: 'SOMETHING_NEW', message: 'as the server says' })).toBe('as the server says');
    expect(parseOffending(undefined)).toEqual([]);
  });
});
