import { MigrationInterface, QueryRunner, Table, TableForeignKey, TableIndex } from 'typeorm';
import { idColumn, integer, text, timestamp, varchar } from '../../../database/migration-columns.js';

/** Versioned summaries of cases and documents. */
export class CreateSummaries1764480180000 implements MigrationInterface {
  name = 'CreateSummaries1764480180000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'summaries',
        columns: [
          idColumn(),
          idColumn('case_id', false),
          varchar('document_id', 36, true),
          varchar('scope', 36),
          integer('version'),
          varchar('length', 32),
          integer('words'),
          text('brief'),
          text('sentences'),
          text('sources'),
          varchar('model_name', 200),
          varchar('model_version', 64),
          varchar('model_sha256', 64),
          text('settings'),
          varchar('output_sha256', 64),
          idColumn('job_id', false),
          varchar('created_by', 36, true),
          timestamp(q, 'created_at'),
        ],
        indices: [
          new TableIndex({ name: 'UQ_summaries_job_id', columnNames: ['job_id'], isUnique: true }),
          new TableIndex({ name: 'UQ_summaries_case_id_scope_version', columnNames: ['case_id', 'scope', 'version'], isUnique: true }),
        ],
        foreignKeys: [
          new TableForeignKey({
            name: 'FK_summaries_case_id',
            columnNames: ['case_id'],
            referencedTableName: 'cases',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          }),
          new TableForeignKey({
            name: 'FK_summaries_created_by',
            columnNames: ['created_by'],
            referencedTableName: 'users',
            referencedColumnNames: ['id'],
            onDelete: 'SET NULL',
          }),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('summaries');
  }
}
