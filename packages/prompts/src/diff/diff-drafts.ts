import { createTwoFilesPatch, diffLines, diffWordsWithSpace } from 'diff';

export interface DraftChange {
  type: 'equal' | 'insert' | 'delete';
  text: string;
}

export interface DraftDiffCounts {
  wordsInserted: number;
  wordsDeleted: number;
  wordsUnchanged: number;
  linesInserted: number;
  linesDeleted: number;
  /** Share of the machine text's words that the approved text no longer has (0 … 1). */
  changedRatio: number;
}

export interface DraftDiff {
  identical: boolean;
  /** Word-level changes in order; concatenating equal + delete gives the machine text, equal + insert the approved text. */
  changes: DraftChange[];
  /** A unified diff (line level) from `machine` to `approved`. */
  unified: string;
  counts: DraftDiffCounts;
}

/** Words are runs of letters and digits, so punctuation the diff splits off is not counted. */
function words(text: string): number {
  return text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
}

function lines(text: string): number {
  return text === '' ? 0 : text.replace(/\n$/, '').split('\n').length;
}

/** Compares the machine-made text of a draft with the text a judge approved. */
export function diffDrafts(machineText: string, approvedText: string, opts: { context?: number } = {}): DraftDiff {
  const changes: DraftChange[] = diffWordsWithSpace(machineText, approvedText).map((c) => ({
    type: c.added ? 'insert' : c.removed ? 'delete' : 'equal',
    text: c.value,
  }));
  const counts: DraftDiffCounts = { wordsInserted: 0, wordsDeleted: 0, wordsUnchanged: 0, linesInserted: 0, linesDeleted: 0, changedRatio: 0 };
  for (const c of changes) {
    if (c.type === 'insert') counts.wordsInserted += words(c.text);
    else if (c.type === 'delete') counts.wordsDeleted += words(c.text);
    else counts.wordsUnchanged += words(c.text);
  }
  for (const c of diffLines(machineText, approvedText)) {
    if (c.added) counts.linesInserted += lines(c.value);
    else if (c.removed) counts.linesDeleted += lines(c.value);
  }
  const machineWords = words(machineText);
  counts.changedRatio = machineWords === 0 ? (counts.wordsInserted > 0 ? 1 : 0) : counts.wordsDeleted / machineWords;
  const unified = createTwoFilesPatch('machine', 'approved', machineText, approvedText, undefined, undefined, { context: opts.context ?? 3 });
  return { identical: machineText === approvedText, changes, unified, counts };
}
