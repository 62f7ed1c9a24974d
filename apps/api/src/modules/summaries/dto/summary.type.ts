import { ArgsType, Field, Float, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsEnum, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { CaseBriefType } from '../../documents/dto/case-brief.type.js';
import type { SummarySettings } from '../summarize.processor.js';
import type { StoredSummaryOutcome, StoredSummarySentence, StoredSummarySource, SummaryEntity } from '../summary.entity.js';

/** Summary length presets (GraphQL values; the job stores them in lower case). */
export enum SummaryLengthInput {
  SHORT = 'short',
  STANDARD = 'standard',
  DETAILED = 'detailed',
}

registerEnumType(SummaryLengthInput, {
  name: 'SummaryLength',
  description:
    'Summary length: SHORT (150 words), STANDARD (10% of each document, at most 600 words), DETAILED (25% of each document, at most 1,500 words).',
});

@ObjectType('SummaryDocumentBudget', { description: 'The length one document of a summary was cut to: a word budget, a ratio, or a preset.' })
export class SummaryDocumentBudgetType {
  @Field(() => ID, { description: 'The document.' })
  documentId: string;

  @Field(() => Int, { nullable: true, description: 'Word budget of the document, when one was set.' })
  words: number | null;

  @Field(() => Float, { nullable: true, description: 'Share of the document’s words, when a ratio was set.' })
  ratio: number | null;

  @Field(() => SummaryLengthInput, { nullable: true, description: 'Preset applied to the document as it is, when no budget was shared out.' })
  length: SummaryLengthInput | null;
}

@ObjectType('SummarySettings', { description: 'The settings a summary was made with.' })
export class SummarySettingsType {
  @Field(() => SummaryLengthInput, { description: 'The preset asked for.' })
  length: SummaryLengthInput;

  @Field(() => Int, { nullable: true, description: 'The word budget asked for (shared between the documents of a case), if any.' })
  words: number | null;

  @Field(() => [SummaryDocumentBudgetType], { description: 'The budget of each document.' })
  perDocument: SummaryDocumentBudgetType[];

  @Field(() => Int, { description: 'Inference threads of the worker that made it.' })
  threads: number;
}

function toSummarySettingsType(json: string): SummarySettingsType {
  const settings = JSON.parse(json) as SummarySettings;
  return {
    length: settings.length as SummaryLengthInput,
    words: settings.words ?? null,
    perDocument: settings.perDocument.map(({ documentId, options }) => ({
      documentId,
      words: options.words ?? null,
      ratio: options.ratio ?? null,
      length: (options.length as SummaryLengthInput | undefined) ?? null,
    })),
    threads: settings.threads,
  };
}

@ObjectType('SummarySentence', { description: 'A sentence of a summary with its source: the span of one document’s extracted text it was taken from.' })
export class SummarySentenceType {
  @Field({ description: 'The sentence for display: line breaks joined, hyphenation repaired, page numbers removed (`start`/`end` give it as it stands).' })
  text: string;

  @Field(() => ID, { description: 'The source document.' })
  documentId: string;

  @Field(() => Int, { description: 'Page of the document the sentence starts on.' })
  page: number;

  @Field(() => Int, { description: 'Offset (UTF-16) of the first character in the document text (`Document.text`).' })
  start: number;

  @Field(() => Int, { description: 'Offset just after the last character: `Document.text` sliced from `start` to `end` is the sentence as it stands.' })
  end: number;

  @Field(() => Int, { nullable: true, description: 'The judgment’s own number of the paragraph ("[12]" is 12); null when the paragraph has none.' })
  paragraph: number | null;

  @Field(() => Int, { description: 'Index of the source paragraph in the document (0-based, every paragraph counted).' })
  paragraphIndex: number;

  @Field(() => String, {
    nullable: true,
    description: 'What the sentence is in the judgment: majority, concurrence, dissent, order, facts, submission or quotation; null for summaries made before roles were recorded.',
  })
  role: string | null;

  @Field({ description: 'True for the sentence that states the court’s result.' })
  result: boolean;

  @Field(() => Float, { description: 'The model’s score of the sentence, 0 to 1.' })
  score: number;
}

@ObjectType('SummaryOutcome', { description: 'The court’s result in a summarized document, from the majority’s disposition.' })
export class SummaryOutcomeType {
  @Field({ description: 'allowed, partly_allowed, dismissed, set_aside, remitted, granted, refused, no_order or order_accordingly.' })
  disposition: string;

  @Field({ description: 'The result for a reader: "appeal dismissed", "petition allowed in part".' })
  label: string;

  @Field({ description: 'Whose result: order (the order of the court), court_opinion (the judgment of the court) or majority (the majority’s lead opinion).' })
  basis: string;

  @Field(() => Float, { description: 'Confidence of the structure analysis, 0 to 1.' })
  confidence: number;

  @Field(() => Int, { description: 'Offset of the summary sentence stating the result in the document text.' })
  start: number;

  @Field(() => Int, { description: 'Offset just after that sentence.' })
  end: number;
}

@ObjectType('SummaryLanguage', { description: 'The language of a summarized document.' })
export class SummaryLanguageType {
  @Field({ description: 'ISO 639-3 code ("eng", "cmn"), or "und" when it could not be told.' })
  code: string;

  @Field({ description: 'English name of the language.' })
  name: string;

  @Field({ description: 'Whether the model was trained on text in this language.' })
  supported: boolean;
}

@ObjectType('SummarySource', { description: 'A document a summary was made from.' })
export class SummarySourceType {
  @Field(() => ID, { description: 'The document.' })
  documentId: string;

  @Field({ description: 'sha256 of the document’s original bytes when it was summarized.' })
  sha256: string;

  @Field(() => Int, { description: 'Words in the document’s extracted text.' })
  words: number;

  @Field(() => SummaryLanguageType, { nullable: true, description: 'The document’s language; null for summaries made before it was recorded.' })
  language: SummaryLanguageType | null;

  @Field(() => [String], { description: 'Warnings about this document’s summary (a language the model was not trained on).' })
  warnings: string[];

  @Field(() => SummaryOutcomeType, { nullable: true, description: 'The court’s result in this document; null when none was found.' })
  outcome: SummaryOutcomeType | null;
}

@ObjectType('SummaryModel', { description: 'The model that made a summary.' })
export class SummaryModelType {
  @Field({ description: 'Model name.' })
  name: string;

  @Field({ description: 'Model version.' })
  version: string;

  @Field({ description: 'sha256 of the model’s manifest (which holds the sha256 of every model file).' })
  sha256: string;
}

@ObjectType('Summary', { description: 'One version of the summary of a case or of one of its documents; versions are kept.' })
export class SummaryType {
  @Field(() => ID, { description: 'Stable id.' })
  id: string;

  @Field(() => ID, { description: 'The case.' })
  caseId: string;

  @Field(() => ID, { nullable: true, description: 'The summarized document; null for a summary of the whole case.' })
  documentId: string | null;

  @Field(() => Int, { description: 'Version, counting up from 1 per case (or per document).' })
  version: number;

  @Field({ description: 'Length setting: short, standard, detailed, or words:N.' })
  length: string;

  @Field(() => Int, { description: 'Words in the summary.' })
  words: number;

  @Field(() => [SummarySentenceType], { description: 'The summary sentences, document by document, in document order.' })
  sentences: SummarySentenceType[];

  @Field(() => CaseBriefType, { description: 'The structured brief built from the same documents.' })
  brief: CaseBriefType;

  @Field(() => [SummarySourceType], { description: 'The documents summarized, each with its result, language and warnings.' })
  sources: SummarySourceType[];

  @Field(() => [String], { description: 'Every warning of the summary’s documents (a language the model was not trained on).' })
  warnings: string[];

  @Field(() => SummaryModelType, { description: 'The model used.' })
  model: SummaryModelType;

  @Field(() => SummarySettingsType, { description: 'The settings used: the length asked for and the budget of each document.' })
  settings: SummarySettingsType;

  @Field({ description: 'sha256 of the canonical JSON of the sentences and brief (recorded in the ledger).' })
  outputSha256: string;

  @Field(() => ID, { description: 'The job that made it.' })
  jobId: string;

  @Field(() => ID, { nullable: true, description: 'User who asked for it.' })
  createdBy: string | null;

  @Field(() => GraphQLISODateTime, { description: 'When it was stored.' })
  createdAt: Date;
}

function toSentenceType(t: StoredSummarySentence): SummarySentenceType {
  // Rows stored before `paragraphIndex` existed hold the paragraph's index in `paragraph`.
  const old = t.paragraphIndex === undefined;
  return {
    text: t.text,
    documentId: t.documentId,
    page: t.page,
    start: t.start,
    end: t.end,
    paragraph: old ? null : t.paragraph,
    paragraphIndex: old ? (t.paragraph ?? 0) : t.paragraphIndex!,
    role: t.role ?? null,
    result: t.result ?? false,
    score: t.score,
  };
}

function toSourceType(src: StoredSummarySource): SummarySourceType {
  const outcome: StoredSummaryOutcome | null = src.outcome ?? null;
  return { documentId: src.documentId, sha256: src.sha256, words: src.words, language: src.language ?? null, warnings: src.warnings ?? [], outcome };
}

export function toSummaryType(s: SummaryEntity): SummaryType {
  const sources = (JSON.parse(s.sources) as StoredSummarySource[]).map(toSourceType);
  return {
    id: s.id,
    caseId: s.caseId,
    documentId: s.documentId,
    version: s.version,
    length: s.length,
    words: s.words,
    sentences: (JSON.parse(s.sentences) as StoredSummarySentence[]).map(toSentenceType),
    brief: JSON.parse(s.brief) as CaseBriefType,
    sources,
    warnings: sources.flatMap((src) => src.warnings),
    model: { name: s.modelName, version: s.modelVersion, sha256: s.modelSha256 },
    settings: toSummarySettingsType(s.settings),
    outputSha256: s.outputSha256,
    jobId: s.jobId,
    createdBy: s.createdBy,
    createdAt: s.createdAt,
  };
}

@ArgsType()
export class SummarizeArgs {
  @Field(() => SummaryLengthInput, { defaultValue: SummaryLengthInput.STANDARD, description: 'Length preset (ignored when `words` is given).' })
  @IsEnum(SummaryLengthInput)
  length: SummaryLengthInput;

  @Field(() => Int, { nullable: true, description: 'Word budget instead of the preset (for a case: shared between its documents by their length).' })
  @IsOptional()
  @IsInt()
  @Min(20)
  @Max(20000)
  words?: number | null;
}

@ArgsType()
export class SummarizeCaseArgs extends SummarizeArgs {
  @Field(() => ID, { description: 'Case id.' })
  @IsString()
  @MaxLength(36)
  caseId: string;
}

@ArgsType()
export class SummarizeDocumentArgs extends SummarizeArgs {
  @Field(() => ID, { description: 'Document id.' })
  @IsString()
  @MaxLength(36)
  documentId: string;
}

@ArgsType()
export class SummariesArgs {
  @Field(() => ID, { description: 'Case id.' })
  @IsString()
  @MaxLength(36)
  caseId: string;

  @Field(() => ID, { nullable: true, description: 'Only the summaries of this document (omit for every summary of the case).' })
  @IsOptional()
  @IsString()
  @MaxLength(36)
  documentId?: string | null;
}
