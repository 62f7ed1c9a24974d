import { ArgsType, Field, Float, GraphQLISODateTime, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsOptional, IsString, Matches, MaxLength, Min, ValidateNested } from 'class-validator';
import type { DraftDiff, SlotDefinition, Template } from '@amicus/prompts';
import { DraftEntity, DraftStatus, DraftVersionEntity } from '../draft.entity.js';

registerEnumType(DraftStatus, { name: 'DraftStatus', description: 'DRAFT (editable) or APPROVED (frozen).' });

/** Largest draft text accepted in one edit (characters). */
export const MAX_DRAFT_TEXT = 500_000;

@ObjectType('TemplateSlot', { description: 'A typed value a template needs.' })
export class TemplateSlotType {
  @Field({ description: 'Slot name (key of `values` in createDraft).' })
  name: string;

  @Field({ description: 'string, text, date, time, enum, boolean, parties, list or sentences.' })
  type: string;

  @Field({ description: 'Whether a draft cannot be made without it.' })
  required: boolean;

  @Field({ description: 'Where the value comes from: case (the case record), brief, summary, or user (typed by the clerk or judge).' })
  source: string;

  @Field({ description: 'Label for forms.' })
  label: string;

  @Field(() => String, { nullable: true, description: 'Help text.' })
  description: string | null;

  @Field(() => [String], { nullable: true, description: 'Allowed values of an enum slot.' })
  values: string[] | null;
}

@ObjectType('Template', { description: 'A versioned court template (shipped, or from the court’s templates directory).' })
export class TemplateType {
  @Field({ description: 'Template id.' })
  id: string;

  @Field({ description: 'Semantic version.' })
  version: string;

  @Field({ description: 'Name in lists.' })
  title: string;

  @Field(() => String, { nullable: true, description: 'What the template is for.' })
  description: string | null;

  @Field(() => [TemplateSlotType], { description: 'Slots, in form order.' })
  slots: TemplateSlotType[];
}

export function toTemplateType(t: Template): TemplateType {
  return {
    id: t.id,
    version: t.version,
    title: t.title,
    description: t.description ?? null,
    slots: t.slots.map((s: SlotDefinition) => ({
      name: s.name,
      type: s.type,
      required: s.required,
      source: s.source,
      label: s.label,
      description: s.description ?? null,
      values: s.values ?? null,
    })),
  };
}

@ObjectType('DraftOrigins', { description: 'Sentences of a draft version by origin.' })
export class DraftOriginsType {
  @Field(() => Int, { description: 'Template wording and values from the case record or typed into slots.' })
  record: number;

  @Field(() => Int, { description: 'Machine-made sentences (from the summary and brief), each linked to its source.' })
  machine: number;

  @Field(() => Int, { description: 'Sentences written or changed by a person.' })
  human: number;
}

@ObjectType('DraftVersion', { description: 'One version of a draft.' })
export class DraftVersionType {
  @Field(() => Int, { description: 'Version number (1 is the machine-made draft).' })
  version: number;

  @Field({ description: 'The text form: title, headings and paragraphs separated by blank lines, numbered paragraphs as "N. ".' })
  text: string;

  @Field({ description: 'JSON text of the structured draft: sections, paragraphs, sentences with origin and source anchors.' })
  content: string;

  @Field({ description: 'sha256 of the text.' })
  sha256: string;

  @Field({ description: 'generated or edit.' })
  change: string;

  @Field(() => ID, { description: 'Who made this version.' })
  authorId: string;

  @Field(() => DraftOriginsType, { description: 'Sentences by origin.' })
  origins: DraftOriginsType;

  @Field(() => GraphQLISODateTime, { description: 'When it was made.' })
  createdAt: Date;
}

export function toDraftVersionType(v: DraftVersionEntity): DraftVersionType {
  return {
    version: v.version,
    text: v.text,
    content: v.content,
    sha256: v.sha256,
    change: v.change,
    authorId: v.authorId,
    origins: { record: v.recordSentences, machine: v.machineSentences, human: v.humanSentences },
    createdAt: v.createdAt,
  };
}

@ObjectType('DraftDiffCounts', { description: 'Size of the change from the machine-made text to the approved text.' })
export class DraftDiffCountsType {
  @Field(() => Int, { description: 'Words added.' })
  wordsInserted: number;

  @Field(() => Int, { description: 'Words removed.' })
  wordsDeleted: number;

  @Field(() => Int, { description: 'Words kept.' })
  wordsUnchanged: number;

