import { createHash } from 'node:crypto';
import { draftToText, type Draft } from '@amicus/prompts';
import { DraftVersionEntity } from './draft.entity.js';

/** Sentences of a draft by origin. */
export function originCounts(draft: Draft): { record: number; machine: number; human: number } {
  const counts = { record: 0, machine: 0, human: 0 };
  for (const s of draft.sections) for (const p of s.paragraphs) for (const t of p.sentences) counts[t.origin]++;
  return counts;
}

export function sha256Text(text: string | Uint8Array): string {
  return createHash('sha256').update(text).digest('hex');
}

/** A version row of a draft: its content, plain text, the text's sha256 and its sentences by origin. */
export function versionOf(draftId: string, version: number, draft: Draft, change: string, authorId: string, at: Date): DraftVersionEntity {
  const text = draftToText(draft);
  const counts = originCounts(draft);
  return Object.assign(new DraftVersionEntity(), {
    draftId,
    version,
    content: JSON.stringify(draft),
    text,
    sha256: sha256Text(text),
    change,
    authorId,
    recordSentences: counts.record,
    machineSentences: counts.machine,
    humanSentences: counts.human,
    createdAt: at,
  });
}
