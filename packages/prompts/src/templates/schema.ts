import semver from 'semver';
import { z } from 'zod';
import { STANDARD_SLOTS, isStandardSlotKey } from '../slots/standard.js';
import type { Alignment, SlotSource, SlotType } from '../types.js';
import { hasStrayBraces } from './placeholders.js';

/**
 * The shape of a template file, as a zod schema: what `validateTemplate` checks first (types, required
 * and unknown fields, slot definitions), and what `templateJsonSchema` publishes for template authors.
 * References between parts (placeholders, conditions, `each`, `titleAfter`) are checked afterwards
 * against the slots, in validate.ts.
 */

const TEMPLATE_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const SLOT_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;
export const SLOT_TYPES = ['string', 'text', 'date', 'time', 'enum', 'boolean', 'parties', 'list', 'sentences'] as const satisfies readonly SlotType[];
const SLOT_SOURCES = ['case', 'brief', 'summary', 'user'] as const satisfies readonly SlotSource[];
const ALIGNMENTS = ['left', 'center', 'right'] as const satisfies readonly Alignment[];

/** An object that refuses unknown fields; the issue lists the allowed ones (validate.ts words it per field). */
function strict<T extends z.core.$ZodLooseShape>(shape: T) {
  const allowed = Object.keys(shape).join(', ');
  return z.strictObject(shape, { error: (iss) => (iss.code === 'unrecognized_keys' ? `allowed: ${allowed}` : undefined) });
}

function text(key: string) {
  return z
    .string({ error: (iss) => (iss.input === undefined ? `"${key}" is required` : `"${key}" must be a non-empty string`) })
    .refine((s) => s.trim() !== '', `"${key}" must be a non-empty string`);
}

function flag(key: string) {
  return z.boolean({ error: `"${key}" must be true or false` });
}

const STRAY_BRACES = 'unbalanced "{{" or "}}" (placeholders are written {{slotName}})';

/** Wording with `{{slot}}` placeholders; which slots they may name is checked against the template's slots. */
function wording(key: string) {
  return text(key).refine((s) => !hasStrayBraces(s), STRAY_BRACES);
}

const conditionShape = {
  slot: text('slot'),
  equals: z.union([z.string(), z.boolean()], { error: '"equals" must be a string or a boolean' }).optional(),
  in: z.array(z.string(), { error: '"in" must be a non-empty array of strings' }).min(1, '"in" must be a non-empty array of strings').optional(),
  present: flag('present').optional(),
};
const ConditionSchema = z
  .strictObject(conditionShape, {
    error: (iss) =>
      iss.code === 'unrecognized_keys'
        ? `allowed: ${Object.keys(conditionShape).join(', ')}`
        : '"when" must be an object such as {"slot": "outcome", "equals": "granted"}',
  })
  .refine((c) => [c.equals, c.in, c.present].filter((t) => t !== undefined).length === 1, '"when" needs exactly one of "equals", "in", "present"')
  .meta({ description: 'A condition on a slot value; what it guards is left out when it does not hold. Exactly one of equals, in, present.' });

const when = ConditionSchema.optional();

const SlotSchema = strict({
  name: text('name').regex(SLOT_NAME, { error: (iss) => `slot name "${String(iss.input)}" must be letters, digits and _` }),
  type: z.enum(SLOT_TYPES, { error: `type must be one of ${SLOT_TYPES.join(', ')}` }),
  required: flag('required').default(false),
  source: z.enum(SLOT_SOURCES, { error: `source must be one of ${SLOT_SOURCES.join(', ')}` }),
  label: text('label').optional(),
  description: text('description').optional(),
  values: z
    .array(z.string().min(1), { error: 'an enum slot needs "values": a non-empty array of strings' })
    .min(1, 'an enum slot needs "values": a non-empty array of strings')
    .refine((v) => new Set(v).size === v.length, 'enum values must be unique')
    .optional()
    .meta({ description: 'The allowed values of an enum slot.' }),
  from: text('from').optional().meta({ description: 'The standard value that fills the slot, when it is not the slot name.' }),
})
  .superRefine((s, ctx) => {
    if (s.type === 'enum' && s.values === undefined) ctx.addIssue({ code: 'custom', path: ['values'], message: 'an enum slot needs "values": a non-empty array of strings' });
    if (s.type !== 'enum' && s.values !== undefined) ctx.addIssue({ code: 'custom', path: ['values'], message: '"values" is only allowed on enum slots' });
    if (s.source === 'user') {
      if (s.from !== undefined) ctx.addIssue({ code: 'custom', path: ['from'], message: '"from" is only allowed when source is case, brief or summary' });
      return;
    }
    const key = s.from ?? s.name;
    if (!isStandardSlotKey(key)) {
      const message = `"${key}" is not a standard ${s.source} value (known: ${Object.keys(STANDARD_SLOTS).join(', ')})`;
      ctx.addIssue({ code: 'custom', path: [s.from ? 'from' : 'name'], message });
      return;
    }
    const std = STANDARD_SLOTS[key];
    if (std.source !== s.source) ctx.addIssue({ code: 'custom', path: ['source'], message: `"${key}" comes from ${std.source}, not ${s.source}` });
    if (std.type !== s.type) ctx.addIssue({ code: 'custom', path: ['type'], message: `"${key}" is of type ${std.type}, not ${s.type}` });
  })
  .transform(({ label, ...s }) => ({ ...s, label: label ?? s.name }))
  .meta({ description: 'A value the template needs: from the case record, the brief, the summary, or entered by the user.' });

