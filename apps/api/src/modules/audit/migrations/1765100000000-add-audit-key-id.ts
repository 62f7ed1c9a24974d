import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The ledger chain becomes keyed (HMAC with a key kept outside the database): each entry records
 * the fingerprint of the key that made its hash. A plain ADD COLUMN on both databases, so the
 * table (and its append-only triggers) stays as it is; entries from before keep NULL.
 */
export class AddAuditKeyId1765100000000 implements MigrationInterface {
  name = 'AddAuditKeyId1765100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE audit_log ADD COLUMN key_id varchar(16)');
  }

  async down(): Promise<void> {
    throw new Error('The responsibility ledger is append-only: its key column cannot be removed');
  }
}
