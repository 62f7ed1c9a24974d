import { segment } from '@amicus/legal-nlp';

/** Sentences of free text, by the shared legal segmenter, each with its white space runs collapsed. */
export function splitSentences(text: string): string[] {
  return segment(text)
    .sentences.map((s) => s.text.replace(/\s+/g, ' '))
    .filter((s) => s !== '');
}

/** Paragraphs of free text (as the segmenter finds them: blank lines, numbered paragraphs), each as its sentences. */
export function splitParagraphs(text: string): string[][] {
  const paragraphs = new Map<number, string[]>();
  for (const s of segment(text).sentences) {
    const t = s.text.replace(/\s+/g, ' ');
    if (t === '') continue;
    const list = paragraphs.get(s.paragraph) ?? [];
    list.push(t);
    paragraphs.set(s.paragraph, list);
  }
  return [...paragraphs.values()];
}
