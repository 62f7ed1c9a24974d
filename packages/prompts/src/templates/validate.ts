import type { z } from 'zod';
import type { TemplateProblem } from '../errors.js';
import type { SlotDefinition, SlotType, Template } from '../types.js';
import { placeholderNames } from './placeholders.js';
import { ConditionSchema, SlotSchema, TemplateSchema } from './schema.js';

/** Slot types that can stand inside a sentence as a `{{placeholder}}`. */
const INLINE_TYPES: ReadonlySet<SlotType> = new Set(['string', 'date', 'time', 'enum', 'boolean', 'parties', 'list']);
/** Slot types a paragraph can be built from with `each`. */
const EACH_TYPES: ReadonlySet<SlotType> = new Set(['parties', 'list', 'sentences', 'text']);
const ITEM_FIELDS: Partial<Record<SlotType, readonly string[]>> = { parties: ['name', 'role', 'counsel'], list: ['item'] };

type Json = Record<string, unknown>;
type Problem = (path: string, message: string) => void;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const pointer = (path: readonly PropertyKey[]): string => path.map((p) => `/${String(p)}`).join('');

const wrongType = (issue: z.core.$ZodIssue): boolean => issue.code === 'invalid_type' && issue.path.length === 0;

/** How far a value is from one alternative of a union: not its type at all, then wrong fields, then deeper problems. */
const distance = (issues: readonly z.core.$ZodIssue[]): number =>
  issues.some(wrongType) ? Infinity : issues.filter((i) => i.path.length <= 1).length * 1000 + issues.length;

/**
 * zod issues as template problems: one per unknown field, and for a union (a sentence, a paragraph)
 * the problems of the alternative that came closest, so the author reads what to fix, not every reading.
 */
function issueProblems(issues: readonly z.core.$ZodIssue[], base: readonly PropertyKey[], problem: Problem): void {
  for (const issue of issues) {
    const path = [...base, ...issue.path];
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) problem(pointer([...path, key]), `unknown field "${key}" (${issue.message})`);
    } else if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      const closest = issue.errors.reduce((a, b) => (distance(b) < distance(a) ? b : a));
      if (closest.some(wrongType)) problem(pointer(path), issue.message);
      else issueProblems(closest, path, problem);
    } else {
      problem(pointer(path), issue.message);
    }
  }
}

/**
 * Checks one parsed template file and returns the template, or the list of problems found.
 * `file` names the file in problems; the caller checks that the file name matches `id@version`.
 * The shape comes from `TemplateSchema`; references between parts are checked here, on every part whose
 * own shape is right, so one reading lists every problem of the file.
 */
export function validateTemplate(raw: unknown, file: string): { template?: Template; problems: TemplateProblem[] } {
  const problems: TemplateProblem[] = [];
  const problem: Problem = (path, message) => problems.push({ file, path, message });
  if (!isObject(raw)) {
    problem('', 'a template must be a JSON object');
    return { problems };
  }
  const parsed = TemplateSchema.safeParse(raw);
  if (!parsed.success) issueProblems(parsed.error.issues, [], problem);
  checkReferences(raw, problem);
  if (!parsed.success || problems.length > 0) return { problems };
  return { template: { ...parsed.data, file }, problems: [] };
}

/** Placeholders, conditions, `each`, section ids and `titleAfter`, against the slots that are well formed. */
function checkReferences(raw: Json, problem: Problem): void {
  const slots = new Map<string, SlotDefinition>();
  const names = new Set<string>();
  (Array.isArray(raw.slots) ? raw.slots : []).forEach((s, i) => {
    const name = isObject(s) ? s.name : undefined;
    if (typeof name === 'string' && names.has(name)) problem(`/slots/${i}/name`, `duplicate slot "${name}"`);
    if (typeof name === 'string') names.add(name);
    const slot = SlotSchema.safeParse(s);
    if (slot.success && !slots.has(slot.data.name)) slots.set(slot.data.name, slot.data);
  });
  if (typeof raw.heading === 'string') checkWording(raw.heading, '/heading', slots, undefined, problem);

  const sectionIds = new Set<string>();
  (Array.isArray(raw.sections) ? raw.sections : []).forEach((s, i) => {
    if (!isObject(s)) return;
    const path = `/sections/${i}`;
    if (typeof s.id === 'string') {
      if (sectionIds.has(s.id)) problem(`${path}/id`, `duplicate section id "${s.id}"`);
      sectionIds.add(s.id);
    }
    if (typeof s.heading === 'string') checkWording(s.heading, `${path}/heading`, slots, undefined, problem);
    checkCondition(s.when, `${path}/when`, slots, problem);
    (Array.isArray(s.paragraphs) ? s.paragraphs : []).forEach((p, j) => checkParagraph(p, `${path}/paragraphs/${j}`, slots, problem));
  });
  if (typeof raw.titleAfter === 'string' && !sectionIds.has(raw.titleAfter)) problem('/titleAfter', `no section "${raw.titleAfter}"`);
}

