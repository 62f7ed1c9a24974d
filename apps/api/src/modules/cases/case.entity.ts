import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

export enum CaseStatus {
  OPEN = 'open',
  STAYED = 'stayed',
  CLOSED = 'closed',
}

@Entity({ name: 'cases' })
@Index('UQ_cases_court_docket_number', ['court', 'docketNumber'], { unique: true })
@Index('UQ_cases_court_docket_key', ['court', 'docketKey'], { unique: true })
@Index('IDX_cases_filed_date', ['filedDate'])
@Index('IDX_cases_court_filed_date_id', ['court', 'filedDate', 'id'])
@Index('IDX_cases_status_filed_date_id', ['status', 'filedDate', 'id'])
@Index('IDX_cases_docket_number_id', ['docketNumber', 'id'])
@Index('IDX_cases_title_id', ['title', 'id'])
export class CaseEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'docket_number', type: 'varchar', length: 64 })
  docketNumber: string;

  /** The docket number as uniqueness compares it (`docketKey()`): unique per court regardless of case. */
  @Column({ name: 'docket_key', type: 'varchar', length: 64, nullable: true })
  docketKey: string | null;

  @Column({ type: 'varchar', length: 500 })
  title: string;

  @Column({ type: 'varchar', length: 100 })
  court: string;

  @Column({ name: 'case_type', type: 'varchar', length: 100 })
  caseType: string;

  @Column({ type: 'varchar', length: 16 })
  status: CaseStatus;

  /** ISO date (YYYY-MM-DD). */
  @Column({ name: 'filed_date', type: 'date' })
  filedDate: string;

  @Column({ type: 'boolean' })
  sealed: boolean;

  @Column({ name: 'closed_at', type: Date, nullable: true })
  closedAt: Date | null;

  @CreateDateColumn({ name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at' })
  updatedAt: Date;
}
