import { ArgsType, Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PAGE_TEXT_COST } from '../../../common/graphql/query-cost.js';
import { IsEnum, IsInt, IsOptional, Min } from 'class-validator';
import { LocalDateScalar } from '../../../common/graphql/local-date.scalar.js';
import { ConnectionType, PageArgs } from '../../../common/pagination/connection.js';
import { DocumentEntity, DocumentKind, DocumentMentionEntity, DocumentPageEntity, ExtractionStatus } from '../document.entity.js';

registerEnumType(DocumentKind, {
  name: 'DocumentKind',
  description: 'Kind of court document.',
  valuesMap: {
    COMPLAINT: { description: 'Complaint, petition or claim starting proceedings.' },
    MOTION: { description: 'Motion or application.' },
    ORDER: { description: 'Order of the court.' },
    JUDGMENT: { description: 'Judgment or decision.' },
    EXHIBIT: { description: 'Exhibit or evidence.' },
    OTHER: { description: 'Anything else.' },
  },
});

registerEnumType(ExtractionStatus, {
  name: 'ExtractionStatus',
  description: 'Where text extraction of a document stands.',
  valuesMap: {
    QUEUED: { description: 'Waiting for a worker.' },
    RUNNING: { description: 'Being read (OCR where a page has no text layer).' },
    DONE: { description: 'Text and entities are available.' },
    FAILED: { description: 'The document could not be read; see `extractionError`.' },
  },
});

/** Kinds of entity found in document text (the legal-nlp entity types). */
export enum MentionType {
  CASE_CITATION = 'case_citation',
  STATUTE = 'statute',
  PARTY = 'party',
  JUDGE = 'judge',
  DATE = 'date',
  MONEY = 'money',
  CASE_NUMBER = 'case_number',
  COURT = 'court',
}

registerEnumType(MentionType, {
  name: 'DocumentEntityType',
  description: 'Kind of entity found in a document.',
  valuesMap: {
    CASE_CITATION: { description: 'A cited case, such as [2011] UKSC 12 or 410 U.S. 113 (short forms resolved where possible).' },
    STATUTE: { description: 'A statute or provision, such as section 66 of the Income-tax Act, 1922.' },
    PARTY: { description: 'A party named in the case title.' },
    JUDGE: { description: 'A judge.' },
    DATE: { description: 'A date; `normalized` is ISO 8601.' },
    MONEY: { description: 'An amount of money; `normalized` is "<ISO 4217 code> <amount>".' },
    CASE_NUMBER: { description: 'A case or docket number.' },
    COURT: { description: 'A court.' },
  },
});

@ObjectType('Document', { description: 'An uploaded court document of a case. The original is stored unaltered, addressed by its sha256.' })
export class DocumentType {
  @Field(() => ID, { description: 'Stable id.' })
  id: string;

  @Field(() => ID, { description: 'Case the document belongs to.' })
  caseId: string;

  @Field({ description: 'Title given at upload.' })
  title: string;

  @Field(() => DocumentKind, { description: 'Kind of document.' })
  kind: DocumentKind;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Date the document was filed with the court.' })
  filedDate: string | null;

  @Field({ description: 'Lowercase hex sha256 of the original bytes.' })
  sha256: string;

  @Field(() => Float, { description: 'Size of the original in bytes.' })
  bytes: number;

  @Field({ description: 'Media type decided from the content, such as application/pdf.' })
  mediaType: string;

  @Field({ description: 'File name the uploader sent (used for downloads only).' })
  originalName: string;

  @Field(() => Int, { nullable: true, description: 'Number of pages, once extracted.' })
  pages: number | null;

  @Field({ description: 'Whether the text of any page was read by OCR.' })
  ocr: boolean;

  @Field(() => ExtractionStatus, { description: 'Where text extraction stands.' })
  extractionStatus: ExtractionStatus;

