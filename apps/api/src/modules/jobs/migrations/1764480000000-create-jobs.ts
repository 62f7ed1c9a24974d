import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';

/** The durable job table shared by the embedded queue and the BullMQ backend. */
export class CreateJobs1764480000000 implements MigrationInterface {
  name = 'CreateJobs1764480000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'jobs',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'type', type: 'varchar', length: '64' },
          { name: 'payload', type: 'text' },
          { name: 'case_id', type: 'varchar', length: '36', isNullable: true },
          { name: 'priority', type: 'integer' },
          { name: 'state', type: 'varchar', length: '16' },
          { name: 'progress', type: 'integer', default: 0 },
          { name: 'stage', type: 'varchar', length: '100', isNullable: true },
          { name: 'attempts', type: 'integer', default: 0 },
          { name: 'max_attempts', type: 'integer' },
          { name: 'run_after', type: 'bigint' },
          { name: 'lease_owner', type: 'varchar', length: '100', isNullable: true },
          { name: 'lease_expires_at', type: 'bigint', isNullable: true },
          { name: 'cancel_requested_at', type: 'bigint', isNullable: true },
          { name: 'result', type: 'text', isNullable: true },
          { name: 'error_code', type: 'varchar', length: '64', isNullable: true },
          { name: 'error_message', type: 'text', isNullable: true },
          { name: 'created_by', type: 'varchar', length: '36', isNullable: true },
          { name: 'created_at', type: 'bigint' },
          { name: 'started_at', type: 'bigint', isNullable: true },
          { name: 'finished_at', type: 'bigint', isNullable: true },
          { name: 'updated_at', type: 'bigint' },
        ],
      }),
    );
    await queryRunner.createIndex(
      'jobs',
      new TableIndex({ name: 'IDX_jobs_claim', columnNames: ['state', 'priority', 'created_at'] }),
    );
    await queryRunner.createIndex('jobs', new TableIndex({ name: 'IDX_jobs_case', columnNames: ['case_id'] }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('jobs', 'IDX_jobs_case');
    await queryRunner.dropIndex('jobs', 'IDX_jobs_claim');
    await queryRunner.dropTable('jobs');
  }
}
