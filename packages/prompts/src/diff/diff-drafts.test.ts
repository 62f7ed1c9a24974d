import { applyPatch } from 'diff';
import { describe, expect, it } from 'vitest';
import { diffDrafts } from './diff-drafts.js';

const machine = `ORDER

1. The application for summary judgment is dismissed.

2. The costs of the motion are costs in the case.
`;
const approved = `ORDER

1. The application for summary judgment is dismissed.

2. The costs of the motion are reserved.

3. The Defendant shall file its list of documents within 14 days.
`;

describe('diffDrafts', () => {
  it('reports word changes, counts and a unified diff that turns the machine text into the approved text', () => {
    const d = diffDrafts(machine, approved);
    expect(d.identical).toBe(false);
    expect(d.changes.filter((c) => c.type !== 'insert').map((c) => c.text).join('')).toBe(machine);
    expect(d.changes.filter((c) => c.type !== 'delete').map((c) => c.text).join('')).toBe(approved);
    expect(d.changes.filter((c) => c.type === 'delete').map((c) => c.text.trim()).join(' ')).toBe('costs in the case');
    expect(d.counts).toMatchObject({ wordsDeleted: 4, linesDeleted: 1, linesInserted: 3 });
    expect(d.counts.wordsInserted).toBe(13);
    expect(d.counts.wordsUnchanged).toBe(16);
    expect(d.counts.changedRatio).toBeCloseTo(4 / 20, 5);
    expect(d.unified).toContain('--- machine');
    expect(d.unified).toContain('+++ approved');
    expect(d.unified).toContain('-2. The costs of the motion are costs in the case.');
    expect(d.unified).toContain('+3. The Defendant shall file its list of documents within 14 days.');
    expect(applyPatch(machine, d.unified)).toBe(approved);
  });

  it('says so when the judge approved the machine text unchanged', () => {
    const d = diffDrafts(machine, machine);
    expect(d.identical).toBe(true);
    expect(d.changes).toEqual([{ type: 'equal', text: machine }]);
    expect(d.counts).toEqual({ wordsInserted: 0, wordsDeleted: 0, wordsUnchanged: 20, linesInserted: 0, linesDeleted: 0, changedRatio: 0 });
  });

  it('handles an empty machine text', () => {
    const d = diffDrafts('', 'Written by the judge.\n');
    expect(d.counts).toMatchObject({ wordsInserted: 4, wordsDeleted: 0, linesInserted: 1, changedRatio: 1 });
  });
});
