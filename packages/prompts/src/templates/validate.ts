import type { TemplateProblem } from '../errors.js';
import semver from 'semver';
import { STANDARD_SLOTS, isStandardSlotKey } from '../slots/standard.js';
import type {
  Alignment,
  Condition,
  ParagraphDefinition,
  SectionDefinition,
  SlotDefinition,
  SlotSource,
  SlotType,
  Template,
  TemplateSentence,
} from '../types.js';
import { hasStrayBraces, placeholderNames } from './placeholders.js';

export const TEMPLATE_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const SLOT_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;
const SLOT_TYPES: readonly SlotType[] = ['string', 'text', 'date', 'time', 'enum', 'boolean', 'parties', 'list', 'sentences'];
const SLOT_SOURCES: readonly SlotSource[] = ['case', 'brief', 'summary', 'user'];
const ALIGNMENTS: readonly Alignment[] = ['left', 'center', 'right'];
/** Slot types that can stand inside a sentence as a `{{placeholder}}`. */
const INLINE_TYPES: ReadonlySet<SlotType> = new Set(['string', 'date', 'time', 'enum', 'boolean', 'parties', 'list']);
/** Slot types a paragraph can be built from with `each`. */
const EACH_TYPES: ReadonlySet<SlotType> = new Set(['parties', 'list', 'sentences', 'text']);
const ITEM_FIELDS: Partial<Record<SlotType, readonly string[]>> = { parties: ['name', 'role', 'counsel'], list: ['item'] };

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

class Checker {
  readonly problems: TemplateProblem[] = [];
  constructor(private readonly file: string) {}

  problem(path: string, message: string): void {
    this.problems.push({ file: this.file, path, message });
  }

  keys(obj: Json, path: string, allowed: readonly string[]): void {
    for (const key of Object.keys(obj)) {
      if (!allowed.includes(key)) this.problem(`${path}/${key}`, `unknown field "${key}" (allowed: ${allowed.join(', ')})`);
    }
  }

  string(obj: Json, key: string, path: string, required: boolean): string | undefined {
    const v = obj[key];
    if (v === undefined) {
      if (required) this.problem(`${path}/${key}`, `"${key}" is required`);
      return undefined;
    }
    if (typeof v !== 'string' || v.trim() === '') {
      this.problem(`${path}/${key}`, `"${key}" must be a non-empty string`);
      return undefined;
    }
    return v;
  }

  boolean(obj: Json, key: string, path: string, fallback: boolean): boolean {
    const v = obj[key];
    if (v === undefined) return fallback;
    if (typeof v !== 'boolean') {
      this.problem(`${path}/${key}`, `"${key}" must be true or false`);
      return fallback;
    }
    return v;
  }
}

/**
 * Checks one parsed template file and returns the template, or the list of problems found.
 * `file` names the file in problems; the caller checks that the file name matches `id@version`.
 */
export function validateTemplate(raw: unknown, file: string): { template?: Template; problems: TemplateProblem[] } {
  const c = new Checker(file);
  if (!isObject(raw)) {
    c.problem('', 'a template must be a JSON object');
    return { problems: c.problems };
  }
  c.keys(raw, '', ['$schema', 'id', 'version', 'title', 'description', 'heading', 'titleAfter', 'slots', 'sections']);
  const id = c.string(raw, 'id', '', true);
  if (id !== undefined && !TEMPLATE_ID.test(id)) c.problem('/id', `id "${id}" must be lower-case words joined by hyphens`);
  const version = c.string(raw, 'version', '', true);
  // semver.valid normalises (drops build metadata and a leading `v`): only the plain form is a template version.
  if (version !== undefined && semver.valid(version) !== version) {
    c.problem('/version', `version "${version}" is not a semantic version (MAJOR.MINOR.PATCH, optional -prerelease)`);
  }
  const title = c.string(raw, 'title', '', true);
  const description = c.string(raw, 'description', '', false);
  const heading = c.string(raw, 'heading', '', true);

  const slots = checkSlots(c, raw.slots);
  const byName = new Map(slots.map((s) => [s.name, s]));
  if (heading !== undefined) checkWording(c, heading, '/heading', byName, undefined);

  const sections: SectionDefinition[] = [];
  if (!Array.isArray(raw.sections) || raw.sections.length === 0) {
    c.problem('/sections', '"sections" must be a non-empty array');
  } else {
    const ids = new Set<string>();
    raw.sections.forEach((s, i) => {
      const section = checkSection(c, s, `/sections/${i}`, byName);
      if (!section) return;
      if (ids.has(section.id)) c.problem(`/sections/${i}/id`, `duplicate section id "${section.id}"`);
      ids.add(section.id);
      sections.push(section);
    });
  }

  const titleAfter = c.string(raw, 'titleAfter', '', false);
  if (titleAfter !== undefined && !sections.some((s) => s.id === titleAfter)) c.problem('/titleAfter', `no section "${titleAfter}"`);

  if (c.problems.length > 0 || id === undefined || version === undefined || title === undefined || heading === undefined) {
    return { problems: c.problems };
  }
  const template: Template = { id, version, title, heading, slots, sections, file };
  if (description !== undefined) template.description = description;
  if (titleAfter !== undefined) template.titleAfter = titleAfter;
  return { template, problems: [] };
}