const SentenceSchema = z
  .union(
    [
      z
        .string()
        .refine((t) => t.trim() !== '', 'a sentence must not be empty')
        .refine((t) => !hasStrayBraces(t), STRAY_BRACES)
        .transform((t) => ({ text: t })),
      strict({ text: wording('text'), when }),
    ],
    { error: 'a sentence must be a string or {"text", "when"}' },
  )
  .meta({ description: 'One sentence of fixed wording, optionally with a condition.' });

const align = z.enum(ALIGNMENTS, { error: `align must be one of ${ALIGNMENTS.join(', ')}` }).optional();

const TextParagraphSchema = strict({
  sentences: z
    .array(SentenceSchema, { error: 'a paragraph needs "sentences" (a non-empty array) or "each"' })
    .min(1, 'a paragraph needs "sentences" (a non-empty array) or "each"'),
  when,
  align,
});

const EachParagraphSchema = strict({
  each: text('each').meta({ description: 'A parties, list, sentences or text slot: one paragraph per item.' }),
  text: wording('text').optional().meta({ description: 'Wording per item: {{name}}, {{role}}, {{counsel}} for parties, {{item}} for lists.' }),
  join: flag('join').default(false),
  when,
  align,
});

const ParagraphSchema = z.union([EachParagraphSchema, TextParagraphSchema], { error: 'a paragraph must be an object with "sentences" or "each"' });

const SectionSchema = strict({
  id: text('id').regex(TEMPLATE_ID, { error: (iss) => `section id "${String(iss.input)}" must be lower-case words joined by hyphens` }),
  heading: wording('heading').optional(),
  numbered: flag('numbered').default(false).meta({ description: 'Paragraphs are numbered, continuously across the draft.' }),
  when,
  paragraphs: z.array(ParagraphSchema, { error: '"paragraphs" must be a non-empty array' }).min(1, '"paragraphs" must be a non-empty array'),
});

export const TemplateSchema = strict({
  $schema: z.string().optional(),
  id: text('id')
    .regex(TEMPLATE_ID, { error: (iss) => `id "${String(iss.input)}" must be lower-case words joined by hyphens` })
    .meta({ description: 'Lower-case words joined by hyphens; with the version, the file name <id>@<version>.json.' }),
  // semver.valid normalises (drops build metadata and a leading `v`): only the plain form is a template version.
  version: text('version').refine((v) => semver.valid(v) === v, {
    error: (iss) => `version "${String(iss.input)}" is not a semantic version (MAJOR.MINOR.PATCH, optional -prerelease)`,
  }).meta({ description: 'Semantic version MAJOR.MINOR.PATCH with an optional -prerelease; no build metadata.' }),
  title: text('title').meta({ description: 'Name of the template shown to clerks.' }),
  description: text('description').optional(),
  heading: wording('heading').meta({ description: 'The document title printed on the draft; may contain placeholders.' }),
  titleAfter: text('titleAfter').optional().meta({ description: 'Id of the section the title follows; the title opens the document when absent.' }),
  slots: z.array(SlotSchema, { error: '"slots" must be an array' }).meta({ description: 'The values the template needs.' }),
  sections: z.array(SectionSchema, { error: '"sections" must be a non-empty array' }).min(1, '"sections" must be a non-empty array'),
})
  .transform(({ $schema: _, ...t }) => t)
  .meta({
    title: 'Amicus court template',
    description: 'One version of a court template, stored as <id>@<version>.json. A published version is never edited.',
  });

export { SlotSchema, ConditionSchema };

/** The JSON Schema of a template file (draft 2020-12), for editors and court template authors. */
export function templateJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(TemplateSchema, { io: 'input', target: 'draft-2020-12' }) as Record<string, unknown>;
}
