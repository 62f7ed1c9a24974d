import { createHash } from 'node:crypto';
import type { Draft } from '@amicus/prompts';

/** Sentences of a draft by origin. */
export function originCounts(draft: Draft): { record: number; machine: number; human: number } {
  const counts = { record: 0, machine: 0, human: 0 };
  for (const s of draft.sections) for (const p of s.paragraphs) for (const t of p.sentences) counts[t.origin]++;
  return counts;
}

export function sha256Text(text: string | Uint8Array): string {
  return createHash('sha256').update(text).digest('hex');
}