function checkSlots(c: Checker, raw: unknown): SlotDefinition[] {
  if (!Array.isArray(raw)) {
    c.problem('/slots', '"slots" must be an array');
    return [];
  }
  const out: SlotDefinition[] = [];
  const names = new Set<string>();
  raw.forEach((s, i) => {
    const path = `/slots/${i}`;
    if (!isObject(s)) {
      c.problem(path, 'a slot must be an object');
      return;
    }
    c.keys(s, path, ['name', 'type', 'required', 'source', 'label', 'description', 'values', 'from']);
    const name = c.string(s, 'name', path, true);
    if (name !== undefined && !SLOT_NAME.test(name)) c.problem(`${path}/name`, `slot name "${name}" must be letters, digits and _`);
    if (name !== undefined && names.has(name)) c.problem(`${path}/name`, `duplicate slot "${name}"`);
    if (name !== undefined) names.add(name);
    const type = s.type as SlotType;
    if (!SLOT_TYPES.includes(type)) c.problem(`${path}/type`, `type must be one of ${SLOT_TYPES.join(', ')}`);
    const source = s.source as SlotSource;
    if (!SLOT_SOURCES.includes(source)) c.problem(`${path}/source`, `source must be one of ${SLOT_SOURCES.join(', ')}`);
    const required = c.boolean(s, 'required', path, false);
    const label = c.string(s, 'label', path, false) ?? name ?? '';
    const description = c.string(s, 'description', path, false);
    let values: string[] | undefined;
    if (type === 'enum') {
      if (!Array.isArray(s.values) || s.values.length === 0 || !s.values.every((v) => typeof v === 'string' && v !== '')) {
        c.problem(`${path}/values`, 'an enum slot needs "values": a non-empty array of strings');
      } else if (new Set(s.values).size !== s.values.length) {
        c.problem(`${path}/values`, 'enum values must be unique');
      } else {
        values = s.values as string[];
      }
    } else if (s.values !== undefined) {
      c.problem(`${path}/values`, '"values" is only allowed on enum slots');
    }
    const from = c.string(s, 'from', path, false);
    if (source === 'user' && from !== undefined) c.problem(`${path}/from`, '"from" is only allowed when source is case, brief or summary');
    if (source !== 'user' && SLOT_SOURCES.includes(source) && name !== undefined) {
      const key = from ?? name;
      if (!isStandardSlotKey(key)) {
        c.problem(`${path}/${from ? 'from' : 'name'}`, `"${key}" is not a standard ${source} value (known: ${Object.keys(STANDARD_SLOTS).join(', ')})`);
      } else {
        const std = STANDARD_SLOTS[key];
        if (std.source !== source) c.problem(`${path}/source`, `"${key}" comes from ${std.source}, not ${source}`);
        if (std.type !== type) c.problem(`${path}/type`, `"${key}" is of type ${std.type}, not ${type}`);
      }
    }
    if (name === undefined || !SLOT_TYPES.includes(type) || !SLOT_SOURCES.includes(source)) return;
    const slot: SlotDefinition = { name, type, required, source, label };
    if (description !== undefined) slot.description = description;
    if (values !== undefined) slot.values = values;
    if (from !== undefined) slot.from = from;
    out.push(slot);
  });
  return out;
}

