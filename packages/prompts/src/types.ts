/** Where a sentence of a draft came from. */
export type Origin = 'record' | 'machine' | 'human';

/** A link from a sentence to the span of a case document it was drawn from (UTF-16 offsets). */
export interface Anchor {
  documentId: string;
  start: number;
  end: number;
  page?: number;
  /** The document text the anchor points at, when it differs from the sentence (a quoted value). */
  quote?: string;
}

export interface DraftSentence {
  text: string;
  origin: Origin;
  anchors?: Anchor[];
}

export type Alignment = 'left' | 'center' | 'right';

export interface DraftParagraph {
  sentences: DraftSentence[];
  /** Paragraph number, for paragraphs of numbered sections (continuous across the draft). */
  number?: number;
  align?: Alignment;
}

export interface DraftSection {
  id: string;
  heading?: string;
  numbered: boolean;
  paragraphs: DraftParagraph[];
}

/** A rendered draft; `templateId@templateVersion` is what produced it. */
export interface Draft {
  templateId: string;
  templateVersion: string;
  title: string;
  /** The title stands after this section (for example after the caption); at the top when absent. */
  titleAfter?: string;
  sections: DraftSection[];
}

// ---------------------------------------------------------------- templates

export type SlotType = 'string' | 'text' | 'date' | 'time' | 'enum' | 'boolean' | 'parties' | 'list' | 'sentences';

/** Where a slot's value comes from. */
export type SlotSource = 'case' | 'brief' | 'summary' | 'user';

export interface SlotDefinition {
  name: string;
  type: SlotType;
  required: boolean;
  source: SlotSource;
  label: string;
  description?: string;
  /** Allowed values of an `enum` slot. */
  values?: string[];
  /** The standard key (see `STANDARD_SLOTS`) that fills this slot from the case; defaults to `name`. */
  from?: string;
}

/** A condition on a slot's value; everything it guards is left out when it does not hold. */
export interface Condition {
  slot: string;
  equals?: string | boolean;
  in?: string[];
  present?: boolean;
}

export interface TemplateSentence {
  text: string;
  when?: Condition;
}

/** A paragraph of fixed wording with `{{slot}}` placeholders, one entry per sentence. */
export interface TextParagraphDefinition {
  sentences: TemplateSentence[];
  when?: Condition;
  align?: Alignment;
}

/** One paragraph per item of a list-like slot (or all items in one paragraph with `join`). */
export interface EachParagraphDefinition {
  each: string;
  /** Wording for each item: `{{name}}`, `{{role}}`, `{{counsel}}` for parties, `{{item}}` for lists. */
  text?: string;
  join?: boolean;
  when?: Condition;
  align?: Alignment;
}

export type ParagraphDefinition = TextParagraphDefinition | EachParagraphDefinition;

export interface SectionDefinition {
  id: string;
  heading?: string;
  numbered: boolean;
  when?: Condition;
  paragraphs: ParagraphDefinition[];
}

export interface Template {
  id: string;
  version: string;
  title: string;
  description?: string;
  /** The document title printed on the draft; may contain placeholders. */
  heading: string;
  /** Id of the section the title follows (for example "caption"); the title opens the document when absent. */
  titleAfter?: string;
  slots: SlotDefinition[];
  sections: SectionDefinition[];
  /** The file the template was loaded from, when it came from a file. */
  file?: string;
}

// ---------------------------------------------------------------- slot values

export interface PartyValue {
  name: string;
  role: string;
  counsel?: string;
}

export interface SentenceValue {
  text: string;
  origin?: Origin;
  anchors?: Anchor[];
  /** Items with the same group go into one paragraph (for example, the source paragraph of a summary). */
  group?: number;
}

export type SlotValue = string | boolean | string[] | PartyValue[] | SentenceValue[];

export type SlotValues = Record<string, SlotValue | undefined | null>;
