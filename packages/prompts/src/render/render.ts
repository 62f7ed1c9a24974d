import { z } from 'zod';
import { SlotError, type SlotProblem } from '../errors.js';
import { templateRef } from '../templates/registry.js';
import { PLACEHOLDER } from '../templates/placeholders.js';
import type {
  Condition,
  Draft,
  DraftParagraph,
  DraftSection,
  DraftSentence,
  Origin,
  ParagraphDefinition,
  PartyValue,
  SentenceValue,
  SlotDefinition,
  SlotSource,
  SlotValue,
  SlotValues,
  Template,
} from '../types.js';
import { formatDate, isIsoDate, isTime, joinWithAnd } from './format.js';
import { splitParagraphs } from './sentences.js';

const ORIGINS = ['record', 'machine', 'human'] as const satisfies readonly Origin[];

/** The origin of content placed from a slot: machine for brief and summary, human for user input, else record. */
export function defaultOrigin(source: SlotSource): Origin {
  return source === 'brief' || source === 'summary' ? 'machine' : source === 'user' ? 'human' : 'record';
}

/** A value left blank counts as absent. */
function blank<T extends string | unknown[]>(v: T): T | undefined {
  return v.length === 0 ? undefined : v;
}

const AnchorSchema = z.looseObject({
  documentId: z.string().min(1),
  start: z.number().int().min(0),
  end: z.number().int(),
  page: z.number().int().optional(),
  quote: z.string().optional(),
}).refine((a) => a.end >= a.start);

const SentenceValueSchema = z.object({
  text: z.string(),
  origin: z.enum(ORIGINS).optional(),
  anchors: z.array(AnchorSchema).optional(),
  group: z.number().int().optional(),
});

const PartyValueSchema = z.object({
  name: z.string().refine((n) => n.trim() !== ''),
  role: z.string(),
  counsel: z.string().nullish(),
});

/** What a value of each slot type must be (as it is said to the user), and its schema; blank values come out undefined. */
function valueSchema(slot: SlotDefinition): { expected: string; schema: z.ZodType<SlotValue | undefined> } {
  const values = slot.values?.join(', ');
  switch (slot.type) {
    case 'string':
    case 'text':
      return { expected: 'must be a string', schema: z.string().transform((v) => blank(v.trim())) };
    case 'date':
      return {
        expected: 'must be a date written YYYY-MM-DD',
        schema: z
          .string()
          .refine((v) => v.trim() === '' || isIsoDate(v.trim()), { error: (iss) => `"${String(iss.input)}" is not a date written YYYY-MM-DD` })
          .transform((v) => blank(v.trim())),
      };
    case 'time':
      return {
        expected: 'must be a time written HH:MM',
        schema: z
          .string()
          .refine((v) => v.trim() === '' || isTime(v.trim()), { error: (iss) => `"${String(iss.input)}" is not a time written HH:MM (24-hour)` })
          .transform((v) => blank(v.trim())),
      };
    case 'enum':
      return {
        expected: `must be one of ${values}`,
        schema: z
          .string()
          .refine((v) => v === '' || (slot.values ?? []).includes(v), { error: (iss) => `"${String(iss.input)}" is not one of ${values}` })
          .transform((v) => blank(v)),
      };
    case 'boolean':
      return { expected: 'must be true or false', schema: z.boolean() };
    case 'list':
      return { expected: 'must be an array of strings', schema: z.array(z.string()).transform((items) => blank(items.map((i) => i.trim()).filter((i) => i !== ''))) };
    case 'parties':
      return {
        expected: 'must be an array of { name, role, counsel? }',
        schema: z.array(PartyValueSchema).transform((parties) =>
          blank(
            parties.map(({ name, role, counsel }) => {
              const party: PartyValue = { name: name.trim(), role: role.trim() };
              if (counsel?.trim()) party.counsel = counsel.trim();
              return party;
            }),
          ),
        ),
      };
    case 'sentences':
      return {
        expected: 'must be an array of { text, origin?, anchors? }',
        schema: z.array(SentenceValueSchema).transform((sentences) =>
          blank(
            sentences
              .filter((s) => s.text.trim() !== '')
              .map(({ text, ...rest }) => ({ text: text.trim().replace(/\s+/g, ' '), ...rest }) as SentenceValue),
          ),
        ),
      };
  }
}

