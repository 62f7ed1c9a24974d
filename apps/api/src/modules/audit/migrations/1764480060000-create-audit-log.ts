import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';

/**
 * The responsibility ledger, append-only from the start: triggers reject every UPDATE and DELETE
 * (and TRUNCATE on PostgreSQL). This migration cannot be reverted: reverting would delete the ledger.
 */
export class CreateAuditLog1764480060000 implements MigrationInterface {
  name = 'CreateAuditLog1764480060000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'audit_log',
        columns: [
          { name: 'seq', type: 'integer', isPrimary: true },
          { name: 'at', type: 'bigint' },
          { name: 'actor_id', type: 'varchar', length: '36', isNullable: true },
          { name: 'actor_role', type: 'varchar', length: '16', isNullable: true },
          { name: 'action', type: 'varchar', length: '64' },
          { name: 'case_id', type: 'varchar', length: '36', isNullable: true },
          { name: 'details', type: 'text' },
          { name: 'input_hashes', type: 'text' },
          { name: 'output_hash', type: 'varchar', length: '64', isNullable: true },
          { name: 'model_sha256', type: 'varchar', length: '64', isNullable: true },
          { name: 'template', type: 'varchar', length: '200', isNullable: true },
          { name: 'prev_hash', type: 'varchar', length: '64' },
          { name: 'hash', type: 'varchar', length: '64' },
        ],
        indices: [
          new TableIndex({ name: 'IDX_audit_log_case', columnNames: ['case_id'] }),
          new TableIndex({ name: 'IDX_audit_log_actor', columnNames: ['actor_id'] }),
          new TableIndex({ name: 'IDX_audit_log_action', columnNames: ['action'] }),
          new TableIndex({ name: 'IDX_audit_log_at', columnNames: ['at'] }),
          new TableIndex({ name: 'UQ_audit_log_hash', columnNames: ['hash'], isUnique: true }),
        ],
      }),
    );
    for (const statement of appendOnlyTriggers(queryRunner.connection.options.type)) await queryRunner.query(statement);
  }

  async down(): Promise<void> {
    throw new Error('The responsibility ledger is append-only: this migration cannot be reverted');
  }
}

/** SQL that makes `audit_log` reject UPDATE and DELETE (and TRUNCATE on PostgreSQL). */
export function appendOnlyTriggers(databaseType: string): string[] {
  if (databaseType === 'postgres') {
    return [
      `CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$`,
      `CREATE TRIGGER audit_log_no_update_delete BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`,
      `CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()`,
    ];
  }
  return [
    `CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only: UPDATE is not allowed'); END`,
    `CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only: DELETE is not allowed'); END`,
  ];
}
