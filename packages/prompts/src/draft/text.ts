import { diffArrays } from 'diff';
import { EditError } from '../errors.js';
import { numberParagraphs } from '../render/render.js';
import { splitSentences } from '../render/sentences.js';
import type { Alignment, Draft, DraftParagraph, DraftSection, DraftSentence } from '../types.js';
import { draftBlocks, paragraphText } from './layout.js';

/**
 * Plain-text form of a draft: the title, section headings and paragraphs in reading order (see `draftBlocks`),
 * separated by blank lines; paragraphs of numbered sections start with "N. ". This is the text a user edits and
 * that `applyEdit` reads back.
 */
export function draftToText(draft: Draft): string {
  const blocks = draftBlocks(draft).map((b) => (b.kind === 'paragraph' && b.number !== undefined ? `${b.number}. ${b.text}` : b.text));
  return `${blocks.join('\n\n')}\n`;
}

function cloneSentence(s: DraftSentence): DraftSentence {
  const c: DraftSentence = { text: s.text, origin: s.origin };
  if (s.anchors) c.anchors = s.anchors.map((a) => ({ ...a }));
  return c;
}

/** Sentences of a draft by text: an unchanged sentence found in edited text keeps its origin and anchors. */
class SentencePool {
  private readonly byText = new Map<string, DraftSentence[]>();
  private readonly used = new Map<string, DraftSentence>();
  private readonly texts: string[];

  constructor(draft: Draft) {
    for (const s of draft.sections.flatMap((sec) => sec.paragraphs.flatMap((p) => p.sentences))) {
      const list = this.byText.get(s.text) ?? [];
      list.push(s);
      this.byText.set(s.text, list);
    }
    // Longest first, so that a sentence is never taken for a shorter one it starts with.
    this.texts = [...this.byText.keys()].sort((a, b) => b.length - a.length);
  }

  private take(text: string): DraftSentence {
    const left = this.byText.get(text);
    const s = left && left.length > 0 ? left.shift() : undefined;
    if (s) this.used.set(text, s);
    return cloneSentence(s ?? (this.used.get(text) as DraftSentence));
  }

  /** The known sentence that starts at `pos` and ends at a word boundary, if any. */
  private at(text: string, pos: number): string | undefined {
    return this.texts.find((t) => text.startsWith(t, pos) && (pos + t.length === text.length || /\s/.test(text[pos + t.length])));
  }

  /** Where the next known sentence starts after `from` (at the start of a word), or the end of the text. */
  private next(text: string, from: number): number {
    let best = text.length;
    for (const t of this.texts) {
      let i = text.indexOf(t, from);
      while (i >= 0 && i < best) {
        const end = i + t.length;
        if (/\s/.test(text[i - 1] ?? ' ') && (end === text.length || /\s/.test(text[end]))) {
          best = i;
          break;
        }
        i = text.indexOf(t, i + 1);
      }
    }
    return best;
  }

  /** Splits a paragraph's text into sentences, reusing known ones; everything else is human. */
  sentences(paragraph: string): DraftSentence[] {
    const text = paragraph.replace(/\s+/g, ' ').trim();
    const out: DraftSentence[] = [];
    let pos = 0;
    while (pos < text.length) {
      if (text[pos] === ' ') {
        pos++;
        continue;
      }
      const known = this.at(text, pos);
      if (known) {
        out.push(this.take(known));
        pos += known.length;
        continue;
      }
      const stop = this.next(text, pos + 1);
      for (const s of splitSentences(text.slice(pos, stop))) out.push({ text: s, origin: 'human' });
      pos = stop;
    }
    return out;
  }
}

const NUMBER_PREFIX = /^\d+\.\s+/;

function splitBlocks(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((b) => b.replace(/\s+/g, ' ').trim())
    .filter((b) => b !== '');
}

type Unit = { kind: 'heading'; section: number; key: string } | { kind: 'paragraph'; section: number; key: string; paragraph: DraftParagraph };

/**
 * Applies an edited text form of a draft (see `draftToText`) and returns the new draft. Paragraphs and sentences
 * whose text is unchanged keep their origin and anchors (wherever they now stand); changed and new sentences are
 * `human`. New paragraphs join the section of the nearest unchanged paragraph or heading before them. Section
 * headings and the title are structure: they cannot be changed through the text (the first block equal to the
 * title is skipped; a deleted heading is kept). Paragraph numbers are recomputed.
 */
