import { beforeAll, describe, expect, it } from 'vitest';
import { caseInput } from '../../test/fixtures.js';
import { builtinTemplatesDir } from '../builtin.js';
import { EditError } from '../errors.js';
import { renderTemplate } from '../render/render.js';
import { slotsFromCase } from '../slots/from-case.js';
import { loadTemplates } from '../templates/registry.js';
import type { Draft } from '../types.js';
import { applyEdit, draftToText, editParagraph, insertParagraph } from './text.js';

let draft: Draft;
beforeAll(async () => {
  const template = (await loadTemplates(builtinTemplatesDir)).latest('judgment');
  draft = renderTemplate(template, {
    ...slotsFromCase(caseInput, template),
    judgmentDate: '2026-03-20',
    reasons: 'I accept the Claimant’s account. The report was made in December.',
  });
});

const find = (d: Draft, text: string) => d.sections.flatMap((s) => s.paragraphs.flatMap((p) => p.sentences)).find((s) => s.text === text);
const section = (d: Draft, id: string) => d.sections.find((s) => s.id === id)!;

describe('draftToText / applyEdit', () => {
  it('reads back its own text unchanged', () => {
    expect(applyEdit(draft, draftToText(draft))).toEqual(draft);
  });

  it('keeps origin and anchors of untouched sentences and marks changed and new ones human', () => {
    const machine = section(draft, 'background').paragraphs[0].sentences[1];
    expect(machine.origin).toBe('machine');
    const text = draftToText(draft)
      .replace('did not repair it.', 'did not repair it for six weeks.')
      .replace('I accept the Claimant’s account.', 'I accept the Claimant’s account, which was consistent throughout.')
      .replace('Reasons\n\n', 'Reasons\n\nThe evidence was heard over two days.\n\n');
    const edited = applyEdit(draft, text);

    const background = section(edited, 'background').paragraphs;
    expect(background[0].sentences[0]).toEqual(section(draft, 'background').paragraphs[0].sentences[0]);
    expect(background[0].sentences[1]).toEqual({ text: 'The Defendant had been told of the loose handrail on 2 December 2023 and did not repair it for six weeks.', origin: 'human' });
    expect(background[1]).toEqual(section(draft, 'background').paragraphs[1]);

    const reasons = section(edited, 'reasons').paragraphs;
    expect(reasons.map((p) => p.sentences.map((s) => [s.text, s.origin]))).toEqual([
      [['The evidence was heard over two days.', 'human']],
      [
        ['I accept the Claimant’s account, which was consistent throughout.', 'human'],
        ['The report was made in December.', 'human'],
      ],
    ]);
    expect(find(edited, 'The report was made in December.')?.origin).toBe('human');
    expect(find(edited, 'The issues for determination are as follows.')?.origin).toBe('record');
    // numbering is recomputed after the inserted paragraph
    const numbers = edited.sections.flatMap((s) => s.paragraphs.map((p) => p.number)).filter((n) => n !== undefined);
    expect(numbers).toEqual(numbers.map((_, i) => i + 1));
    expect(section(edited, 'reasons').paragraphs[0].number).toBe(section(draft, 'reasons').paragraphs[0].number);
  });

  it('keeps a machine sentence moved into another paragraph, deletes removed paragraphs, and ignores stale numbers', () => {
    const moved = 'The Defendant denies that it was told of the loose handrail before the fall.';
    const text = draftToText(draft)
      .replace(`\n\n3. ${moved}`, '')
      .replace('9. The report was made', '9. The report was made')
      .replace('I accept the Claimant’s account.', `${moved} I accept the Claimant’s account.`)
      .replace('5. Whether the Defendant owed', '42. Whether the Defendant owed');
    const edited = applyEdit(draft, text);
    expect(section(edited, 'background').paragraphs).toHaveLength(1);
    const first = section(edited, 'reasons').paragraphs[0].sentences;
    expect(first[0]).toEqual(find(draft, moved));
    expect(first[0].anchors?.[0].documentId).toBe('doc-defence');
    expect(first.slice(1).map((s) => s.origin)).toEqual(['human', 'human']);
    expect(find(edited, 'Whether the Defendant owed the Claimant a duty of care in respect of the common parts.')?.origin).toBe('machine');
  });

  it('keeps sentence origins when paragraphs are merged or split, and reads Windows line ends', () => {
    const issues = section(draft, 'issues').paragraphs;
    const merged = draftToText(draft)
      .replace(`${issues[1].number}. ${issues[1].sentences[0].text}\n\n${issues[2].number}. `, `${issues[1].number}. ${issues[1].sentences[0].text} `)
      .replace('away from the wall. The Defendant had', 'away from the wall.\n\nThe Defendant had')
      .replace(/\n/g, '\r\n');
    const edited = applyEdit(draft, merged);
    const mergedIssues = section(edited, 'issues').paragraphs;
    expect(mergedIssues).toHaveLength(2);
    expect(mergedIssues[1].sentences).toEqual([issues[1].sentences[0], issues[2].sentences[0]]);
    const background = section(draft, 'background').paragraphs;
    expect(section(edited, 'background').paragraphs).toEqual([
      { sentences: [background[0].sentences[0]], number: background[0].number },
      { sentences: [background[0].sentences[1]], number: background[0].number! + 1 },
      { ...background[1], number: background[1].number! + 1 },
    ]);
    expect(section(edited, 'background').paragraphs.every((p) => p.sentences[0].origin === 'machine' && p.sentences[0].anchors?.length === 1)).toBe(true);
  });

  it('places text added before any known paragraph into the first section', () => {
    const edited = applyEdit(draft, 'DRAFT — NOT FOR CIRCULATION\n\n' + draftToText(draft));
    expect(edited.sections[0].paragraphs[0].sentences).toEqual([{ text: 'DRAFT — NOT FOR CIRCULATION', origin: 'human' }]);
  });
});

describe('editParagraph / insertParagraph', () => {
  it('edits one paragraph, keeping the unchanged sentences, and deletes it when emptied', () => {
    const at = { section: draft.sections.indexOf(section(draft, 'background')), paragraph: 0 };
    const before = draft.sections[at.section].paragraphs[0].sentences;
    const edited = editParagraph(draft, at, `${before[0].text} The landlord was told on 2 December 2023.`);
    expect(edited.sections[at.section].paragraphs[0].sentences).toEqual([before[0], { text: 'The landlord was told on 2 December 2023.', origin: 'human' }]);
    const deleted = editParagraph(draft, at, '   ');
    expect(deleted.sections[at.section].paragraphs).toHaveLength(1);
    expect(deleted.sections[at.section].paragraphs[0].number).toBe(2);
    expect(() => editParagraph(draft, { section: at.section, paragraph: 9 }, 'x')).toThrow(EditError);
  });

  it('inserts a human paragraph and renumbers', () => {
    const s = draft.sections.indexOf(section(draft, 'issues'));
    const edited = insertParagraph(draft, { section: s, paragraph: 0 }, 'Counsel agreed the issues. They are narrow.');
    expect(edited.sections[s].paragraphs[0]).toEqual({
      sentences: [
        { text: 'Counsel agreed the issues.', origin: 'human' },
        { text: 'They are narrow.', origin: 'human' },
      ],
      number: draft.sections[s].paragraphs[0].number,
    });
    expect(edited.sections[s].paragraphs[1].number).toBe((draft.sections[s].paragraphs[0].number ?? 0) + 1);
    expect(() => insertParagraph(draft, { section: s, paragraph: 0 }, ' ')).toThrow(expect.objectContaining({ code: 'INVALID_EDIT' }));
  });
});
