import { MigrationInterface, QueryRunner, Table, TableForeignKey, TableIndex } from 'typeorm';
import { idColumn, integer, text, timestamp, varchar } from '../../../database/migration-columns.js';

/** Drafts made from templates, their versions and their approval. */
export class CreateDrafts1764480240000 implements MigrationInterface {
  name = 'CreateDrafts1764480240000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'drafts',
        columns: [
          idColumn(),
          idColumn('case_id', false),
          varchar('template_id', 100),
          varchar('template_version', 64),
          varchar('title', 500),
          varchar('summary_id', 36, true),
          varchar('status', 16),
          integer('current_version'),
          idColumn('created_by', false),
          timestamp(q, 'created_at'),
          timestamp(q, 'updated_at'),
          integer('approved_version', true),
          varchar('approved_by', 36, true),
          timestamp(q, 'approved_at', true),
          text('approval_diff', true),
          varchar('approved_sha256', 64, true),
        ],
        indices: [new TableIndex({ name: 'IDX_drafts_case_id_created_at', columnNames: ['case_id', 'created_at'] })],
        foreignKeys: [
          new TableForeignKey({
            name: 'FK_drafts_case_id',
            columnNames: ['case_id'],
            referencedTableName: 'cases',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          }),
          new TableForeignKey({
            name: 'FK_drafts_created_by',
            columnNames: ['created_by'],
            referencedTableName: 'users',
            referencedColumnNames: ['id'],
            onDelete: 'RESTRICT',
          }),
        ],
      }),
    );

    await q.createTable(
      new Table({
        name: 'draft_versions',
        columns: [
          idColumn('draft_id'),
          { name: 'version', type: 'integer', isPrimary: true },
          text('content'),
          text('text'),
          varchar('sha256', 64),
          varchar('change', 16),
          idColumn('author_id', false),
          integer('record_sentences'),
          integer('machine_sentences'),
          integer('human_sentences'),
          timestamp(q, 'created_at'),
        ],
        foreignKeys: [
          new TableForeignKey({
            name: 'FK_draft_versions_draft_id',
            columnNames: ['draft_id'],
            referencedTableName: 'drafts',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          }),
          new TableForeignKey({
            name: 'FK_draft_versions_author_id',
            columnNames: ['author_id'],
            referencedTableName: 'users',
            referencedColumnNames: ['id'],
            onDelete: 'RESTRICT',
          }),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('draft_versions');
    await q.dropTable('drafts');
  }
}
