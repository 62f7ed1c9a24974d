import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { bigintNumber as epochMs } from '../../database/columns.js';

/**
 * A durable job. The row is the source of truth for state and progress whichever backend delivers it.
 * Times are epoch milliseconds so that claims and lease checks compare plain integers on every database.
 */
@Entity({ name: 'jobs' })
@Index('IDX_jobs_claim', ['state', 'priority', 'createdAt'])
@Index('IDX_jobs_case', ['caseId'])
export class JobEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 64 })
  type: string;

  /** JSON text. */
  @Column({ type: 'text' })
  payload: string;

  @Column({ name: 'case_id', type: 'varchar', length: 36, nullable: true })
  caseId: string | null;

  @Column({ type: 'integer' })
  priority: number;

  @Column({ type: 'varchar', length: 16 })
  state: string;

  @Column({ type: 'integer', default: 0 })
  progress: number;

  @Column({ type: 'varchar', length: 100, nullable: true })
  stage: string | null;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ name: 'max_attempts', type: 'integer' })
  maxAttempts: number;

  @Column({ name: 'run_after', type: 'bigint', transformer: epochMs })
  runAfter: number;

  @Column({ name: 'lease_owner', type: 'varchar', length: 100, nullable: true })
  leaseOwner: string | null;

  @Column({ name: 'lease_expires_at', type: 'bigint', nullable: true, transformer: epochMs })
  leaseExpiresAt: number | null;

  @Column({ name: 'cancel_requested_at', type: 'bigint', nullable: true, transformer: epochMs })
  cancelRequestedAt: number | null;

  /** JSON text of the handler's return value. */
  @Column({ type: 'text', nullable: true })
  result: string | null;

  @Column({ name: 'error_code', type: 'varchar', length: 64, nullable: true })
  errorCode: string | null;

  @Column({ name: 'error_message', type: 'text', nullable: true })
  errorMessage: string | null;

  @Column({ name: 'created_by', type: 'varchar', length: 36, nullable: true })
  createdBy: string | null;

  /** Id of the HTTP request that queued the job (X-Request-Id), carried into the job's log lines. */
  @Column({ name: 'request_id', type: 'varchar', length: 64, nullable: true })
  requestId: string | null;

  @Column({ name: 'created_at', type: 'bigint', transformer: epochMs })
  createdAt: number;

  @Column({ name: 'started_at', type: 'bigint', nullable: true, transformer: epochMs })
  startedAt: number | null;

  @Column({ name: 'finished_at', type: 'bigint', nullable: true, transformer: epochMs })
  finishedAt: number | null;

  @Column({ name: 'updated_at', type: 'bigint', transformer: epochMs })
  updatedAt: number;
}