  @Field(() => Int, { description: 'Lines added.' })
  linesInserted: number;

  @Field(() => Int, { description: 'Lines removed.' })
  linesDeleted: number;

  @Field(() => Float, { description: 'Share of the machine text’s words the approved text no longer has (0 to 1).' })
  changedRatio: number;
}

@ObjectType('DraftApproval', { description: 'The approval of a draft by a judge assigned to the case.' })
export class DraftApprovalType {
  @Field(() => Int, { description: 'The approved version.' })
  version: number;

  @Field(() => ID, { description: 'The approving judge.' })
  approvedBy: string;

  @Field(() => GraphQLISODateTime, { description: 'When it was approved.' })
  approvedAt: Date;

  @Field({ description: 'sha256 of the approved text.' })
  sha256: string;

  @Field({ description: 'Whether the approved text is the machine-made text unchanged.' })
  identical: boolean;

  @Field({ description: 'Unified diff (by line) from the machine-made text (version 1) to the approved text.' })
  unifiedDiff: string;

  @Field(() => DraftDiffCountsType, { description: 'Size of the change.' })
  counts: DraftDiffCountsType;

  @Field({ description: 'Download path of the approved draft as a Word document (GET with the bearer token).' })
  docxUrl: string;

  @Field({ description: 'Download path of the approved draft as a PDF (GET with the bearer token).' })
  pdfUrl: string;
}

@ObjectType('DraftWordChange', { description: 'A run of words of the machine text kept, added or removed.' })
export class DraftWordChangeType {
  @Field({ description: 'equal, insert or delete.' })
  type: string;

  @Field({ description: 'The words, with their spacing.' })
  text: string;
}

@ObjectType('GateProblem', { description: 'Why a sentence blocks approval.' })
export class GateProblemType {
  @Field({ description: 'ANCHOR_MISSING, DOCUMENT_UNKNOWN, ANCHOR_OUT_OF_RANGE, ANCHOR_MISMATCH or CITATION_NOT_IN_RECORD.' })
  code: string;

  @Field({ description: 'The problem in words.' })
  message: string;
}

@ObjectType('GateOffence', { description: 'A sentence that blocks approval, where it stands, and why.' })
export class GateOffenceType {
  @Field(() => Int, { description: 'Paragraph number within its section (from 0).' })
  paragraph: number;

  @Field({ description: 'Section id.' })
  sectionId: string;

  @Field({ description: 'The sentence.' })
  text: string;

  @Field(() => [GateProblemType], { description: 'Why it blocks approval.' })
  problems: GateProblemType[];
}

@ObjectType('DraftReview', { description: 'A version against the machine-made text and the signing gate, before approval.' })
export class DraftReviewType {
  @Field(() => Int, { description: 'The version reviewed.' })
  version: number;

  @Field({ description: 'Whether this version is the machine-made text unchanged.' })
  identical: boolean;

  @Field(() => DraftDiffCountsType, { description: 'Size of the change from the machine-made text (version 1).' })
  counts: DraftDiffCountsType;

  @Field(() => [DraftWordChangeType], { description: 'The changes word by word, in order.' })
  changes: DraftWordChangeType[];

  @Field({ description: 'Unified diff (by line) from the machine-made text to this version.' })
  unifiedDiff: string;

  @Field({ description: 'True when the signing gate lets this version be approved.' })
  gateOk: boolean;

  @Field(() => [GateOffenceType], { description: 'Sentences that block approval (empty when gateOk).' })
  offending: GateOffenceType[];
}

@ObjectType('Draft', { description: 'A document drafted from a template for a case, with its versions.' })
export class DraftType {
  @Field(() => ID, { description: 'Stable id.' })
  id: string;

  @Field(() => ID, { description: 'The case.' })
  caseId: string;

  @Field({ description: 'Template id.' })
  templateId: string;

  @Field({ description: 'Template version used.' })
  templateVersion: string;

  @Field({ description: 'Document title.' })
  title: string;

  @Field(() => ID, { nullable: true, description: 'The summary that filled it (null when the case had none).' })
  summaryId: string | null;

  @Field(() => DraftStatus, { description: 'DRAFT or APPROVED.' })
  status: DraftStatus;

  @Field(() => Int, { description: 'Latest version number (pass it as baseVersion to updateDraft).' })
  currentVersion: number;

  @Field(() => ID, { description: 'Who created it.' })
  createdBy: string;