export function applyEdit(draft: Draft, editedText: string): Draft {
  const pool = new SentencePool(draft);
  const blocks = splitBlocks(editedText);
  const title = blocks.indexOf(draft.title.replace(/\s+/g, ' ').trim());
  if (title >= 0) blocks.splice(title, 1);

  const units: Unit[] = [];
  draft.sections.forEach((s, i) => {
    if (s.heading) units.push({ kind: 'heading', section: i, key: s.heading.replace(/\s+/g, ' ').trim() });
    for (const p of s.paragraphs) units.push({ kind: 'paragraph', section: i, key: paragraphText(p), paragraph: p });
  });
  const blockKeys = blocks.map((b) => b.replace(NUMBER_PREFIX, ''));

  const sections: DraftSection[] = draft.sections.map((s) => ({ ...s, paragraphs: [] }));
  let current: number | undefined;
  let waiting: string[] = [];
  let replaced: Unit[] = [];
  const add = (section: number, text: string): void => {
    const sentences = pool.sentences(text);
    if (sentences.length === 0) return;
    const para: DraftParagraph = { sentences };
    const idx = replaced.findIndex((u) => u.kind === 'paragraph' && u.section === section);
    const align: Alignment | undefined = idx >= 0 ? (replaced[idx] as Extract<Unit, { kind: 'paragraph' }>).paragraph.align : undefined;
    if (idx >= 0) replaced.splice(idx, 1);
    if (align) para.align = align;
    sections[section].paragraphs.push(para);
  };

  let u = 0;
  let b = 0;
  for (const change of diffArrays(units.map((x) => x.key), blockKeys)) {
    const n = change.count ?? change.value.length;
    if (change.removed) {
      replaced.push(...units.slice(u, u + n));
      u += n;
    } else if (change.added) {
      for (const key of blockKeys.slice(b, b + n)) {
        if (current === undefined) waiting.push(key);
        else add(current, key);
      }
      b += n;
    } else {
      for (const unit of units.slice(u, u + n)) {
        current = unit.section;
        for (const key of waiting) add(current, key);
        waiting = [];
        replaced = [];
        if (unit.kind === 'paragraph') {
          sections[unit.section].paragraphs.push({ ...unit.paragraph, sentences: unit.paragraph.sentences.map(cloneSentence) });
        }
      }
      u += n;
      b += n;
    }
  }
  for (const key of waiting) add(0, key);
  return { ...draft, sections: numberParagraphs(sections) };
}

export interface ParagraphLocation {
  section: number;
  paragraph: number;
}

function checkLocation(draft: Draft, at: ParagraphLocation, inserting: boolean): void {
  const section = draft.sections[at.section];
  const max = section ? section.paragraphs.length - (inserting ? 0 : 1) : -1;
  if (!section || !Number.isInteger(at.paragraph) || at.paragraph < 0 || at.paragraph > max) {
    throw new EditError(`no paragraph ${at.paragraph} in section ${at.section}`);
  }
}

function replaceParagraphs(draft: Draft, section: number, paragraphs: DraftParagraph[]): Draft {
  const sections = draft.sections.map((s, i) => (i === section ? { ...s, paragraphs } : s));
  return { ...draft, sections: numberParagraphs(sections) };
}

/**
 * Replaces the text of one paragraph (an empty text deletes it). Unchanged sentences keep their origin and
 * anchors; changed and new ones are `human`.
 */
export function editParagraph(draft: Draft, at: ParagraphLocation, text: string): Draft {
  checkLocation(draft, at, false);
  const pool = new SentencePool(draft);
  const paragraphs = [...draft.sections[at.section].paragraphs];
  const sentences = pool.sentences(text.replace(NUMBER_PREFIX, ''));
  if (sentences.length === 0) paragraphs.splice(at.paragraph, 1);
  else paragraphs[at.paragraph] = { ...paragraphs[at.paragraph], sentences };
  return replaceParagraphs(draft, at.section, paragraphs);
}

/** Inserts a new paragraph, written by a person, before position `at.paragraph` of a section. */
export function insertParagraph(draft: Draft, at: ParagraphLocation, text: string): Draft {
  checkLocation(draft, at, true);
  const sentences = splitSentences(text.replace(/\s+/g, ' ').trim()).map((s): DraftSentence => ({ text: s, origin: 'human' }));
  if (sentences.length === 0) throw new EditError('a new paragraph needs text');
  const paragraphs = [...draft.sections[at.section].paragraphs];
  paragraphs.splice(at.paragraph, 0, { sentences });
  return replaceParagraphs(draft, at.section, paragraphs);
}