/** The problem of an item of a list-like value, said by the field at fault. */
function itemProblem(slot: SlotDefinition, issue: z.core.$ZodIssue, raw: unknown): string {
  const [index, field] = issue.path;
  if (slot.type === 'parties') return `item ${String(index)} must be { name, role, counsel? } with a non-empty name`;
  if (field === 'origin') return `item ${String(index)} has an unknown origin "${String((raw as Array<{ origin: unknown }>)[index as number].origin)}"`;
  if (field === 'anchors') return `item ${String(index)} has an anchor that is not { documentId, start, end, page?, quote? } with 0 <= start <= end`;
  if (field === 'group') return `item ${String(index)} has a group that is not an integer`;
  return `item ${String(index)} must be { text, origin?, anchors? }`;
}

/**
 * Checks one slot value. Returns 'missing' for an absent or empty value, a problem message for a wrong one,
 * or the cleaned value.
 */
function checkValue(slot: SlotDefinition, raw: unknown): { value: SlotValue } | 'missing' | string {
  if (raw === undefined || raw === null) return 'missing';
  const { expected, schema } = valueSchema(slot);
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data === undefined ? 'missing' : { value: parsed.data };
  const issue = parsed.error.issues[0];
  if (issue.code === 'invalid_type' && issue.path.length === 0) return expected;
  if (issue.path.length === 0) return issue.message;
  return slot.type === 'list' ? expected : itemProblem(slot, issue, raw);
}

/** Validates slot values against a template; throws SlotError listing missing required slots and bad values. */
export function checkSlotValues(template: Template, values: SlotValues): Map<string, SlotValue> {
  const present = new Map<string, SlotValue>();
  const missing: string[] = [];
  const invalid: SlotProblem[] = [];
  for (const slot of template.slots) {
    const result = checkValue(slot, values[slot.name]);
    if (result === 'missing') {
      if (slot.required) missing.push(slot.name);
    } else if (typeof result === 'string') {
      invalid.push({ slot: slot.name, message: result });
    } else {
      present.set(slot.name, result.value);
    }
  }
  if (missing.length > 0 || invalid.length > 0) throw new SlotError(templateRef(template), missing, invalid);
  return present;
}

function holds(cond: Condition | undefined, values: Map<string, SlotValue>): boolean {
  if (!cond) return true;
  const v = values.get(cond.slot);
  if (cond.present !== undefined) return (v !== undefined) === cond.present;
  if (cond.equals !== undefined) return v === cond.equals;
  if (cond.in !== undefined) return typeof v === 'string' && cond.in.includes(v);
  return true;
}

function inline(slot: SlotDefinition, v: SlotValue): string {
  switch (slot.type) {
    case 'date':
      return formatDate(v as string);
    case 'boolean':
      return v ? 'yes' : 'no';
    case 'parties':
      return joinWithAnd((v as PartyValue[]).map((p) => p.name));
    case 'list':
      return joinWithAnd(v as string[]);
    default:
      return String(v);
  }
}