  @Field(() => GraphQLISODateTime, { description: 'When it was created.' })
  createdAt: Date;

  @Field(() => GraphQLISODateTime, { description: 'When it last changed.' })
  updatedAt: Date;

  @Field(() => DraftApprovalType, { nullable: true, description: 'The approval, once approved.' })
  approval: DraftApprovalType | null;
}

export function toDraftType(d: DraftEntity): DraftType {
  let approval: DraftApprovalType | null = null;
  if (d.status === DraftStatus.APPROVED && d.approvedVersion !== null && d.approvedBy && d.approvedAt && d.approvalDiff) {
    const diff = JSON.parse(d.approvalDiff) as DraftDiff;
    approval = {
      version: d.approvedVersion,
      approvedBy: d.approvedBy,
      approvedAt: d.approvedAt,
      sha256: d.approvedSha256 ?? '',
      identical: diff.identical,
      unifiedDiff: diff.unified,
      counts: diff.counts,
      docxUrl: `/api/drafts/${d.id}/export.docx`,
      pdfUrl: `/api/drafts/${d.id}/export.pdf`,
    };
  }
  return {
    id: d.id,
    caseId: d.caseId,
    templateId: d.templateId,
    templateVersion: d.templateVersion,
    title: d.title,
    summaryId: d.summaryId,
    status: d.status,
    currentVersion: d.currentVersion,
    createdBy: d.createdBy,
    createdAt: d.createdAt,
    updatedAt: d.updatedAt,
    approval,
  };
}

@InputType({ description: 'A new draft from a template.' })
export class CreateDraftInput {
  @Field(() => ID, { description: 'Case id.' })
  @IsString()
  @MaxLength(36)
  caseId: string;

  @Field({ description: 'Template id.' })
  @IsString()
  @MaxLength(100)
  templateId: string;

  @Field(() => String, { nullable: true, description: 'Template version (default: the latest).' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  templateVersion?: string | null;

  @Field(() => ID, { nullable: true, description: 'Summary to draw from (default: the latest summary of the case).' })
  @IsOptional()
  @IsString()
  @MaxLength(36)
  summaryId?: string | null;

  @Field(() => String, { nullable: true, description: 'JSON object text of slot values: the template’s user slots, and overrides of filled ones.' })
  @IsOptional()
  @IsString()
  @MaxLength(100_000)
  values?: string | null;
}

@InputType({ description: 'New text for one paragraph (an empty text deletes it).' })
export class ParagraphEditInput {
  @Field(() => Int, { description: 'Section index (0-based, as in `content`).' })
  @IsInt()
  @Min(0)
  section: number;

  @Field(() => Int, { description: 'Paragraph index within the section (0-based).' })
  @IsInt()
  @Min(0)
  paragraph: number;

  @Field({ description: 'The paragraph’s new text.' })
  @IsString()
  @MaxLength(MAX_DRAFT_TEXT)
  text: string;
}

@InputType({ description: 'An edit of a draft: the whole text, or some paragraphs. Unchanged sentences keep their origin and sources.' })
export class UpdateDraftInput {
  @Field(() => ID, { description: 'Draft id.' })
  @IsString()
  @MaxLength(36)
  draftId: string;

  @Field(() => Int, { description: 'The version the edit was made on; CONFLICT when the draft has moved on.' })
  @IsInt()
  @Min(1)
  baseVersion: number;

  @Field(() => String, { nullable: true, description: 'The whole edited text (the text form of the draft).' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_DRAFT_TEXT)
  text?: string | null;

  @Field(() => [ParagraphEditInput], { nullable: true, description: 'Paragraph edits, applied in order.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => ParagraphEditInput)
  paragraphs?: ParagraphEditInput[] | null;
}

@ArgsType()
export class ApproveDraftArgs {
  @Field(() => ID, { description: 'Draft id.' })
  @IsString()
  @MaxLength(36)
  draftId: string;

  @Field(() => Int, { description: 'The version being approved (must be the current one).' })
  @IsInt()
  @Min(1)
  version: number;
}

@ArgsType()
export class DraftVersionArgs {
  @Field(() => Int, { nullable: true, description: 'Version number (default: the current one).' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number | null;
}

@ArgsType()
export class TemplatesArgs {
  @Field(() => String, { nullable: true, description: 'Only this template id.' })
  @IsOptional()
  @IsString()
  @Matches(/^[a-z0-9-]{1,100}$/)
  id?: string | null;
}
