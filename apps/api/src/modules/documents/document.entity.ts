import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { bigintNumber } from '../../database/columns.js';
import { CaseEntity } from '../cases/case.entity.js';
import { UserEntity } from '../users/user.entity.js';

/** Kind of court document, chosen by the uploader. */
export enum DocumentKind {
  COMPLAINT = 'complaint',
  MOTION = 'motion',
  ORDER = 'order',
  JUDGMENT = 'judgment',
  EXHIBIT = 'exhibit',
  OTHER = 'other',
}

/** Where text extraction of a document stands. */
export enum ExtractionStatus {
  QUEUED = 'queued',
  RUNNING = 'running',
  DONE = 'done',
  FAILED = 'failed',
}

/** BIGINT as a number; PostgreSQL returns BIGINT as a string. */
/**
 * An uploaded court document. The original bytes live in the content-addressed blob store under
 * `sha256`; this row holds its metadata and the state of its text extraction.
 */
@Entity({ name: 'documents' })
@Index('UQ_documents_case_id_sha256', ['caseId', 'sha256'], { unique: true })
@Index('IDX_documents_case_id_created_at', ['caseId', 'createdAt'])
@Index('IDX_documents_sha256', ['sha256'])
export class DocumentEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'case_id', type: 'varchar', length: 36 })
  caseId: string;

  @ManyToOne(() => CaseEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'FK_documents_case_id' })
  case?: CaseEntity;

  @Column({ type: 'varchar', length: 500 })
  title: string;

  @Column({ type: 'varchar', length: 16 })
  kind: DocumentKind;

  /** ISO date (YYYY-MM-DD) the document was filed with the court. */
  @Column({ name: 'filed_date', type: 'date', nullable: true })
  filedDate: string | null;

  /** Lowercase hex sha256 of the original bytes (also the blob's name). */
  @Column({ type: 'varchar', length: 64 })
  sha256: string;

  @Column({ type: 'bigint', transformer: bigintNumber })
  bytes: number;

  /** Media type decided from the content (never from the file name). */
  @Column({ name: 'media_type', type: 'varchar', length: 100 })
  mediaType: string;

  @Column({ name: 'original_name', type: 'varchar', length: 255 })
  originalName: string;

  /** Number of pages, once extracted. */
  @Column({ type: 'integer', nullable: true })
  pages: number | null;

  /** Whether any page's text came from OCR. */
  @Column({ type: 'boolean' })
  ocr: boolean;

  @Column({ name: 'extraction_status', type: 'varchar', length: 16 })
  extractionStatus: ExtractionStatus;

  /** Stable code of the extraction failure (ENCRYPTED_PDF, ZIP_BOMB, TIMEOUT …). */
  @Column({ name: 'extraction_error', type: 'varchar', length: 64, nullable: true })
  extractionError: string | null;

  /** The extraction job. */
  @Column({ name: 'job_id', type: 'varchar', length: 36, nullable: true })
  jobId: string | null;

  @Column({ name: 'uploaded_by', type: 'varchar', length: 36 })
  uploadedBy: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'uploaded_by', foreignKeyConstraintName: 'FK_documents_uploaded_by' })
  uploader?: UserEntity;

  /** Set by the application at millisecond precision (keyset pagination relies on it). */
  @Column({ name: 'created_at', type: Date })
  createdAt: Date;
}

/** The text of one page of a document, with its offsets in the whole document text. */
@Entity({ name: 'document_pages' })
export class DocumentPageEntity {
  @PrimaryColumn({ name: 'document_id', type: 'varchar', length: 36 })
  documentId: string;

  @ManyToOne(() => DocumentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'document_id', foreignKeyConstraintName: 'FK_document_pages_document_id' })
  document?: DocumentEntity;

  /** 1-based page number. */
  @PrimaryColumn({ type: 'integer' })
  number: number;

  @Column({ type: 'text' })
  text: string;

  /** UTF-16 offsets of this page's text within the document text. */
  @Column({ name: 'start_offset', type: 'integer' })
  start: number;

  @Column({ name: 'end_offset', type: 'integer' })
  end: number;

  /** Whether the page's text was read by OCR. */
  @Column({ type: 'boolean' })
  ocr: boolean;
}

/** An entity (citation, statute, party, judge, date, money, case number, court) found in a document's text. */
@Entity({ name: 'document_entities' })
@Index('IDX_document_entities_document_id_type', ['documentId', 'type'])
export class DocumentMentionEntity {
  @PrimaryColumn({ name: 'document_id', type: 'varchar', length: 36 })
  documentId: string;

  @ManyToOne(() => DocumentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'document_id', foreignKeyConstraintName: 'FK_document_entities_document_id' })
  document?: DocumentEntity;

  /** Position in the document's entity list (text order). */
  @PrimaryColumn({ type: 'integer' })
  seq: number;

  @Column({ type: 'varchar', length: 32 })
  type: string;

  @Column({ type: 'text' })
  text: string;

  @Column({ name: 'start_offset', type: 'integer' })
  start: number;

  @Column({ name: 'end_offset', type: 'integer' })
  end: number;

  @Column({ type: 'text', nullable: true })
  normalized: string | null;

  /** Page the entity starts on. */
  @Column({ type: 'integer' })
  page: number;
}
