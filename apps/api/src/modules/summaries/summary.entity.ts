import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { CaseEntity } from '../cases/case.entity.js';
import { UserEntity } from '../users/user.entity.js';

/** `scope` of a summary of a whole case (a document summary's scope is its document id). */
export const CASE_SCOPE = 'case';

/** A summary sentence with its source span: offsets are UTF-16 indices into the document's extracted text. */
export interface StoredSummarySentence {
  text: string;
  documentId: string;
  page: number;
  start: number;
  end: number;
  /**
   * The judgment's own number of the paragraph, or null when it has none. Rows stored before
   * `paragraphIndex` existed hold the paragraph's index here.
   */
  paragraph: number | null;
  /** Index of the source paragraph in the document's segmentation (absent in older rows: see `paragraph`). */
  paragraphIndex?: number;
  /** What the sentence is in the judgment (majority, dissent, order, facts, quotation …); absent in older rows. */
  role?: string;
  /** True for the sentence that states the court's result. */
  result?: boolean;
  score: number;
}

/** The court's result in one summarized document, with the span of the sentence stating it. */
export interface StoredSummaryOutcome {
  disposition: string;
  label: string;
  basis: string;
  confidence: number;
  start: number;
  end: number;
}

/** A document the summary was made from, with the sha256 of its original. */
export interface StoredSummarySource {
  documentId: string;
  sha256: string;
  words: number;
  /** ISO 639-3 code of the document's language and whether the model was trained on it (absent in older rows). */
  language?: { code: string; name: string; supported: boolean };
  /** Warnings for the reader about this document's summary (absent in older rows). */
  warnings?: string[];
  /** The court's result in this document, null when none was found (absent in older rows). */
  outcome?: StoredSummaryOutcome | null;
}

/**
 * One version of the summary of a case (document_id null) or of one document. Versions count up per
 * case and scope; a new run (another model, another length) adds a version and old ones stay. Written
 * once per job: `job_id` is unique, so a job that is run again never adds a second row.
 */
@Entity({ name: 'summaries' })
@Index('UQ_summaries_job_id', ['jobId'], { unique: true })
@Index('UQ_summaries_case_id_scope_version', ['caseId', 'scope', 'version'], { unique: true })
export class SummaryEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'case_id', type: 'varchar', length: 36 })
  caseId: string;

  @ManyToOne(() => CaseEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'FK_summaries_case_id' })
  case?: CaseEntity;

  /** The summarized document; null for a summary of the whole case. */
  @Column({ name: 'document_id', type: 'varchar', length: 36, nullable: true })
  documentId: string | null;

  /** `case`, or the document id: what the version numbers count within. */
  @Column({ type: 'varchar', length: 36 })
  scope: string;

  @Column({ type: 'integer' })
  version: number;

  /** Length setting: short, standard, detailed, or `words:N`. */
  @Column({ type: 'varchar', length: 32 })
  length: string;

  /** Words in the summary. */
  @Column({ type: 'integer' })
  words: number;

  /** JSON: the brief (GraphQL `CaseBrief` shape, sources with document, page and offsets). */
  @Column({ type: 'text' })
  brief: string;

  /** JSON: `StoredSummarySentence[]`, documents in order, sentences in document order. */
  @Column({ type: 'text' })
  sentences: string;

  /** JSON: `StoredSummarySource[]`. */
  @Column({ type: 'text' })
  sources: string;

  @Column({ name: 'model_name', type: 'varchar', length: 200 })
  modelName: string;

  @Column({ name: 'model_version', type: 'varchar', length: 64 })
  modelVersion: string;

  /** sha256 of the model's manifest (identifies every file of the model). */
  @Column({ name: 'model_sha256', type: 'varchar', length: 64 })
  modelSha256: string;

  /** JSON: the settings used (length, word budget per document, threads). */
  @Column({ type: 'text' })
  settings: string;

  /** sha256 of the canonical JSON of the sentences and brief. */
  @Column({ name: 'output_sha256', type: 'varchar', length: 64 })
  outputSha256: string;

  @Column({ name: 'job_id', type: 'varchar', length: 36 })
  jobId: string;

  @Column({ name: 'created_by', type: 'varchar', length: 36, nullable: true })
  createdBy: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'FK_summaries_created_by' })
  creator?: UserEntity;

  @Column({ name: 'created_at', type: Date })
  createdAt: Date;
}