function checkCondition(c: Checker, raw: unknown, path: string, slots: Map<string, SlotDefinition>): Condition | undefined {
  if (raw === undefined) return undefined;
  if (!isObject(raw)) {
    c.problem(path, '"when" must be an object such as {"slot": "outcome", "equals": "granted"}');
    return undefined;
  }
  c.keys(raw, path, ['slot', 'equals', 'in', 'present']);
  const name = c.string(raw, 'slot', path, true);
  const tests = ['equals', 'in', 'present'].filter((k) => raw[k] !== undefined);
  if (tests.length !== 1) c.problem(path, '"when" needs exactly one of "equals", "in", "present"');
  const slot = name === undefined ? undefined : slots.get(name);
  if (name !== undefined && !slot) c.problem(`${path}/slot`, `unknown slot "${name}"`);
  if (name === undefined || tests.length !== 1) return undefined;
  const cond: Condition = { slot: name };
  if (raw.present !== undefined) {
    if (typeof raw.present !== 'boolean') c.problem(`${path}/present`, '"present" must be true or false');
    else cond.present = raw.present;
  }
  if (raw.equals !== undefined) {
    const v = raw.equals;
    if (slot?.type === 'boolean' ? typeof v !== 'boolean' : typeof v !== 'string') {
      c.problem(`${path}/equals`, `"equals" must be a ${slot?.type === 'boolean' ? 'boolean' : 'string'}`);
    } else if (slot?.type === 'enum' && !slot.values?.includes(v as string)) {
      c.problem(`${path}/equals`, `"${String(v)}" is not a value of enum slot "${name}"`);
    } else if (slot && !['boolean', 'enum', 'string'].includes(slot.type)) {
      c.problem(`${path}/equals`, `"equals" cannot test a ${slot.type} slot; use "present"`);
    } else {
      cond.equals = v as string | boolean;
    }
  }
  if (raw.in !== undefined) {
    if (!Array.isArray(raw.in) || raw.in.length === 0 || !raw.in.every((v) => typeof v === 'string')) {
      c.problem(`${path}/in`, '"in" must be a non-empty array of strings');
    } else if (slot?.type === 'enum' && raw.in.some((v) => !slot.values?.includes(v as string))) {
      c.problem(`${path}/in`, `"in" lists a value that enum slot "${name}" does not have`);
    } else if (slot && !['enum', 'string'].includes(slot.type)) {
      c.problem(`${path}/in`, `"in" cannot test a ${slot.type} slot`);
    } else {
      cond.in = raw.in as string[];
    }
  }
  return cond;
}

/** Checks placeholders in wording: each must name a slot that can stand inline, or a field of the current item. */
function checkWording(
  c: Checker,
  text: string,
  path: string,
  slots: Map<string, SlotDefinition>,
  itemFields: readonly string[] | undefined,
): void {
  if (hasStrayBraces(text)) c.problem(path, 'unbalanced "{{" or "}}" (placeholders are written {{slotName}})');
  for (const name of placeholderNames(text)) {
    if (itemFields?.includes(name)) continue;
    const slot = slots.get(name);
    if (!slot) c.problem(path, `placeholder {{${name}}} names no slot${itemFields ? ` or item field (${itemFields.join(', ')})` : ''}`);
    else if (!INLINE_TYPES.has(slot.type)) c.problem(path, `{{${name}}} is a ${slot.type} slot; place it with "each" instead`);
  }
}

function alignment(c: Checker, raw: Json, path: string): Alignment | undefined {
  if (raw.align === undefined) return undefined;
  if (!ALIGNMENTS.includes(raw.align as Alignment)) {
    c.problem(`${path}/align`, `align must be one of ${ALIGNMENTS.join(', ')}`);
    return undefined;
  }
  return raw.align as Alignment;
}