  @Field(() => String, {
    nullable: true,
    description: 'Stable code of an extraction failure: CORRUPT_FILE, ENCRYPTED_PDF, TOO_MANY_PAGES, ZIP_BOMB, TIMEOUT, TOO_LARGE, EMPTY, UNSUPPORTED_TYPE, EXTRACTION_FAILED …',
  })
  extractionError: string | null;

  @Field(() => ID, { description: 'User who uploaded it.' })
  uploadedBy: string;

  @Field({ description: 'When it was uploaded.' })
  createdAt: Date;

  /** Resolved by the `job` field. */
  jobId: string | null;
}

export function toDocumentType(d: DocumentEntity): DocumentType {
  return {
    id: d.id,
    caseId: d.caseId,
    title: d.title,
    kind: d.kind,
    filedDate: d.filedDate,
    sha256: d.sha256,
    bytes: d.bytes,
    mediaType: d.mediaType,
    originalName: d.originalName,
    pages: d.pages,
    ocr: d.ocr,
    extractionStatus: d.extractionStatus,
    extractionError: d.extractionError,
    uploadedBy: d.uploadedBy,
    createdAt: d.createdAt,
    jobId: d.jobId,
  };
}

@ObjectType({ description: 'A page of a case’s documents, oldest first.' })
export class DocumentConnection extends ConnectionType(DocumentType, 'Document') {}

@ObjectType('DocumentPage', { description: 'The text of one page of a document.' })
export class DocumentPageType {
  @Field(() => Int, { description: '1-based page number.' })
  number: number;

  @Field({ description: 'Text of the page.', complexity: PAGE_TEXT_COST })
  text: string;

  @Field({ description: 'Whether the text was read by OCR from an image.' })
  ocr: boolean;

  @Field(() => Int, { description: 'Offset (UTF-16) of the page’s first character in the document text.' })
  start: number;

  @Field(() => Int, { description: 'Offset (UTF-16) just after the page’s last character in the document text.' })
  end: number;
}

export function toDocumentPageType(p: DocumentPageEntity): DocumentPageType {
  return { number: p.number, text: p.text, ocr: p.ocr, start: p.start, end: p.end };
}

@ObjectType({ description: 'Pages of a document, in order.' })
export class DocumentPageConnection extends ConnectionType(DocumentPageType, 'DocumentPage') {}

@ObjectType('DocumentEntity', { description: 'An entity found in a document’s text, with its span.' })
export class DocumentMentionType {
  @Field(() => MentionType, { description: 'Kind of entity.' })
  type: MentionType;

  @Field({ description: 'The text as written (exactly the document text between `start` and `end`).' })
  text: string;

  @Field(() => Int, { description: 'Offset (UTF-16) of the first character in the document text.' })
  start: number;

  @Field(() => Int, { description: 'Offset (UTF-16) just after the last character.' })
  end: number;

  @Field(() => String, { nullable: true, description: 'Canonical form: ISO 8601 dates, "GBP 1000" amounts, normalised citations.' })
  normalized: string | null;

  @Field(() => Int, { description: 'Page the entity starts on.' })
  page: number;
}

export function toDocumentMentionType(m: DocumentMentionEntity): DocumentMentionType {
  return { type: m.type as MentionType, text: m.text, start: m.start, end: m.end, normalized: m.normalized, page: m.page };
}

@ArgsType()
export class DocumentEntitiesArgs {
  @Field(() => MentionType, { nullable: true, description: 'Only entities of this kind.' })
  @IsOptional()
  @IsEnum(MentionType)
  type?: MentionType;

  @Field(() => Int, { nullable: true, description: 'Only entities starting on this page.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  page?: number;
}

@ArgsType()
export class DocumentTextArgs {
  @Field(() => Int, { nullable: true, description: 'Only this page (1-based); the whole text when omitted.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  page?: number;
}

@ArgsType()
export class DocumentPagesArgs extends PageArgs {}

@ArgsType()
export class CaseDocumentsArgs extends PageArgs {}
