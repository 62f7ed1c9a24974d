import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { CaseEntity } from '../cases/case.entity.js';
import { UserEntity } from '../users/user.entity.js';

/** Where a draft stands: editable, or approved and frozen. */
export enum DraftStatus {
  DRAFT = 'draft',
  APPROVED = 'approved',
}

/**
 * A document drafted from a template for a case. Its content lives in versions (`draft_versions`);
 * version 1 is the machine-made text. Approval freezes the draft and records the approved version,
 * the approver, the time, and the diff between the machine-made and the approved text.
 */
@Entity({ name: 'drafts' })
@Index('IDX_drafts_case_id_created_at', ['caseId', 'createdAt'])
@Index('UQ_drafts_job_id', ['jobId'], { unique: true })
export class DraftEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'case_id', type: 'varchar', length: 36 })
  caseId: string;

  @ManyToOne(() => CaseEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'FK_drafts_case_id' })
  case?: CaseEntity;

  @Column({ name: 'template_id', type: 'varchar', length: 100 })
  templateId: string;

  @Column({ name: 'template_version', type: 'varchar', length: 64 })
  templateVersion: string;

  @Column({ type: 'varchar', length: 500 })
  title: string;

  /** The summary whose sentences and brief filled the draft (null when the case had none). */
  @Column({ name: 'summary_id', type: 'varchar', length: 36, nullable: true })
  summaryId: string | null;

  @Column({ type: 'varchar', length: 16 })
  status: DraftStatus;

  /** The `draft` job that made it: unique, so a job run again after a crash never adds a second draft. */
  @Column({ name: 'job_id', type: 'varchar', length: 36, nullable: true })
  jobId: string | null;

  /** Highest version number; edits name it as their base (optimistic concurrency). */
  @Column({ name: 'current_version', type: 'integer' })
  currentVersion: number;

  @Column({ name: 'created_by', type: 'varchar', length: 36 })
  createdBy: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'FK_drafts_created_by' })
  creator?: UserEntity;

  @Column({ name: 'created_at', type: Date })
  createdAt: Date;

  @Column({ name: 'updated_at', type: Date })
  updatedAt: Date;

  @Column({ name: 'approved_version', type: 'integer', nullable: true })
  approvedVersion: number | null;

  @Column({ name: 'approved_by', type: 'varchar', length: 36, nullable: true })
  approvedBy: string | null;

  @Column({ name: 'approved_at', type: Date, nullable: true })
  approvedAt: Date | null;

  /** JSON: the `DraftDiff` of @amicus/prompts between version 1 and the approved version. */
  @Column({ name: 'approval_diff', type: 'text', nullable: true })
  approvalDiff: string | null;

  /** sha256 of the approved text. */
  @Column({ name: 'approved_sha256', type: 'varchar', length: 64, nullable: true })
  approvedSha256: string | null;
}

/** One version of a draft: the structured draft (sentences with origins and anchors) and its text. */
@Entity({ name: 'draft_versions' })
export class DraftVersionEntity {
  @PrimaryColumn({ name: 'draft_id', type: 'varchar', length: 36 })
  draftId: string;

  @ManyToOne(() => DraftEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'draft_id', foreignKeyConstraintName: 'FK_draft_versions_draft_id' })
  draft?: DraftEntity;

  @PrimaryColumn({ type: 'integer' })
  version: number;

  /** JSON: the `Draft` of @amicus/prompts. */
  @Column({ type: 'text' })
  content: string;

  /** The text form (`draftToText`). */
  @Column({ type: 'text' })
  text: string;

  /** sha256 of `text`. */
  @Column({ type: 'varchar', length: 64 })
  sha256: string;

  /** generated (version 1) or edit. */
  @Column({ type: 'varchar', length: 16 })
  change: string;

  @Column({ name: 'author_id', type: 'varchar', length: 36 })
  authorId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'author_id', foreignKeyConstraintName: 'FK_draft_versions_author_id' })
  author?: UserEntity;

  @Column({ name: 'record_sentences', type: 'integer' })
  recordSentences: number;

  @Column({ name: 'machine_sentences', type: 'integer' })
  machineSentences: number;

  @Column({ name: 'human_sentences', type: 'integer' })
  humanSentences: number;

  @Column({ name: 'created_at', type: Date })
  createdAt: Date;
}