function checkSection(c: Checker, raw: unknown, path: string, slots: Map<string, SlotDefinition>): SectionDefinition | undefined {
  if (!isObject(raw)) {
    c.problem(path, 'a section must be an object');
    return undefined;
  }
  c.keys(raw, path, ['id', 'heading', 'numbered', 'when', 'paragraphs']);
  const id = c.string(raw, 'id', path, true);
  if (id !== undefined && !TEMPLATE_ID.test(id)) c.problem(`${path}/id`, `section id "${id}" must be lower-case words joined by hyphens`);
  const heading = c.string(raw, 'heading', path, false);
  if (heading !== undefined) checkWording(c, heading, `${path}/heading`, slots, undefined);
  const numbered = c.boolean(raw, 'numbered', path, false);
  const when = checkCondition(c, raw.when, `${path}/when`, slots);
  const paragraphs: ParagraphDefinition[] = [];
  if (!Array.isArray(raw.paragraphs) || raw.paragraphs.length === 0) {
    c.problem(`${path}/paragraphs`, '"paragraphs" must be a non-empty array');
  } else {
    raw.paragraphs.forEach((p, i) => {
      const para = checkParagraph(c, p, `${path}/paragraphs/${i}`, slots);
      if (para) paragraphs.push(para);
    });
  }
  if (id === undefined) return undefined;
  const section: SectionDefinition = { id, numbered, paragraphs };
  if (heading !== undefined) section.heading = heading;
  if (when) section.when = when;
  return section;
}

function checkParagraph(c: Checker, raw: unknown, path: string, slots: Map<string, SlotDefinition>): ParagraphDefinition | undefined {
  if (!isObject(raw)) {
    c.problem(path, 'a paragraph must be an object with "sentences" or "each"');
    return undefined;
  }
  const when = checkCondition(c, raw.when, `${path}/when`, slots);
  const align = alignment(c, raw, path);
  if (raw.each !== undefined) {
    c.keys(raw, path, ['each', 'text', 'join', 'when', 'align']);
    const name = c.string(raw, 'each', path, true);
    const slot = name === undefined ? undefined : slots.get(name);
    if (name !== undefined && !slot) c.problem(`${path}/each`, `unknown slot "${name}"`);
    if (slot && !EACH_TYPES.has(slot.type)) c.problem(`${path}/each`, `"each" needs a parties, list, sentences or text slot; "${name}" is ${slot.type}`);
    const text = c.string(raw, 'text', path, false);
    if (text !== undefined) {
      const fields = slot ? ITEM_FIELDS[slot.type] : undefined;
      if (slot && !fields) c.problem(`${path}/text`, `"text" is only allowed for parties and list slots`);
      checkWording(c, text, `${path}/text`, slots, fields ?? []);
    }
    const join = c.boolean(raw, 'join', path, false);
    if (name === undefined) return undefined;
    const para: ParagraphDefinition = { each: name, join };
    if (text !== undefined) para.text = text;
    if (when) para.when = when;
    if (align) para.align = align;
    return para;
  }
  c.keys(raw, path, ['sentences', 'when', 'align']);
  if (!Array.isArray(raw.sentences) || raw.sentences.length === 0) {
    c.problem(`${path}/sentences`, 'a paragraph needs "sentences" (a non-empty array) or "each"');
    return undefined;
  }
  const sentences: TemplateSentence[] = [];
  raw.sentences.forEach((s, i) => {
    const sp = `${path}/sentences/${i}`;
    if (typeof s === 'string') {
      if (s.trim() === '') c.problem(sp, 'a sentence must not be empty');
      checkWording(c, s, sp, slots, undefined);
      sentences.push({ text: s });
      return;
    }
    if (!isObject(s)) {
      c.problem(sp, 'a sentence must be a string or {"text", "when"}');
      return;
    }
    c.keys(s, sp, ['text', 'when']);
    const text = c.string(s, 'text', sp, true);
    if (text !== undefined) checkWording(c, text, `${sp}/text`, slots, undefined);
    const w = checkCondition(c, s.when, `${sp}/when`, slots);
    if (text !== undefined) sentences.push(w ? { text, when: w } : { text });
  });
  const para: ParagraphDefinition = { sentences };
  if (when) para.when = when;
  if (align) para.align = align;
  return para;
}
