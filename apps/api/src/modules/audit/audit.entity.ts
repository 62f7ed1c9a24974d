import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { bigintNumber as epochMs } from '../../database/columns.js';

/**
 * One entry of the responsibility ledger. Rows are only ever inserted: the database rejects UPDATE
 * and DELETE (triggers created by the migration), and the code has no path that changes a row.
 */
@Entity({ name: 'audit_log' })
@Index('IDX_audit_log_case', ['caseId'])
@Index('IDX_audit_log_actor', ['actorId'])
@Index('IDX_audit_log_action', ['action'])
@Index('IDX_audit_log_at', ['at'])
@Index('UQ_audit_log_hash', ['hash'], { unique: true })
export class AuditEntryEntity {
  /** Position in the chain, from 1, without gaps. */
  @PrimaryColumn({ type: 'integer' })
  seq: number;

  /** Epoch milliseconds. */
  @Column({ type: 'bigint', transformer: epochMs })
  at: number;

  @Column({ name: 'actor_id', type: 'varchar', length: 36, nullable: true })
  actorId: string | null;

  @Column({ name: 'actor_role', type: 'varchar', length: 16, nullable: true })
  actorRole: string | null;

  @Column({ type: 'varchar', length: 64 })
  action: string;

  @Column({ name: 'case_id', type: 'varchar', length: 36, nullable: true })
  caseId: string | null;

  /** Canonical JSON text (sorted keys). */
  @Column({ type: 'text' })
  details: string;

  /** Canonical JSON array of sha256 hex digests of the inputs. */
  @Column({ name: 'input_hashes', type: 'text' })
  inputHashes: string;

  @Column({ name: 'output_hash', type: 'varchar', length: 64, nullable: true })
  outputHash: string | null;

  @Column({ name: 'model_sha256', type: 'varchar', length: 64, nullable: true })
  modelSha256: string | null;

  /** `template-id@version`. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  template: string | null;

  @Column({ name: 'prev_hash', type: 'varchar', length: 64 })
  prevHash: string;

  @Column({ type: 'varchar', length: 64 })
  hash: string;

  /** Fingerprint of the ledger key the hash was made with; null for entries from before keying. */
  @Column({ name: 'key_id', type: 'varchar', length: 16, nullable: true })
  keyId: string | null;
}
