import { MigrationInterface, QueryRunner, Table, TableForeignKey, TableIndex } from 'typeorm';
import { bool, idColumn, integer, text, timestamp, varchar } from '../../../database/migration-columns.js';

/** Uploaded documents, their page texts and the entities found in them. */
export class CreateDocuments1764480120000 implements MigrationInterface {
  name = 'CreateDocuments1764480120000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'documents',
        columns: [
          idColumn(),
          idColumn('case_id', false),
          varchar('title', 500),
          varchar('kind', 16),
          { name: 'filed_date', type: 'date', isNullable: true },
          varchar('sha256', 64),
          { name: 'bytes', type: 'bigint', isNullable: false },
          varchar('media_type', 100),
          varchar('original_name', 255),
          integer('pages', true),
          bool('ocr'),
          varchar('extraction_status', 16),
          varchar('extraction_error', 64, true),
          varchar('job_id', 36, true),
          idColumn('uploaded_by', false),
          timestamp(q, 'created_at'),
        ],
        indices: [
          new TableIndex({ name: 'UQ_documents_case_id_sha256', columnNames: ['case_id', 'sha256'], isUnique: true }),
          new TableIndex({ name: 'IDX_documents_case_id_created_at', columnNames: ['case_id', 'created_at'] }),
          new TableIndex({ name: 'IDX_documents_sha256', columnNames: ['sha256'] }),
        ],
        foreignKeys: [
          new TableForeignKey({
            name: 'FK_documents_case_id',
            columnNames: ['case_id'],
            referencedTableName: 'cases',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          }),
          new TableForeignKey({
            name: 'FK_documents_uploaded_by',
            columnNames: ['uploaded_by'],
            referencedTableName: 'users',
            referencedColumnNames: ['id'],
            onDelete: 'RESTRICT',
          }),
        ],
      }),
    );

    await q.createTable(
      new Table({
        name: 'document_pages',
        columns: [
          idColumn('document_id'),
          { name: 'number', type: 'integer', isPrimary: true },
          text('text'),
          integer('start_offset'),
          integer('end_offset'),
          bool('ocr'),
        ],
        foreignKeys: [
          new TableForeignKey({
            name: 'FK_document_pages_document_id',
            columnNames: ['document_id'],
            referencedTableName: 'documents',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          }),
        ],
      }),
    );

    await q.createTable(
      new Table({
        name: 'document_entities',
        columns: [
          idColumn('document_id'),
          { name: 'seq', type: 'integer', isPrimary: true },
          varchar('type', 32),
          text('text'),
          integer('start_offset'),
          integer('end_offset'),
          text('normalized', true),
          integer('page'),
        ],
        indices: [new TableIndex({ name: 'IDX_document_entities_document_id_type', columnNames: ['document_id', 'type'] })],
        foreignKeys: [
          new TableForeignKey({
            name: 'FK_document_entities_document_id',
            columnNames: ['document_id'],
            referencedTableName: 'documents',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          }),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('document_entities');
    await q.dropTable('document_pages');
    await q.dropTable('documents');
  }
}
