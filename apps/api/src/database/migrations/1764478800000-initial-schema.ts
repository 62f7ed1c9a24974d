import { MigrationInterface, QueryRunner, Table, TableForeignKey, TableIndex } from 'typeorm';
import { bool, createdAt, date, idColumn, text, timestamp, updatedAt, varchar } from '../migration-columns.js';

/** Users, sign-in sessions, API keys, cases, parties, assignments and case notes. */
export class InitialSchema1764478800000 implements MigrationInterface {
  name = 'InitialSchema1764478800000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'users',
        columns: [
          idColumn(),
          varchar('email', 254),
          varchar('display_name', 200),
          varchar('role', 16),
          varchar('court', 100, true),
          varchar('password_hash', 255, true),
          bool('active'),
          createdAt(q),
          updatedAt(q),
        ],
        indices: [new TableIndex({ name: 'UQ_users_email', columnNames: ['email'], isUnique: true })],
      }),
    );

    await q.createTable(
      new Table({
        name: 'auth_sessions',
        columns: [
          idColumn(),
          idColumn('user_id', false),
          varchar('token_hash', 64),
          timestamp(q, 'expires_at'),
          timestamp(q, 'revoked_at', true),
          createdAt(q),
        ],
        indices: [
          new TableIndex({ name: 'UQ_auth_sessions_token_hash', columnNames: ['token_hash'], isUnique: true }),
          new TableIndex({ name: 'IDX_auth_sessions_user_id', columnNames: ['user_id'] }),
        ],
        foreignKeys: [
          new TableForeignKey({
            name: 'FK_auth_sessions_user_id',
            columnNames: ['user_id'],
            referencedTableName: 'users',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          }),
        ],
      }),
    );

    await q.createTable(
      new Table({
        name: 'api_keys',
        columns: [
          idColumn(),
          idColumn('user_id', false),
          varchar('name', 100),
          varchar('prefix', 16),
          varchar('key_hash', 64),
          text('courts'),
          varchar('access', 16),
          timestamp(q, 'expires_at', true),
          timestamp(q, 'last_used_at', true),
          timestamp(q, 'revoked_at', true),
          createdAt(q),
        ],
        indices: [
          new TableIndex({ name: 'UQ_api_keys_key_hash', columnNames: ['key_hash'], isUnique: true }),
          new TableIndex({ name: 'IDX_api_keys_user_id', columnNames: ['user_id'] }),
        ],
        foreignKeys: [
          new TableForeignKey({
            name: 'FK_api_keys_user_id',
            columnNames: ['user_id'],
            referencedTableName: 'users',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          }),
        ],
      }),
    );

    await q.createTable(
      new Table({
        name: 'cases',
        columns: [
          idColumn(),
          varchar('docket_number', 64),
          varchar('title', 500),
          varchar('court', 100),
          varchar('case_type', 100),
          varchar('status', 16),
          date('filed_date'),
          bool('sealed'),
          timestamp(q, 'closed_at', true),
          createdAt(q),
          updatedAt(q),
        ],
        indices: [
          new TableIndex({ name: 'UQ_cases_court_docket_number', columnNames: ['court', 'docket_number'], isUnique: true }),
          new TableIndex({ name: 'IDX_cases_filed_date', columnNames: ['filed_date'] }),
        ],
      }),
    );

    await q.createTable(
      new Table({
        name: 'parties',
        columns: [
          idColumn(),
          idColumn('case_id', false),
          varchar('name', 300),
          varchar('role', 16),
          varchar('counsel', 300, true),
          createdAt(q),
        ],
        indices: [new TableIndex({ name: 'IDX_parties_case_id', columnNames: ['case_id'] })],
        foreignKeys: [
          new TableForeignKey({
            name: 'FK_parties_case_id',
            columnNames: ['case_id'],
            referencedTableName: 'cases',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          }),
        ],
      }),
    );

    await q.createTable(
      new Table({
        name: 'case_assignments',
        columns: [idColumn('case_id'), idColumn('user_id'), createdAt(q)],
        indices: [new TableIndex({ name: 'IDX_case_assignments_user_id', columnNames: ['user_id'] })],
        foreignKeys: [
          new TableForeignKey({
            name: 'FK_case_assignments_case_id',
            columnNames: ['case_id'],
            referencedTableName: 'cases',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          }),
          new TableForeignKey({
            name: 'FK_case_assignments_user_id',
            columnNames: ['user_id'],
            referencedTableName: 'users',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          }),
        ],
      }),
    );

    await q.createTable(
      new Table({
        name: 'case_notes',
        columns: [idColumn(), idColumn('case_id', false), idColumn('author_id', false), text('body'), createdAt(q)],
        indices: [new TableIndex({ name: 'IDX_case_notes_case_id', columnNames: ['case_id'] })],
        foreignKeys: [
          new TableForeignKey({
            name: 'FK_case_notes_case_id',
            columnNames: ['case_id'],
            referencedTableName: 'cases',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          }),
          new TableForeignKey({
            name: 'FK_case_notes_author_id',
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
    for (const table of ['case_notes', 'case_assignments', 'parties', 'cases', 'api_keys', 'auth_sessions', 'users']) {
      await q.dropTable(table);
    }
  }
}