function checkParagraph(raw: unknown, path: string, slots: Map<string, SlotDefinition>, problem: Problem): void {
  if (!isObject(raw)) return;
  checkCondition(raw.when, `${path}/when`, slots, problem);
  if (raw.each !== undefined) {
    if (typeof raw.each !== 'string') return;
    const slot = slots.get(raw.each);
    if (!slot) problem(`${path}/each`, `unknown slot "${raw.each}"`);
    else if (!EACH_TYPES.has(slot.type)) problem(`${path}/each`, `"each" needs a parties, list, sentences or text slot; "${raw.each}" is ${slot.type}`);
    if (typeof raw.text === 'string') {
      const fields = slot ? ITEM_FIELDS[slot.type] : undefined;
      if (slot && !fields) problem(`${path}/text`, `"text" is only allowed for parties and list slots`);
      checkWording(raw.text, `${path}/text`, slots, fields ?? [], problem);
    }
    return;
  }
  (Array.isArray(raw.sentences) ? raw.sentences : []).forEach((s, i) => {
    const at = `${path}/sentences/${i}`;
    if (typeof s === 'string') checkWording(s, at, slots, undefined, problem);
    if (!isObject(s)) return;
    if (typeof s.text === 'string') checkWording(s.text, `${at}/text`, slots, undefined, problem);
    checkCondition(s.when, `${at}/when`, slots, problem);
  });
}

function checkCondition(raw: unknown, path: string, slots: Map<string, SlotDefinition>, problem: Problem): void {
  const parsed = ConditionSchema.safeParse(raw);
  if (!parsed.success) return;
  const { slot: name, equals, in: among } = parsed.data;
  const slot = slots.get(name);
  if (!slot) {
    problem(`${path}/slot`, `unknown slot "${name}"`);
    return;
  }
  if (equals !== undefined) {
    if (slot.type === 'boolean' ? typeof equals !== 'boolean' : typeof equals !== 'string') {
      problem(`${path}/equals`, `"equals" must be a ${slot.type === 'boolean' ? 'boolean' : 'string'}`);
    } else if (slot.type === 'enum' && !slot.values?.includes(equals as string)) {
      problem(`${path}/equals`, `"${String(equals)}" is not a value of enum slot "${name}"`);
    } else if (!['boolean', 'enum', 'string'].includes(slot.type)) {
      problem(`${path}/equals`, `"equals" cannot test a ${slot.type} slot; use "present"`);
    }
  }
  if (among !== undefined) {
    if (slot.type === 'enum' && among.some((v) => !slot.values?.includes(v))) {
      problem(`${path}/in`, `"in" lists a value that enum slot "${name}" does not have`);
    } else if (!['enum', 'string'].includes(slot.type)) {
      problem(`${path}/in`, `"in" cannot test a ${slot.type} slot`);
    }
  }
}

/** Checks placeholders in wording: each must name a slot that can stand inline, or a field of the current item. */
function checkWording(text: string, path: string, slots: Map<string, SlotDefinition>, itemFields: readonly string[] | undefined, problem: Problem): void {
  for (const name of placeholderNames(text)) {
    if (itemFields?.includes(name)) continue;
    const slot = slots.get(name);
    if (!slot) problem(path, `placeholder {{${name}}} names no slot${itemFields ? ` or item field (${itemFields.join(', ')})` : ''}`);
    else if (!INLINE_TYPES.has(slot.type)) problem(path, `{{${name}}} is a ${slot.type} slot; place it with "each" instead`);
  }
}