/** Fills `{{placeholders}}`; undefined when one names a slot without a value (the sentence is then left out). */
function interpolate(
  text: string,
  slots: Map<string, SlotDefinition>,
  values: Map<string, SlotValue>,
  item?: Record<string, string | undefined>,
): string | undefined {
  let missing = false;
  const out = text.replace(PLACEHOLDER, (_m, name: string) => {
    if (item && Object.hasOwn(item, name)) {
      const v = item[name];
      if (v === undefined) missing = true;
      return v ?? '';
    }
    const slot = slots.get(name);
    const v = values.get(name);
    if (!slot || v === undefined) {
      missing = true;
      return '';
    }
    return inline(slot, v);
  });
  if (missing) return undefined;
  const clean = out.replace(/\s+/g, ' ').trim();
  // A sentence that opens with a value ("{{hearingType}} is adjourned") still begins with a capital.
  return /^\s*\{\{/.test(text) ? clean.charAt(0).toUpperCase() + clean.slice(1) : clean;
}

function paragraphsFor(
  def: ParagraphDefinition,
  slots: Map<string, SlotDefinition>,
  values: Map<string, SlotValue>,
): DraftParagraph[] {
  const withAlign = (sentences: DraftSentence[]): DraftParagraph => (def.align ? { sentences, align: def.align } : { sentences });
  if ('sentences' in def) {
    const sentences: DraftSentence[] = [];
    for (const s of def.sentences) {
      if (!holds(s.when, values)) continue;
      const text = interpolate(s.text, slots, values);
      if (text) sentences.push({ text, origin: 'record' });
    }
    return sentences.length > 0 ? [withAlign(sentences)] : [];
  }
  const slot = slots.get(def.each) as SlotDefinition;
  const v = values.get(def.each);
  if (v === undefined) return [];
  const fallback = defaultOrigin(slot.source);
  let groups: DraftSentence[][];
  switch (slot.type) {
    case 'text':
      groups = splitParagraphs(v as string).map((p) => p.map((text) => ({ text, origin: fallback })));
      break;
    case 'parties':
      groups = (v as PartyValue[]).map((p) => {
        const text = def.text ? interpolate(def.text, slots, values, { name: p.name, role: p.role, counsel: p.counsel }) : `${p.name} (${p.role})`;
        return text ? [{ text, origin: 'record' as Origin }] : [];
      });
      break;
    case 'list':
      groups = (v as string[]).map((item) => {
        if (!def.text) return [{ text: item, origin: fallback }];
        const text = interpolate(def.text, slots, values, { item });
        return text ? [{ text, origin: 'record' as Origin }] : [];
      });
      break;
    default: {
      groups = [];
      let last: number | undefined;
      for (const s of v as SentenceValue[]) {
        const sentence: DraftSentence = { text: s.text, origin: s.origin ?? fallback };
        if (s.anchors && s.anchors.length > 0) sentence.anchors = s.anchors.map((a) => ({ ...a }));
        if (groups.length > 0 && s.group !== undefined && s.group === last) groups[groups.length - 1].push(sentence);
        else groups.push([sentence]);
        last = s.group;
      }
    }
  }
  groups = groups.filter((g) => g.length > 0);
  if (def.join && groups.length > 0) return [withAlign(groups.flat())];
  return groups.map(withAlign);
}

/** Gives the paragraphs of numbered sections consecutive numbers across the draft (1, 2, 3 …). */
export function numberParagraphs(sections: DraftSection[]): DraftSection[] {
  let n = 0;
  return sections.map((s) => ({
    ...s,
    paragraphs: s.paragraphs.map((p) => {
      const { number: _old, ...rest } = p;
      return s.numbered ? { ...rest, number: ++n } : rest;
    }),
  }));
}

/**
 * Renders a template with slot values into a structured draft. Template wording is `record`; content placed
 * from slots keeps the origin and anchors it carries (defaults: brief/summary → machine, user → human, case →
 * record). A sentence whose placeholder names an optional slot without a value is left out, and so is a
 * section left with no paragraphs. Throws SlotError (MISSING_SLOTS / INVALID_SLOTS).
 */
export function renderTemplate(template: Template, slotValues: SlotValues): Draft {
  const values = checkSlotValues(template, slotValues);
  const slots = new Map(template.slots.map((s) => [s.name, s]));
  const sections: DraftSection[] = [];
  for (const def of template.sections) {
    if (!holds(def.when, values)) continue;
    const paragraphs = def.paragraphs.filter((p) => holds(p.when, values)).flatMap((p) => paragraphsFor(p, slots, values));
    if (paragraphs.length === 0) continue;
    const section: DraftSection = { id: def.id, numbered: def.numbered, paragraphs };
    const heading = def.heading === undefined ? undefined : interpolate(def.heading, slots, values);
    if (heading) section.heading = heading;
    sections.push(section);
  }
  const draft: Draft = {
    templateId: template.id,
    templateVersion: template.version,
    title: interpolate(template.heading, slots, values) ?? template.title,
    sections: numberParagraphs(sections),
  };
  if (template.titleAfter !== undefined && sections.some((s) => s.id === template.titleAfter)) draft.titleAfter = template.titleAfter;
  return draft;
}
